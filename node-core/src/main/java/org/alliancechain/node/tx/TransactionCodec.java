package org.alliancechain.node.tx;

import static org.alliancechain.node.tx.InvalidTransactionException.Reason.INVALID_FIELD;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.MALFORMED;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.TOO_LARGE;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.UNSUPPORTED_KEY;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.WRONG_CHAIN;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;

/**
 * Decodes SignedTransaction bytes and checks everything that needs no state: size, format,
 * chain, key, field shapes. Signatures are checked separately, in batches; expiry and
 * permissions need the chain's height and state.
 */
public final class TransactionCodec {
  private final ChainRules rules;

  public TransactionCodec(ChainRules rules) {
    this.rules = rules;
  }

  /**
   * The ids of a committed block's transactions, without decoding or checking them further (its
   * certificate vouches for them); empty if the block does not parse.
   */
  public List<TransactionId> idsOf(byte[] encodedBlock) {
    try {
      Block block = Block.parseFrom(encodedBlock);
      List<TransactionId> ids = new ArrayList<>(block.getTransactionsCount());
      for (ByteString encoded : block.getTransactionsList()) {
        ids.add(TransactionId.of(rules.hash().digest(
            SignedTransaction.parseFrom(encoded).getBody().toByteArray())));
      }
      return ids;
    } catch (InvalidProtocolBufferException e) {
      return List.of();
    }
  }

  public Transaction decode(byte[] encoded) throws InvalidTransactionException {
    return decode(ByteString.copyFrom(encoded));
  }

  public Transaction decode(ByteString encoded) throws InvalidTransactionException {
    if (encoded.size() > rules.maxTransactionBytes()) {
      throw new InvalidTransactionException(TOO_LARGE, "transaction is " + encoded.size()
          + " bytes, the chain allows at most " + rules.maxTransactionBytes());
    }
    SignedTransaction signed;
    TransactionBody body;
    try {
      signed = SignedTransaction.parseFrom(encoded);
      body = TransactionBody.parseFrom(signed.getBody());
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidTransactionException(MALFORMED,
          "not a SignedTransaction with a TransactionBody: " + e.getMessage());
    }
    if (signed.getBody().isEmpty()) {
      throw new InvalidTransactionException(MALFORMED, "transaction body is empty");
    }
    if (!rules.chainId().equals(body.getChainId())) {
      throw new InvalidTransactionException(WRONG_CHAIN, "transaction is for chain '"
          + body.getChainId() + "', this is chain '" + rules.chainId() + "'");
    }
    PublicKey sender = senderOf(body);
    if (signed.getSignature().size() != sender.scheme().signatureLength()) {
      throw new InvalidTransactionException(MALFORMED, "signature is " + signed.getSignature().size()
          + " bytes, a " + sender.scheme().id() + " signature is "
          + sender.scheme().signatureLength());
    }
    int nonceLength = body.getNonce().size();
    if (nonceLength < 8 || nonceLength > 32) {
      throw new InvalidTransactionException(INVALID_FIELD,
          "nonce is " + nonceLength + " bytes, expected 8 to 32");
    }
    TransactionId id = TransactionId.of(rules.hash().digest(signed.getBody().toByteArray()));
    return new Transaction(id, encoded, signed.getBody(), signed.getSignature(),
        body.getChainId(), sender, body.getNonce(), body.getExpiryHeight(), operationOf(body));
  }

  private PublicKey senderOf(TransactionBody body) throws InvalidTransactionException {
    if (!body.hasSender()) {
      throw new InvalidTransactionException(INVALID_FIELD, "transaction has no sender key");
    }
    PublicKey sender = publicKey(body.getSender(), "sender");
    if (!rules.suite().allows(sender.scheme())) {
      throw new InvalidTransactionException(UNSUPPORTED_KEY, "sender key is " + sender.scheme().id()
          + ", the " + rules.suite().id() + " suite of this chain does not allow it");
    }
    return sender;
  }

  private PublicKey publicKey(org.alliancechain.proto.v1.PublicKey key, String field)
      throws InvalidTransactionException {
    try {
      return ProtoKeys.fromProto(key);
    } catch (CryptoException e) {
      throw new InvalidTransactionException(UNSUPPORTED_KEY, field + ": " + e.getMessage());
    }
  }

  private Operation operationOf(TransactionBody body) throws InvalidTransactionException {
    return switch (body.getOperationCase()) {
      case KV_PUT -> {
        var put = body.getKvPut();
        OperationRules.checkUserNamespace(put.getNamespace());
        OperationRules.checkKey(put.getKey());
        yield new Operation.KvPut(put.getNamespace(), put.getKey(), put.getValue());
      }
      case KV_DELETE -> {
        var delete = body.getKvDelete();
        OperationRules.checkUserNamespace(delete.getNamespace());
        OperationRules.checkKey(delete.getKey());
        yield new Operation.KvDelete(delete.getNamespace(), delete.getKey());
      }
      case EVIDENCE_ANCHOR -> anchorOf(body.getEvidenceAnchor());
      case GOVERNANCE -> governanceOf(body.getGovernance());
      case OPERATION_NOT_SET -> throw new InvalidTransactionException(INVALID_FIELD,
          "transaction has no operation, expected kv_put, kv_delete, evidence_anchor or governance");
    };
  }

  private static Operation anchorOf(org.alliancechain.proto.v1.EvidenceAnchor anchor)
      throws InvalidTransactionException {
    OperationRules.checkDigest(anchor.getDigestAlgorithm(), anchor.getDocumentDigest());
    OperationRules.checkMetadataCount(anchor.getMetadataCount());
    List<Operation.Metadata> metadata = new ArrayList<>(anchor.getMetadataCount());
    for (var entry : anchor.getMetadataList()) {
      OperationRules.checkMetadata(entry.getKey(), entry.getValue());
      metadata.add(new Operation.Metadata(entry.getKey(), entry.getValue()));
    }
    return new Operation.AnchorEvidence(anchor.getDocumentDigest(), anchor.getDigestAlgorithm(),
        metadata);
  }

  private Operation governanceOf(org.alliancechain.proto.v1.Governance governance)
      throws InvalidTransactionException {
    return switch (governance.getActionCase()) {
      case REGISTER_CLIENT -> {
        var register = governance.getRegisterClient();
        OperationRules.checkText("register_client.label", register.getLabel());
        yield new Operation.RegisterClient(clientKey(register.hasClient(), register.getClient()),
            register.getOrganization(), register.getLabel());
      }
      case REVOKE_CLIENT -> {
        var revoke = governance.getRevokeClient();
        OperationRules.checkText("revoke_client.reason", revoke.getReason());
        yield new Operation.RevokeClient(clientKey(revoke.hasClient(), revoke.getClient()),
            revoke.getReason());
      }
      case SET_NAMESPACE_WRITERS -> {
        var set = governance.getSetNamespaceWriters();
        OperationRules.checkUserNamespace(set.getNamespace());
        OperationRules.checkWriterCount(set.getWritersCount());
        List<PublicKey> writers = new ArrayList<>(set.getWritersCount());
        for (int i = 0; i < set.getWritersCount(); i++) {
          writers.add(publicKey(set.getWriters(i), "writers[" + i + "]"));
        }
        yield new Operation.SetNamespaceWriters(set.getNamespace(), writers);
      }
      case ACTION_NOT_SET -> throw new InvalidTransactionException(INVALID_FIELD,
          "governance has no action, expected register_client, revoke_client or"
              + " set_namespace_writers");
    };
  }

  private PublicKey clientKey(boolean present, org.alliancechain.proto.v1.PublicKey key)
      throws InvalidTransactionException {
    if (!present) {
      throw new InvalidTransactionException(INVALID_FIELD, "governance action names no client key");
    }
    PublicKey client = publicKey(key, "client");
    if (!rules.suite().allows(client.scheme())) {
      throw new InvalidTransactionException(UNSUPPORTED_KEY, "client key is " + client.scheme().id()
          + ", the " + rules.suite().id() + " suite of this chain does not allow it");
    }
    return client;
  }
}
