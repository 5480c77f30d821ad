package org.alliancechain.config;

import java.util.Objects;

/**
 * One thing wrong in a configuration file.
 *
 * @param file the file as the operator named it (or as it was resolved), e.g. {@code genesis.json}
 * @param field the dotted path of the key, e.g. {@code validators[2].publicKey}; for a syntax
 *     error the line and column; empty when the problem is the file itself
 * @param value what was found, already rendered for the reader (strings quoted); {@code null}
 *     when nothing was found
 * @param expected what is wrong and what would be valid
 */
public record ConfigProblem(String file, String field, String value, String expected) {
  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
  }

  /**
   * The problem as one line: {@code file: field: expected, got value}, e.g.
   * {@code genesis.json: validators[2].publicKey: not a valid Ed25519 key (expected 32 bytes,
   * base64), got 31 bytes}.
   */
  public String line() {
    StringBuilder line = new StringBuilder(file);
    if (!field.isEmpty()) {
      line.append(": ").append(field);
    }
    line.append(": ").append(expected);
    if (value != null) {
      line.append(", got ").append(value);
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return line();
  }
}
