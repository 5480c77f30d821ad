package org.alliancechain.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code alliance tx}: submitting and reading transactions. */
@Command(name = "tx", description = "Submits and reads transactions.",
    subcommands = {TxSubmitCommand.class, TxGetCommand.class})
public final class TxCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: alliance tx submit --help, or alliance tx get --help");
  }
}
