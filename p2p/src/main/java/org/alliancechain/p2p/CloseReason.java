package org.alliancechain.p2p;

import java.util.Locale;

/** Why an established link closed. */
public enum CloseReason {
  /** The peer closed it, or the TCP connection broke. */
  PEER_CLOSED,
  /** An I/O error on the socket. */
  IO_ERROR,
  /** A length prefix over the maximum frame size. */
  FRAME_TOO_LARGE,
  /** Bytes that are not a valid frame, or a frame out of place. */
  MALFORMED_FRAME,
  /** Nothing received for the idle timeout. */
  IDLE,
  /** Another link to the same peer won the tie-break, or replaced a stale one. */
  DUPLICATE,
  /** The peer's certificate no longer passes the current membership. */
  MEMBERSHIP_REVOKED,
  /** This node is shutting down. */
  SHUTDOWN;

  /** Lower-case name, for metric labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
