package org.alliancechain.cli.node;

import org.alliancechain.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code alliance node}: running a node. */
@Command(name = "node", description = "Runs a validator or observer node.",
    subcommands = NodeStartCommand.class)
public final class NodeCommand extends GroupCommand {
}
