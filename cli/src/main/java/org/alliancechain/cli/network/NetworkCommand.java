package org.alliancechain.cli.network;

import picocli.CommandLine.Command;

/** {@code alliance network}: creating a network's files. */
@Command(name = "network", description = "Creates the files of a network.",
    subcommands = NetworkInitCommand.class)
public final class NetworkCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: alliance network init --help");
  }
}
