package org.alliancechain.config;

import java.util.List;
import java.util.Objects;
import org.alliancechain.crypto.PublicKey;

/**
 * A key-value namespace that exists from genesis.
 *
 * @param name the namespace, spelt like an id
 * @param owner the organization whose admins may change its writers (genesis key {@code owner};
 *     the first organization of genesis when absent)
 * @param writers the keys that may write to it; empty = any admitted identity
 */
public record Namespace(String name, String owner, List<PublicKey> writers) {
  public Namespace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    writers = List.copyOf(writers);
  }

  /** Whether {@code sender} may write to this namespace (given that it is an admitted identity). */
  public boolean allowsWriter(PublicKey sender) {
    return writers.isEmpty() || writers.contains(sender);
  }
}
