package org.alliancechain.node.api;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificate and key the public and admin servers present to clients over TLS.
 *
 * @param certificateChain the server certificate first, then its issuers
 * @param privateKey the key of the first certificate
 */
public record ServerTls(List<X509Certificate> certificateChain, PrivateKey privateKey) {
  public ServerTls {
    certificateChain = List.copyOf(certificateChain);
    Objects.requireNonNull(privateKey, "privateKey");
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("server TLS needs at least the server's own certificate");
    }
  }

  @Override
  public String toString() {
    return "ServerTls[" + certificateChain.get(0).getSubjectX500Principal().getName() + "]";
  }
}
