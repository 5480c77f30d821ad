package org.alliancechain.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished run of an external command: for the tests of bin/alliance and the image's commands. */
public record Launched(int exitCode, String output) {
  /** The repository root (the build passes it; tests run from cli/). */
  public static Path repository() {
    return Path.of(System.getProperty("alliance.repo", "..")).toAbsolutePath().normalize();
  }

  /** The fat jar the package phase built. */
  public static Path jar() {
    return Path.of(System.getProperty("alliance.jar",
        repository().resolve("cli/target/alliance.jar").toString()));
  }

  public static Launched run(List<String> command, Map<String, String> environment,
      long timeoutSeconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
    }
    return new Launched(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
