package org.alliancechain.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the daemon: stdout always, a rolling file when configured, plain text
 * or JSON lines. The level can be changed at runtime through the admin API.
 */
public final class LogSetup {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n";

  private LogSetup() {}

  /**
   * Replaces the current configuration.
   *
   * @param level trace, debug, info, warn or error
   * @param file a log file (rolled daily and at 100 MB, 14 days kept), or null for stdout only
   * @param json JSON lines instead of text
   */
  public static void configure(String level, Path file, boolean json) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO));

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("stdout");
    console.setEncoder(encoder(context, json));
    console.start();
    root.addAppender(console);

    if (file != null) {
      RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
      rolling.setContext(context);
      rolling.setName("file");
      rolling.setFile(file.toString());
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
      policy.setContext(context);
      policy.setParent(rolling);
      policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
      policy.setMaxFileSize(FileSize.valueOf("100MB"));
      policy.setMaxHistory(14);
      policy.start();
      rolling.setRollingPolicy(policy);
      rolling.setEncoder(encoder(context, json));
      rolling.start();
      root.addAppender(rolling);
    }
    // gRPC's and Netty's debug output drowns the node's own lines.
    context.getLogger("io.grpc").setLevel(Level.WARN);
    context.getLogger("io.netty").setLevel(Level.WARN);
  }

  /**
   * Sets the level of {@code loggerName} (the root logger when empty) and returns the previous
   * effective level.
   */
  public static String setLevel(String loggerName, String level) {
    Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
    if (parsed == null) {
      throw new IllegalArgumentException("unknown log level '" + level
          + "', expected TRACE, DEBUG, INFO, WARN, ERROR or OFF");
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger(loggerName == null || loggerName.isEmpty()
        ? org.slf4j.Logger.ROOT_LOGGER_NAME : loggerName);
    String previous = logger.getEffectiveLevel().toString();
    logger.setLevel(parsed);
    return previous;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
    if (json) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.start();
      return encoder;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    return encoder;
  }
}
