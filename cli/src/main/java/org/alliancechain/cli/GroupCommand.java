package org.alliancechain.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run alone, it names them (exit code 2). */
public abstract class GroupCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: "
        + String.join(", ", spec.subcommands().keySet()) + " (see " + spec.qualifiedName()
        + " --help)");
  }
}
