package org.alliancechain.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code [logging] level}: the least severe level written. */
public enum LogLevel {
  TRACE, DEBUG, INFO, WARN, ERROR;

  static final String EXPECTED = "expected one of "
      + Arrays.stream(values()).map(LogLevel::id).collect(Collectors.joining(", "));

  /** The name in node.toml, e.g. {@code info}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<LogLevel> fromId(String id) {
    return Arrays.stream(values()).filter(level -> level.id().equals(id)).findFirst();
  }
}
