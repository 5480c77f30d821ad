package org.alliancechain.consensus;

/**
 * Why a message, a proposal or a synced block was dropped. The host logs {@link
 * Action.Rejected} and counts by reason; {@link Replica#rejections()} keeps the same counts.
 */
public enum RejectReason {
  // Found by the stateless MessageVerifier.
  /** The bytes are not a well-formed envelope, payload or block. */
  MALFORMED,
  /** The payload names another chain. */
  WRONG_CHAIN,
  /** The signer index names no validator. */
  UNKNOWN_SIGNER,
  /** A signature does not verify. */
  BAD_SIGNATURE,
  /** A block's hash, height or parent is not what the message says, or a block is missing or extra. */
  BLOCK_MISMATCH,
  /** A message that only the primary of its view may sign was signed by another validator. */
  NOT_PRIMARY,
  /** An embedded certificate or checkpoint proof is not a valid quorum. */
  BAD_CERTIFICATE,
  /** A VIEW-CHANGE's contents are inconsistent (heights, views, order). */
  BAD_VIEW_CHANGE,
  /** A NEW-VIEW's re-proposals are not the selection its VIEW-CHANGEs determine. */
  BAD_NEW_VIEW,
  /** A checkpoint height is not a multiple of the checkpoint interval. */
  BAD_CHECKPOINT,

  // Found by the replica's stateful validators.
  /** The message is for a view the replica has left. */
  STALE_VIEW,
  /** The message is for a view too far ahead to buffer. */
  FUTURE_VIEW,
  /** The message is for a height already committed or below the stable checkpoint. */
  STALE_HEIGHT,
  /** The message is for a height above the high watermark. */
  FUTURE_HEIGHT,
  /** The sender already sent the same message. */
  DUPLICATE,
  /** The sender already sent a different message for the same view, height and phase. */
  EQUIVOCATION,
  /** The proposal does not extend the block accepted or committed at the height below. */
  PARENT_MISMATCH,
  /** The host found the proposed block invalid. */
  INVALID_PROPOSAL,
  /** A buffer for this sender or kind is full. */
  BUFFER_FULL,
  /** A synced block does not extend the committed chain or its certificate does not match. */
  BAD_SYNCED_BLOCK,
  /** A host input (proposal, execution report) does not match the replica's state. */
  UNEXPECTED_INPUT
}
