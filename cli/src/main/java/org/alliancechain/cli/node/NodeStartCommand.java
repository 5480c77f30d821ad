package org.alliancechain.cli.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.LoggingConfig;
import org.alliancechain.node.logging.LogSetup;
import org.alliancechain.node.runtime.NodeStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alliance node start}: the daemon in the foreground. SIGTERM or Ctrl-C stop it
 * gracefully through the JVM's shutdown hook; the exit status is then the signal's (143, 130).
 */
@Command(name = "start", header = "Runs a node in the foreground (the daemon).",
    description = {
    "Runs a node in the foreground until SIGTERM or Ctrl-C, then stops gracefully: stops",
    "taking calls, finishes the block being stored and closes the database.",
    "Logs go to standard output and to a file: [logging] file of node.toml, else",
    "<data_dir>/node.log."})
public final class NodeStartCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(NodeStartCommand.class);

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "The node's node.toml")
  Path config;

  @Option(names = "--log-file", paramLabel = "FILE",
      description = "Log to this file instead of the one node.toml names")
  Path logFile;

  @Option(names = "--exit-with-parent", description = {
      "Stop when standard input closes or the parent process exits: for a supervisor",
      "(alliance devnet, tests) that must never leave nodes running after it dies"})
  boolean exitWithParent;

  @Override
  public Integer call() throws CliException, InterruptedException {
    ChainConfig chain = load();
    LoggingConfig logging = chain.node().logging();
    Path file = logFile != null ? logFile
        : logging.file().orElse(chain.node().node().dataDir().resolve("node.log"));
    LogSetup.configure(logging.level().id(), file, logging.json());
    Daemon daemon;
    try {
      daemon = Daemon.start(chain);
    } catch (NodeStartException e) {
      log.error("{} did not start: {}", chain.node().node().id(), e.getMessage());
      throw new CliException(ExitCode.FAILED, "node " + chain.node().node().id()
          + " did not start: " + e.getMessage(), "see the log " + file, e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "shutdown"));
    if (exitWithParent) {
      ParentWatch.start(System.in, () -> System.exit(ExitCode.OK));
    }
    // The JVM exits through its shutdown sequence: 143 after SIGTERM, 130 after Ctrl-C, 0 when
    // the parent is gone; returning from here would race that exit status.
    daemon.awaitStopped();
    Thread.currentThread().join();
    return ExitCode.OK;
  }

  private ChainConfig load() throws CliException {
    if (!java.nio.file.Files.isRegularFile(config)) {
      throw CliException.badInput("no node configuration at " + config,
          "pass the node.toml of this node: `alliance network init` writes one per node in"
              + " nodes/<id>/node.toml (devnet in devnet-data/nodes/<id>/node.toml)");
    }
    try {
      return ChainConfig.load(config);
    } catch (ConfigException e) {
      throw new CliException(ExitCode.BAD_INPUT, e.getMessage(),
          "fix the fields named above (every key is described in config/README.md)", e);
    }
  }
}
