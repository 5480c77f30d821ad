package org.alliancechain.node.receipt;

import com.google.protobuf.ByteString;
import org.alliancechain.proto.v1.TransactionReceipt;

/**
 * A committed transaction's receipt as this node can give it now.
 *
 * @param result the TransactionResult bytes
 * @param complete whether the receipt carries its certification (height + W is committed);
 *     until then it lacks the following headers, the result proof and the certificate
 */
public record CommittedReceipt(long height, int index, ByteString result,
    TransactionReceipt receipt, boolean complete) {}
