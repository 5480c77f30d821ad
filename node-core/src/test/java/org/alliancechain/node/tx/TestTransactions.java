package org.alliancechain.node.tx;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.proto.v1.EvidenceAnchor;
import org.alliancechain.proto.v1.Governance;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;

/** Builds real signed transactions for tests. */
public final class TestTransactions {
  private static final AtomicLong NONCE = new AtomicLong(1);

  private TestTransactions() {}

  public static TransactionBody.Builder body(String chainId, SigningKey sender) {
    return TransactionBody.newBuilder()
        .setChainId(chainId)
        .setSender(ProtoKeys.toProto(sender.publicKey()))
        .setNonce(ByteString.copyFrom(java.nio.ByteBuffer.allocate(8)
            .putLong(NONCE.getAndIncrement()).array()))
        .setExpiryHeight(100);
  }

  public static byte[] sign(SigningKey sender, TransactionBody body) {
    byte[] bodyBytes = body.toByteArray();
    return SignedTransaction.newBuilder()
        .setBody(ByteString.copyFrom(bodyBytes))
        .setSignature(ByteString.copyFrom(sender.sign(SigningDomain.TRANSACTION, bodyBytes)))
        .build().toByteArray();
  }

  public static byte[] put(String chainId, SigningKey sender, String namespace, String key,
      String value) {
    return sign(sender, body(chainId, sender).setKvPut(KvPut.newBuilder()
        .setNamespace(namespace)
        .setKey(ByteString.copyFromUtf8(key))
        .setValue(ByteString.copyFromUtf8(value))).build());
  }

  public static byte[] anchor(String chainId, SigningKey sender, byte[] sha256) {
    return sign(sender, body(chainId, sender).setEvidenceAnchor(EvidenceAnchor.newBuilder()
        .setDocumentDigest(ByteString.copyFrom(sha256))
        .setDigestAlgorithm("sha-256")
        .addMetadata(org.alliancechain.proto.v1.MetadataEntry.newBuilder()
            .setKey("title").setValue("contract.pdf"))).build());
  }

  public static byte[] governance(String chainId, SigningKey admin, Governance governance) {
    return sign(admin, body(chainId, admin).setGovernance(governance).build());
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static SecureRandom random() {
    return new SecureRandom();
  }
}
