package org.alliancechain.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a node TLS certificate says: subject {@code CN=nodeId, O=organizationId}, the node's
 * ECDSA P-256 TLS public key, the DNS names and IP address literals it answers on (besides the
 * SAN URI {@code urn:alliance:node:<nodeId>}), and its validity window. Checked when issued by
 * {@link Certificates#issueNodeCertificate}.
 */
public record NodeCertificateRequest(
    String nodeId,
    String organizationId,
    PublicKey tlsKey,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter) {

  public NodeCertificateRequest {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(tlsKey, "tlsKey");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
  }
}
