package org.alliancechain.node.tx;

import com.google.protobuf.ByteString;
import java.util.Objects;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SigningDomain;

/**
 * A decoded, shape-checked signed transaction. Keeps the exact bytes it was decoded from: those
 * are what blocks carry and what the transaction root commits to.
 *
 * @param id H(body)
 * @param encoded the SignedTransaction bytes as received
 * @param body the signed TransactionBody bytes
 * @param signature the sender's signature over the body in {@link SigningDomain#TRANSACTION}
 */
public record Transaction(
    TransactionId id,
    ByteString encoded,
    ByteString body,
    ByteString signature,
    String chainId,
    PublicKey sender,
    ByteString nonce,
    long expiryHeight,
    Operation operation) {

  public Transaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(operation, "operation");
  }

  /** Size on the wire, what mempool and block limits count. */
  public int sizeBytes() {
    return encoded.size();
  }

  @Override
  public String toString() {
    return "Transaction[" + id + " from " + sender + ": "
        + operation.getClass().getSimpleName() + "]";
  }

  /** Checks the sender's signature (CPU-heavy: batch these with the crypto BatchVerifier). */
  public boolean signatureValid() {
    return sender.verify(SigningDomain.TRANSACTION, body.toByteArray(), signature.toByteArray());
  }
}
