package org.alliancechain.p2p;

import java.util.Locale;

/** Why a connection was refused before it carried any application message. */
public enum HandshakeFailure {
  /** The peer presented no certificate. */
  NO_CERTIFICATE,
  /** The certificate is not issued by any member organization's CA, nor pinned. */
  UNKNOWN_CA,
  /** The certificate's validity period has ended. */
  EXPIRED,
  /** The certificate's validity period has not started. */
  NOT_YET_VALID,
  /** The certificate is well issued, but its node is not a current validator or observer. */
  NOT_A_MEMBER,
  /** The certificate was issued by another organization's CA than the node's own. */
  WRONG_ORGANIZATION,
  /** The certificate lacks the node id, or the key usage this side of the link needs. */
  BAD_CERTIFICATE,
  /** TLS failed for another reason (protocol version, cipher, alert from the peer...). */
  TLS_ERROR,
  /** TLS plus the Handshake frame did not finish within the handshake timeout. */
  TIMEOUT,
  /** The peer's first frame was not a well-formed Handshake. */
  MALFORMED_HANDSHAKE,
  /** The peer speaks another protocol version. */
  PROTOCOL_VERSION,
  /** The peer is on another chain (chain id or genesis hash differ). */
  CHAIN_MISMATCH,
  /** The node id in the Handshake is not the one in the peer's certificate. */
  IDENTITY_MISMATCH,
  /** This node dialled one peer and reached another. */
  UNEXPECTED_PEER,
  /** This node reached itself (its own address among its peers). */
  SELF,
  /** Too many connections were between accept and an established link; shed at accept. */
  OVERLOADED;

  /** Lower-case name, for metric labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
