package org.alliancechain.config;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.alliancechain.crypto.PublicKey;

/**
 * A member institution of the alliance.
 *
 * @param id short id that nodes and clients name their organization by
 * @param name display name
 * @param caCertificate the CA that issues the TLS certificates of this organization's nodes
 * @param admins the keys that vote for this organization in governance
 */
public record Organization(String id, String name, X509Certificate caCertificate, List<PublicKey> admins) {
  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(caCertificate, "caCertificate");
    admins = List.copyOf(admins);
  }

  @Override
  public String toString() {
    return "Organization[id=" + id + ", name=" + name + ", ca=" + Certificates.describe(caCertificate)
        + ", admins=" + admins + "]";
  }
}
