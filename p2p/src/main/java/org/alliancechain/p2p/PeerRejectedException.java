package org.alliancechain.p2p;

import java.security.cert.CertificateException;

/**
 * A peer's certificate failed the membership check. A {@link CertificateException}, so that
 * thrown from the trust manager it fails the TLS handshake; it carries the reason for counters.
 */
final class PeerRejectedException extends CertificateException {
  private final HandshakeFailure reason;

  PeerRejectedException(HandshakeFailure reason, String message) {
    super(message);
    this.reason = reason;
  }

  PeerRejectedException(HandshakeFailure reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  HandshakeFailure reason() {
    return reason;
  }
}
