package org.alliancechain.node.admission;

import static org.alliancechain.node.tx.InvalidTransactionException.Reason.BAD_SIGNATURE;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.DUPLICATE;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.EXPIRED;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.EXPIRY_TOO_FAR;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.MEMPOOL_FULL;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.NOT_ADMITTED;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.execution.Identities;
import org.alliancechain.node.mempool.AddResult;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.state.StateReader;
import org.alliancechain.node.tx.InvalidTransactionException;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.node.tx.TransactionId;

/**
 * Checks transactions once, at the door, and admits them to the mempool: format and shape,
 * expiry, replay (mempool and committed index), signatures (in parallel batches), and that the
 * sender is an admitted identity. Cheap checks run first so a flood of garbage costs no
 * signature verification. Thread-safe.
 */
public final class TransactionAdmission {
  private final ChainRules rules;
  private final TransactionCodec codec;
  private final Mempool mempool;
  private final BatchVerifier verifier;
  private final VerifiedSignatures verified;
  private final CommittedIndex committed;
  private final Supplier<StateReader> latestState;
  private final LongSupplier committedHeight;
  private final Consumer<AdmissionOutcome> rejections;

  /**
   * @param latestState the state after the last executed block
   * @param committedHeight the highest committed height
   * @param rejections told of every refusal (metrics, logs)
   */
  public TransactionAdmission(ChainRules rules, Mempool mempool, BatchVerifier verifier,
      VerifiedSignatures verified, CommittedIndex committed, Supplier<StateReader> latestState, LongSupplier committedHeight,
      Consumer<AdmissionOutcome> rejections) {
    this.rules = rules;
    this.codec = new TransactionCodec(rules);
    this.mempool = mempool;
    this.verifier = verifier;
    this.verified = verified;
    this.committed = committed;
    this.latestState = latestState;
    this.committedHeight = committedHeight;
    this.rejections = rejections;
  }

  /** Checks and admits each transaction; one outcome per input, in order. */
  public List<AdmissionOutcome> admit(List<ByteString> encoded) {
    AdmissionOutcome[] outcomes = new AdmissionOutcome[encoded.size()];
    List<Integer> pending = new ArrayList<>(encoded.size());
    List<Transaction> decoded = new ArrayList<>(encoded.size());
    long nextHeight = committedHeight.getAsLong() + 1;
    // Read before the index is: a block stored after this moves it (see admitVerified).
    long forgottenBefore = mempool.forgottenThrough();
    Set<TransactionId> inThisBatch = new HashSet<>();
    for (int i = 0; i < encoded.size(); i++) {
      try {
        Transaction transaction = codec.decode(encoded.get(i));
        checkCheap(transaction, nextHeight, inThisBatch);
        pending.add(i);
        decoded.add(transaction);
      } catch (InvalidTransactionException e) {
        outcomes[i] = AdmissionOutcome.refused(null, e.reason(), e.getMessage());
      } catch (Refused refused) {
        outcomes[i] = refused.outcome;
      }
    }
    boolean[] signatures = verified.verify(decoded, verifier);
    Identities identities = new Identities(latestState.get());
    for (int j = 0; j < decoded.size(); j++) {
      outcomes[pending.get(j)] = admitVerified(decoded.get(j), signatures[j], identities,
          forgottenBefore);
    }
    List<AdmissionOutcome> result = List.of(outcomes);
    for (AdmissionOutcome outcome : result) {
      if (!outcome.accepted()) {
        rejections.accept(outcome);
      }
    }
    return result;
  }

  private void checkCheap(Transaction transaction, long nextHeight, Set<TransactionId> batch)
      throws Refused {
    TransactionId id = transaction.id();
    if (transaction.expiryHeight() < nextHeight) {
      throw new Refused(id, EXPIRED, "transaction expired at height " + transaction.expiryHeight()
          + "; the next block is " + nextHeight + ": sign it again with a later expiry_height");
    }
    long latest = nextHeight + rules.transactionLifetimeBlocks();
    if (transaction.expiryHeight() > latest) {
      throw new Refused(id, EXPIRY_TOO_FAR, "expiry_height " + transaction.expiryHeight()
          + " is more than " + rules.transactionLifetimeBlocks() + " blocks ahead; at most "
          + latest + " is accepted now");
    }
    if (!batch.add(id) || mempool.contains(id) || committed.isCommitted(id)) {
      throw new Refused(id, DUPLICATE, "transaction " + id + " was already submitted"
          + " (pending or committed); a transaction takes effect at most once");
    }
  }

  private AdmissionOutcome admitVerified(Transaction transaction, boolean signatureValid,
      Identities identities, long forgottenBefore) {
    TransactionId id = transaction.id();
    if (!signatureValid) {
      return AdmissionOutcome.refused(id, BAD_SIGNATURE, "the signature does not verify with the"
          + " sender's " + transaction.sender().scheme().id() + " key over the transaction body");
    }
    if (!identities.isAdmitted(transaction.sender())) {
      return AdmissionOutcome.refused(id, NOT_ADMITTED, "sender " + transaction.sender()
          + " is not an admitted identity: an organization admin must register it first");
    }
    AddResult added = mempool.add(transaction);
    if (added == AddResult.ADDED && mempool.forgottenThrough() != forgottenBefore
        && committed.isCommitted(id)) {
      // Its block committed and was stored while the signature was being checked: the mempool
      // had already forgotten the block's ids (they leave it once the index holds them), so
      // only the index can tell. The index is written before the mempool forgets, so this
      // second look cannot miss it; it is needed only if the mempool forgot a block since the
      // first look, which keeps the per-transaction path to one index read. Left in, the
      // transaction would wait forever and make this node, as primary, propose it again.
      mempool.discard(id);
      return AdmissionOutcome.refused(id, DUPLICATE, "transaction " + id
          + " was committed while it was being admitted; a transaction takes effect at most once");
    }
    return switch (added) {
      case ADDED -> AdmissionOutcome.admitted(transaction);
      case DUPLICATE -> AdmissionOutcome.refused(id, DUPLICATE,
          "transaction " + id + " is already pending");
      case FULL_TRANSACTIONS, FULL_BYTES -> AdmissionOutcome.refused(id, MEMPOOL_FULL,
          "the mempool is full (" + mempool.stats().transactions() + " transactions, "
              + mempool.stats().bytes() + " bytes); retry after the next blocks commit");
      case SENDER_LIMIT -> AdmissionOutcome.refused(id, MEMPOOL_FULL, "sender "
          + transaction.sender() + " already has its maximum of pending transactions;"
          + " wait for some to commit");
    };
  }

  /** A refusal found by a cheap check, carried out of the loop with its id. */
  private static final class Refused extends Exception {
    final AdmissionOutcome outcome;

    Refused(TransactionId id, InvalidTransactionException.Reason reason, String message) {
      super(message, null, false, false);
      this.outcome = AdmissionOutcome.refused(id, reason, message);
    }
  }
}
