package org.alliancechain.consensus;

import java.util.Objects;
import org.alliancechain.crypto.SigningKey;

/** This node as a validator: its index in the genesis list and its signing key. */
public record LocalValidator(int index, SigningKey key) {
  public LocalValidator {
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "LocalValidator[" + index + "]";
  }
}
