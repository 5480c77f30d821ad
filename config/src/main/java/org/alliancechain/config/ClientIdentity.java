package org.alliancechain.config;

import java.util.Objects;
import org.alliancechain.crypto.PublicKey;

/** A client identity admitted at genesis; later ones are registered by governance transactions. */
public record ClientIdentity(PublicKey publicKey, String organization) {
  public ClientIdentity {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(organization, "organization");
  }
}
