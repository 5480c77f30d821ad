package org.alliancechain.node.admission;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.crypto.BatchResult;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionId;

/**
 * Transactions whose signature this node has already verified, so that each is verified once
 * per node whichever way it arrives first (a client, gossip, or inside a proposal). The id does
 * not cover the signature, so the exact signature bytes must match too: a proposal carrying a
 * known body with a forged signature is still verified. Bounded; starts over when full.
 */
public final class VerifiedSignatures {
  private static final int ENTRIES_MAX = 500_000;

  private final ConcurrentHashMap<TransactionId, ByteString> verified = new ConcurrentHashMap<>();

  public boolean contains(Transaction transaction) {
    ByteString signature = verified.get(transaction.id());
    return signature != null && signature.equals(transaction.signature());
  }

  public void add(Transaction transaction) {
    if (verified.size() >= ENTRIES_MAX) {
      verified.clear();
    }
    verified.put(transaction.id(), transaction.signature());
  }

  /**
   * Whether each transaction's signature is valid, verifying in one parallel batch only those not
   * verified before, and remembering the valid ones.
   */
  public boolean[] verify(List<Transaction> transactions, BatchVerifier verifier) {
    boolean[] valid = new boolean[transactions.size()];
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i++) {
      if (contains(transactions.get(i))) {
        valid[i] = true;
      } else {
        unknown.add(i);
      }
    }
    if (unknown.isEmpty()) {
      return valid;
    }
    BatchResult result = verifier.verify(unknown.stream().map(i -> {
      Transaction tx = transactions.get(i);
      return new BatchVerifier.Item(tx.sender(), SigningDomain.TRANSACTION,
          tx.body().toByteArray(), tx.signature().toByteArray());
    }).toList());
    for (int j = 0; j < unknown.size(); j++) {
      if (result.isValid(j)) {
        int i = unknown.get(j);
        valid[i] = true;
        add(transactions.get(i));
      }
    }
    return valid;
  }

  /** Forgets committed transactions: they can never be admitted or proposed again. */
  public void forget(TransactionId id) {
    verified.remove(id);
  }
}
