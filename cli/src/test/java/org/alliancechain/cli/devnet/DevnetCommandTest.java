package org.alliancechain.cli.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.Alliance;
import org.alliancechain.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `alliance devnet` as a user runs it, in its own process: the first run creates the network,
 * shows the sample transactions and a verified receipt; killing devnet with SIGKILL leaves no
 * validator behind; a second run reuses the data, and `alliance bench` with a warm-up runs
 * against it; SIGTERM stops the validators gracefully.
 */
class DevnetCommandTest {
  private static final Pattern NODE_LINE = Pattern.compile("(?m)^  (node\\d+)\\s+(\\d+)\\s+127");
  private static final long STARTUP_SECONDS = 150;

  @TempDir
  Path directory;

  private final List<Process> started = new ArrayList<>();
  private final List<Long> validatorPids = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
    validatorPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void firstRunCreatesSecondReusesAndNoValidatorOutlivesDevnet() throws Exception {
    Path dir = directory.resolve("devnet");
    Devnet first = Devnet.start(dir, started);
    String output = first.awaitLine("Running until Ctrl-C.");
    assertThat(output).contains("Created a 1-validator network").contains("height")
        .contains("verified offline against genesis.json: VALID");
    long pid = validatorPid(output);

    first.process.destroyForcibly();
    assertThat(ProcessHandle.of(pid).map(handle -> handle.onExit()).map(exit -> {
      try {
        exit.get(30, TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        return false;
      }
    }).orElse(true)).as("validator %d exits when devnet is killed", pid).isTrue();

    Devnet second = Devnet.start(dir, started);
    String again = second.awaitLine("Running until Ctrl-C.");
    assertThat(again).contains("Reusing the network").contains("VALID");
    long secondPid = validatorPid(again);

    CliRun bench = CliRun.run("bench", "--network", dir.toString(), "--transactions", "300",
        "--warmup", "450", "--batch", "50", "--clients", "4");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(bench.out()).contains("Warm-up round 1 of 2").contains("Warm-up round 2 of 2")
        .contains("Result: warm-up round 2 of 2, 1 validators, 150 transactions")
        .contains("Measured run").contains("Result: 1 validators, 300 transactions")
        .contains("committed   300 of 300 accepted");
    second.process.toHandle().destroy(); // SIGTERM; Process.destroy would close its output too
    assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.drain()).contains("node1 stopped (exit code");
    assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private long validatorPid(String output) {
    Matcher matcher = NODE_LINE.matcher(output);
    assertThat(matcher.find()).as(output).isTrue();
    long pid = Long.parseLong(matcher.group(2));
    validatorPids.add(pid);
    return pid;
  }

  /** One devnet process and the lines it printed. */
  private static final class Devnet {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder seen = new StringBuilder();
    private final Thread reader;

    private Devnet(Process process) {
      this.process = process;
      reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "devnet-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Devnet start(Path dir, List<Process> started) throws IOException {
      Process process = new ProcessBuilder(NodeLauncher.javaExecutable(), "-cp",
          System.getProperty("java.class.path"), Alliance.class.getName(), "devnet",
          "--validators", "1", "--dir", dir.toString(), "--node-jvm-option", "-Xmx512m")
          .redirectErrorStream(true).start();
      started.add(process);
      return new Devnet(process);
    }

    String awaitLine(String wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          if (line.contains(wanted)) {
            return seen.toString();
          }
        }
      }
      throw new AssertionError("devnet never printed '" + wanted + "':\n" + seen);
    }

    /** Everything it printed, once it has exited. */
    String drain() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(30));
      lines.drainTo(new ArrayList<>() {
        @Override
        public boolean add(String line) {
          seen.append(line).append('\n');
          return true;
        }
      });
      return seen.toString();
    }
  }
}
