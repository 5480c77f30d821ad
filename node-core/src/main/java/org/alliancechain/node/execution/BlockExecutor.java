package org.alliancechain.node.execution;

import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_INVALID_OPERATION;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_NAMESPACE_NOT_FOUND;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_NOT_AUTHORIZED;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_SUCCESS;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.state.StateOverlay;
import org.alliancechain.node.state.StateReader;
import org.alliancechain.node.tx.Operation;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.proto.v1.AnchorRecord;
import org.alliancechain.proto.v1.MetadataEntry;
import org.alliancechain.proto.v1.NamespaceRecord;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.proto.v1.TransactionStatus;

/**
 * Executes a block's transactions, deterministically: the result depends only on the parent
 * state, the block's transactions and its context. A transaction that is not allowed gets a
 * failed result and changes nothing; it never stops the block. Every operation checks all its
 * conditions before writing, so a failure leaves no partial write.
 */
public final class BlockExecutor {
  private final GovernanceExecutor governance = new GovernanceExecutor();

  public ExecutedBlock execute(BlockContext context, List<Transaction> transactions,
      StateReader parentState) {
    StateOverlay state = new StateOverlay(parentState);
    Identities identities = new Identities(state);
    List<ByteString> results = new ArrayList<>(transactions.size());
    for (Transaction transaction : transactions) {
      TransactionResult result = executeOne(context, transaction, state, identities);
      results.add(result.toByteString());
    }
    return new ExecutedBlock(results, state.changes());
  }

  private TransactionResult executeOne(BlockContext context, Transaction transaction,
      StateOverlay state, Identities identities) {
    TransactionResult.Builder result = TransactionResult.newBuilder()
        .setTransactionId(transaction.id().bytes());
    PublicKey sender = transaction.sender();
    if (!identities.isAdmitted(sender)) {
      return fail(result, TRANSACTION_STATUS_NOT_AUTHORIZED,
          "sender " + sender + " is not an admitted identity (not registered, or revoked)");
    }
    Operation operation = transaction.operation();
    if (operation.isGovernance()) {
      return governance.execute(context, transaction, state, identities, result);
    }
    if (operation instanceof Operation.KvPut put) {
      return writeKey(put.namespace(), sender, identities, result,
          () -> state.put(StateKeys.of(put.namespace(), put.key()), put.value()));
    }
    if (operation instanceof Operation.KvDelete delete) {
      return writeKey(delete.namespace(), sender, identities, result,
          () -> state.delete(StateKeys.of(delete.namespace(), delete.key())));
    }
    if (operation instanceof Operation.AnchorEvidence anchor) {
      return anchor(context, transaction, anchor, state, result);
    }
    throw new IllegalStateException("unhandled operation " + operation);
  }

  private static TransactionResult writeKey(String namespace, PublicKey sender,
      Identities identities, TransactionResult.Builder result, Runnable write) {
    Optional<NamespaceRecord> record = identities.namespace(namespace);
    if (record.isEmpty()) {
      return fail(result, TRANSACTION_STATUS_NAMESPACE_NOT_FOUND, "namespace '" + namespace
          + "' does not exist; an organization admin creates it with set_namespace_writers");
    }
    if (!mayWrite(record.get(), sender)) {
      return fail(result, TRANSACTION_STATUS_NOT_AUTHORIZED,
          "sender " + sender + " is not a writer of namespace '" + namespace + "'");
    }
    write.run();
    return result.setStatus(TRANSACTION_STATUS_SUCCESS).build();
  }

  private static boolean mayWrite(NamespaceRecord record, PublicKey sender) {
    return record.getWritersCount() == 0
        || record.getWritersList().contains(ProtoKeys.toProto(sender));
  }

  private static TransactionResult anchor(BlockContext context, Transaction transaction,
      Operation.AnchorEvidence anchor, StateOverlay state, TransactionResult.Builder result) {
    ByteString key = StateKeys.anchor(anchor.digestAlgorithm(), anchor.documentDigest());
    Optional<ByteString> existing = state.get(key);
    if (existing.isPresent()) {
      long height = AnchorRecords.parse(existing.get()).getHeight();
      return fail(result, TRANSACTION_STATUS_INVALID_OPERATION, "this " + anchor.digestAlgorithm()
          + " digest was already anchored at height " + height + "; its first anchor stands");
    }
    AnchorRecord.Builder record = AnchorRecord.newBuilder()
        .setDocumentDigest(anchor.documentDigest())
        .setDigestAlgorithm(anchor.digestAlgorithm())
        .setAnchoredBy(ProtoKeys.toProto(transaction.sender()))
        .setHeight(context.height())
        .setBlockTimestampMs(context.timestampMs())
        .setTransactionId(transaction.id().bytes());
    for (Operation.Metadata entry : anchor.metadata()) {
      record.addMetadata(MetadataEntry.newBuilder().setKey(entry.key()).setValue(entry.value()));
    }
    AnchorRecord built = record.build();
    state.put(key, built.toByteString());
    return result.setStatus(TRANSACTION_STATUS_SUCCESS).setAnchor(built).build();
  }

  static TransactionResult fail(TransactionResult.Builder result, TransactionStatus status,
      String message) {
    return result.setStatus(status).setMessage(message).build();
  }
}
