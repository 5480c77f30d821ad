package org.alliancechain.cli.network;

import org.alliancechain.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code alliance network}: creating a network's files. */
@Command(name = "network", description = "Creates the files of a network.",
    subcommands = NetworkInitCommand.class)
public final class NetworkCommand extends GroupCommand {
}
