package org.alliancechain.cli.client;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.Map;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.proto.v1.EvidenceAnchor;
import org.alliancechain.proto.v1.Governance;
import org.alliancechain.proto.v1.KvDelete;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.MetadataEntry;
import org.alliancechain.proto.v1.RegisterClient;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;

/**
 * Builds and signs transactions of one sender for one chain. Each gets a fresh random 16-byte
 * nonce, so two equal operations get different ids (ADR 0003: the id is the replay guard).
 * Thread-safe.
 */
public final class TransactionFactory {
  static final int NONCE_BYTES = 16;

  private final String chainId;
  private final SigningKey sender;
  private final HashAlgorithm hash;
  private final org.alliancechain.proto.v1.PublicKey senderProto;
  private final SecureRandom random = new SecureRandom();

  public TransactionFactory(String chainId, HashAlgorithm hash, SigningKey sender) {
    this.chainId = chainId;
    this.sender = sender;
    this.hash = hash;
    this.senderProto = ProtoKeys.toProto(sender.publicKey());
  }

  public SigningKey sender() {
    return sender;
  }

  public byte[] put(String namespace, ByteString key, ByteString value, long expiryHeight) {
    return sign(body(expiryHeight).setKvPut(KvPut.newBuilder().setNamespace(namespace)
        .setKey(key).setValue(value)));
  }

  public byte[] delete(String namespace, ByteString key, long expiryHeight) {
    return sign(body(expiryHeight).setKvDelete(KvDelete.newBuilder().setNamespace(namespace)
        .setKey(key)));
  }

  public byte[] anchor(byte[] digest, String algorithm, Map<String, String> metadata,
      long expiryHeight) {
    EvidenceAnchor.Builder anchor = EvidenceAnchor.newBuilder()
        .setDocumentDigest(ByteString.copyFrom(digest)).setDigestAlgorithm(algorithm);
    metadata.forEach((key, value) -> anchor.addMetadata(MetadataEntry.newBuilder().setKey(key)
        .setValue(value)));
    return sign(body(expiryHeight).setEvidenceAnchor(anchor));
  }

  public byte[] registerClient(PublicKey client, String organization, String label,
      long expiryHeight) {
    return sign(body(expiryHeight).setGovernance(Governance.newBuilder().setRegisterClient(
        RegisterClient.newBuilder().setClient(ProtoKeys.toProto(client))
            .setOrganization(organization).setLabel(label))));
  }

  private TransactionBody.Builder body(long expiryHeight) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return TransactionBody.newBuilder().setChainId(chainId).setSender(senderProto)
        .setNonce(ByteString.copyFrom(nonce)).setExpiryHeight(expiryHeight);
  }

  private byte[] sign(TransactionBody.Builder body) {
    byte[] bytes = body.build().toByteArray();
    return SignedTransaction.newBuilder().setBody(ByteString.copyFrom(bytes))
        .setSignature(ByteString.copyFrom(sender.sign(SigningDomain.TRANSACTION, bytes)))
        .build().toByteArray();
  }

  /** The transaction id, H(body), of signed transaction bytes this factory made. */
  public ByteString id(byte[] signedTransaction) {
    return idOf(hash, signedTransaction);
  }

  /** The transaction id of any SignedTransaction bytes under the chain's hash. */
  public static ByteString idOf(HashAlgorithm hash, byte[] signedTransaction) {
    try {
      byte[] body = SignedTransaction.parseFrom(signedTransaction).getBody().toByteArray();
      return ByteString.copyFrom(hash.digest(body));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not SignedTransaction bytes", e);
    }
  }
}
