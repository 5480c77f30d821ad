package org.alliancechain.cli.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.cli.Alliance;

/**
 * Starts {@code alliance node start} as a separate JVM from this one's own Java and class path
 * (the fat jar, or the test class path), so a child runs exactly the code its supervisor runs.
 */
public final class NodeLauncher {
  private final List<String> jvmOptions;

  /** @param jvmOptions options for each child JVM, e.g. {@code -Xmx1g} */
  public NodeLauncher(List<String> jvmOptions) {
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** The JVM options devnet gives its validators unless told otherwise. */
  public static List<String> defaultJvmOptions() {
    // A bounded heap keeps 4 validators from claiming a quarter of the machine's memory each;
    // the budget is 512 MiB of used heap per validator, this leaves headroom over it.
    return List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
  }

  /**
   * Starts a node that stops by itself when this process is gone: its standard input is a pipe
   * this process holds, standard output is discarded (the node logs to its file too) and
   * standard error goes to {@code <data_dir>/stderr.log}.
   */
  public NodeProcess start(String nodeId, Path nodeToml, Path dataDir, Path logFile)
      throws IOException {
    Files.createDirectories(dataDir);
    Path stderr = dataDir.resolve("stderr.log");
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Alliance.class.getName());
    command.addAll(List.of("node", "start", "--config", nodeToml.toString(), "--exit-with-parent"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
    return new NodeProcess(nodeId, builder.start(), logFile, stderr);
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
