package org.alliancechain.cli;

import java.io.PrintWriter;
import org.alliancechain.cli.bench.BenchCommand;
import org.alliancechain.cli.client.BlockCommand;
import org.alliancechain.cli.client.PeersCommand;
import org.alliancechain.cli.client.StatusCommand;
import org.alliancechain.cli.client.TxCommand;
import org.alliancechain.cli.client.VerifyCommand;
import org.alliancechain.cli.devnet.DevnetCommand;
import org.alliancechain.cli.keys.KeygenCommand;
import org.alliancechain.cli.network.NetworkCommand;
import org.alliancechain.cli.node.NodeCommand;
import org.alliancechain.config.ConfigException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code alliance} command: the daemon and the operator's tool. */
@Command(name = "alliance", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = Alliance.Version.class, usageHelpAutoWidth = true,
    description = {"AllianceChain (联盟链): run a validator, operate a network, use the chain.",
        "",
        "Start here: `alliance devnet` runs a 4-validator network on this machine."},
    subcommands = {DevnetCommand.class, NetworkCommand.class, NodeCommand.class,
        KeygenCommand.class, StatusCommand.class, PeersCommand.class, BlockCommand.class,
        TxCommand.class, VerifyCommand.class, BenchCommand.class},
    footerHeading = "%nExit codes:%n", footer = {
        "  0  done",
        "  1  the operation failed (the message says why)",
        "  2  wrong command line",
        "  3  an input file is missing or invalid (node.toml, genesis.json, key, receipt)",
        "  4  the node cannot be reached, or the port does not serve the node's API",
        "  5  verify: the receipt is not valid",
        "  6  the transaction was refused, or committed with a failed result",
        "130  interrupted"})
public final class Alliance implements Runnable {
  /** Set to print stack traces of unexpected failures. */
  static final String DEBUG_ENV = "ALLIANCE_DEBUG";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try `alliance devnet`, or `alliance --help` for all commands");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code (see {@link ExitCode}). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command tree with its error handling, for {@link #execute} and tests. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Alliance());
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false).description(
        "Prints a bash/zsh completion script: source <(alliance completion).");
    line.addSubcommand("completion", completion);
    // Descriptions are written as lines of up to ~95 characters; at picocli's default width of
    // 80 every one of them would break mid-sentence.
    line.setUsageHelpWidth(120);
    line.setExecutionExceptionHandler(Alliance::onFailure);
    line.setExitCodeExceptionMapper(error -> error instanceof CliException cli ? cli.exitCode()
        : error instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.FAILED);
    return line;
  }

  private static int onFailure(Exception failure, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    if (failure instanceof CommandLine.ParameterException usage) {
      // a group command run without its subcommand
      err.println(usage.getMessage());
      err.println("Try '" + usage.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for more information.");
      err.flush();
      return ExitCode.USAGE;
    }
    if (failure instanceof CliException cli) {
      err.println("error: " + cli.getMessage());
      if (cli.fix() != null) {
        err.println("fix:   " + cli.fix());
      }
      printTraceIfDebug(err, cli.getCause());
      err.flush();
      return cli.exitCode();
    }
    if (failure instanceof ConfigException config) {
      err.println("error: " + config.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    if (failure instanceof InterruptedException) {
      err.println("interrupted");
      err.flush();
      return ExitCode.INTERRUPTED;
    }
    err.println("error: " + failure);
    if (!printTraceIfDebug(err, failure)) {
      err.println("       (set " + DEBUG_ENV + "=1 to see where it happened)");
    }
    err.flush();
    return ExitCode.FAILED;
  }

  private static boolean printTraceIfDebug(PrintWriter err, Throwable failure) {
    if (failure == null || System.getenv(DEBUG_ENV) == null) {
      return false;
    }
    failure.printStackTrace(err);
    return true;
  }

  /** The version of the jar (its manifest), or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Alliance.class.getPackage().getImplementationVersion();
      return new String[] {"alliance " + (version == null ? "development build" : version)
          + " (Java " + Runtime.version() + ")"};
    }
  }
}
