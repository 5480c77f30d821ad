package org.alliancechain.cli;

/**
 * The exit codes of every {@code alliance} command, so scripts can tell failures apart. The
 * same table is in {@code alliance --help} (the footer of {@link Alliance}) and the README.
 */
public final class ExitCode {
  /** Done as asked. */
  public static final int OK = 0;
  /** The operation failed for a reason the message gives (a node answered with an error). */
  public static final int FAILED = 1;
  /** The command line is wrong: unknown option, missing argument (picocli's usage error). */
  public static final int USAGE = 2;
  /** An input file is missing or invalid: node.toml, genesis.json, a key, a receipt. */
  public static final int BAD_INPUT = 3;
  /** The node cannot be reached or does not speak the expected protocol on that port. */
  public static final int UNREACHABLE = 4;
  /** {@code verify}: the receipt is not valid for that genesis. */
  public static final int INVALID_RECEIPT = 5;
  /** A transaction was refused by the node, or committed with a result other than success. */
  public static final int REJECTED = 6;
  /** Interrupted (Ctrl-C) before the command finished. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
