package org.alliancechain.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [logging]} of node.toml.
 *
 * @param level the least severe level written
 * @param file a log file (absolute, resolved like the other paths) in addition to standard output;
 *     empty = standard output only
 * @param json one JSON object per line instead of text lines, for log shippers
 */
public record LoggingConfig(LogLevel level, Optional<Path> file, boolean json) {
  public LoggingConfig {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(file, "file");
  }

  public static LoggingConfig defaults() {
    return new LoggingConfig(LogLevel.INFO, Optional.empty(), false);
  }
}
