package org.alliancechain.p2p;

import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.util.Locale;

/** Names why a TLS handshake failed, for the handshake-failure counters and the log. */
final class TlsFailures {
  private TlsFailures() {}

  static HandshakeFailure classify(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PeerRejectedException rejected) {
        return rejected.reason();
      }
      if (cause instanceof SslHandshakeTimeoutException) {
        return HandshakeFailure.TIMEOUT;
      }
    }
    return missingClientCertificate(failure)
        ? HandshakeFailure.NO_CERTIFICATE : HandshakeFailure.TLS_ERROR;
  }

  /**
   * A client without a certificate never reaches the trust manager: the TLS engine itself
   * refuses it, saying so only in its message ("Empty client certificate chain" from the JDK,
   * PEER_DID_NOT_RETURN_A_CERTIFICATE from BoringSSL). Only used to pick a counter label.
   */
  private static boolean missingClientCertificate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("empty client certificate chain")
          || message.contains("peer_did_not_return_a_certificate")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message, which is the one that says what went wrong. */
  static String describe(Throwable failure) {
    Throwable innermost = failure;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
