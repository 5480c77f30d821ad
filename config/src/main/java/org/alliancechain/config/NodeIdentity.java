package org.alliancechain.config;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.alliancechain.crypto.PublicKey;

/**
 * A validator or observer of the chain.
 *
 * @param id the node's id, unique among validators and observers
 * @param organization the id of the organization that runs it
 * @param publicKey the key its consensus messages (or, for an observer, its requests) are signed with
 * @param tlsCertificate the certificate it presents on p2p links, issued by its organization's CA
 */
public record NodeIdentity(String id, String organization, PublicKey publicKey, X509Certificate tlsCertificate) {
  public NodeIdentity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(tlsCertificate, "tlsCertificate");
  }

  @Override
  public String toString() {
    return "NodeIdentity[id=" + id + ", organization=" + organization + ", publicKey=" + publicKey
        + ", tls=" + Certificates.describe(tlsCertificate) + "]";
  }
}
