package org.alliancechain.node.receipt;

/**
 * The checks of an offline receipt verification, in the order {@link ReceiptVerifier} runs
 * them; a failed verification names the first one that failed.
 */
public enum ReceiptCheck {
  /** The bytes parse as a receipt whose parts (headers, transaction, result) parse too. */
  FORMAT,
  /** The receipt carries the headers and certificate that certify its result. */
  COMPLETE,
  /** The last header carries a quorum of valid COMMIT signatures of the genesis validators. */
  CERTIFICATE,
  /** Each following header's previous_hash is the hash of the header before it. */
  HEADER_LINKS,
  /** The headers are the transaction's height and the heights after it, consecutive. */
  HEIGHTS,
  /** Headers and transaction are for the genesis chain id. */
  CHAIN_ID,
  /** The transaction is in the transactions_root of its block, at the receipt's index. */
  TRANSACTION_INCLUSION,
  /** The result is in the results_root of the header that carries the transaction's height. */
  RESULT_INCLUSION,
  /** The result names the transaction's id, H(body). */
  TRANSACTION_ID,
  /** The sender's signature over the body verifies. */
  SIGNATURE
}
