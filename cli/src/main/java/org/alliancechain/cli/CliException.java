package org.alliancechain.cli;

/**
 * A failure the user can act on: what went wrong, and how to fix it, with the exit code that
 * tells scripts which kind of failure it was. The CLI prints it without a stack trace.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String fix;

  public CliException(int exitCode, String message, String fix) {
    super(message);
    this.exitCode = exitCode;
    this.fix = fix;
  }

  public CliException(int exitCode, String message, String fix, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.fix = fix;
  }

  public static CliException badInput(String message, String fix) {
    return new CliException(ExitCode.BAD_INPUT, message, fix);
  }

  public static CliException failed(String message) {
    return new CliException(ExitCode.FAILED, message, null);
  }

  public int exitCode() {
    return exitCode;
  }

  /** What to do about it, or null when the message says it all. */
  public String fix() {
    return fix;
  }
}
