package org.alliancechain.node.receipt;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.proto.v1.TransactionResult;

/**
 * What a valid receipt proves: this transaction, signed by {@code sender}, was committed at
 * {@code height} / {@code index} with {@code result}, as certified by the genesis validators
 * {@code signers} at {@code certifiedHeight}.
 *
 * @param transactionId H(body)
 * @param blockHash H(header bytes) of the committing block
 * @param blockTimestampMs that block's timestamp: the transaction existed no later than this
 * @param certifiedHeight the height whose commit certificate anchors the receipt (height + W)
 * @param certifiedView the view of that certificate
 * @param signers genesis indexes of the validators whose COMMITs the certificate carries
 */
public record VerifiedReceipt(
    ByteString transactionId,
    long height,
    int index,
    ByteString blockHash,
    long blockTimestampMs,
    long certifiedHeight,
    long certifiedView,
    List<Integer> signers,
    PublicKey sender,
    TransactionResult result) {

  public VerifiedReceipt {
    signers = List.copyOf(signers);
  }

  @Override
  public String toString() {
    return "transaction " + HexFormat.of().formatHex(transactionId.toByteArray()) + " at height "
        + height + " index " + index + ", " + result.getStatus() + ", certified at height "
        + certifiedHeight + " by validators " + signers;
  }
}
