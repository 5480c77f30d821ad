package org.alliancechain.cli.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code alliance node}: running a node. */
@Command(name = "node", description = "Runs a validator or observer node.",
    subcommands = NodeStartCommand.class)
public final class NodeCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: alliance node start --help");
  }
}
