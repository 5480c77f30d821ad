package org.alliancechain.p2p;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * This node's TLS credentials: its node id, its ECDSA P-256 private key and its certificate
 * (first) with any intermediate certificates after it. The certificate must carry the node id.
 */
public record TlsIdentity(
    String nodeId, PrivateKey privateKey, List<X509Certificate> certificateChain) {
  public TlsIdentity {
    if (nodeId == null || nodeId.isBlank()) {
      throw new IllegalArgumentException("a TLS identity needs this node's id");
    }
    if (privateKey == null) {
      throw new IllegalArgumentException("TLS identity of " + nodeId + " needs a private key");
    }
    if (certificateChain == null || certificateChain.isEmpty()) {
      throw new IllegalArgumentException("TLS identity of " + nodeId + " needs its certificate");
    }
    certificateChain = List.copyOf(certificateChain);
  }

  public X509Certificate certificate() {
    return certificateChain.get(0);
  }
}
