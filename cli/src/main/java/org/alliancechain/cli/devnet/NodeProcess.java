package org.alliancechain.cli.devnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One node running as a child process, and the ways to stop, kill and pause it. */
public final class NodeProcess {
  private final String nodeId;
  private final Process process;
  private final Path logFile;
  private final Path stderrFile;

  NodeProcess(String nodeId, Process process, Path logFile, Path stderrFile) {
    this.nodeId = nodeId;
    this.process = process;
    this.logFile = logFile;
    this.stderrFile = stderrFile;
  }

  public String nodeId() {
    return nodeId;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** Its exit code, or empty while it runs. */
  public java.util.OptionalInt exitCode() {
    return process.isAlive() ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(process.exitValue());
  }

  /**
   * SIGTERM (the node closes gracefully), then SIGKILL if it has not exited within
   * {@code graceMs}. Returns whether it exited gracefully.
   */
  public boolean stop(long graceMs) throws InterruptedException {
    if (!process.isAlive()) {
      return true;
    }
    resume();
    // ProcessHandle.destroy sends only SIGTERM; Process.destroy would also close our end of its
    // standard input, which the node reads as "the parent is gone".
    process.toHandle().destroy();
    if (process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
      return true;
    }
    kill();
    return false;
  }

  /** SIGKILL, as a crash would: no shutdown hook runs. Waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGSTOP: the process freezes (no thread runs, sockets stay open). */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  public void resume() throws InterruptedException {
    if (process.isAlive()) {
      try {
        signal("CONT");
      } catch (IOException e) {
        // no kill(1) on this system: nothing can have paused it either
      }
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    if (kill.waitFor() != 0) {
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException("kill -" + name + " " + process.pid() + " failed: " + output.trim());
    }
  }

  /** The last lines of its error output and log, to show why it failed. */
  public String tail(int lines) {
    StringBuilder text = new StringBuilder();
    for (Path file : List.of(stderrFile, logFile)) {
      try {
        if (Files.exists(file)) {
          List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
          all.subList(Math.max(0, all.size() - lines), all.size())
              .forEach(line -> text.append("    ").append(line).append('\n'));
        }
      } catch (IOException e) {
        text.append("    (cannot read ").append(file).append(": ").append(e).append(")\n");
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return nodeId + " (pid " + process.pid() + ")";
  }
}
