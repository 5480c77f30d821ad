package org.alliancechain.cli.client;

import org.alliancechain.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code alliance tx}: submitting and reading transactions. */
@Command(name = "tx", description = "Submits and reads transactions.",
    subcommands = {TxSubmitCommand.class, TxGetCommand.class})
public final class TxCommand extends GroupCommand {
}
