package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real failed write: a child JVM runs under a file size limit (ulimit -f), so the operating
 * system refuses RocksDB's writes once a file outgrows it (EFBIG, as a full disk refuses with
 * ENOSPC). The failure must surface as a StorageWriteException, every later write must be
 * refused, and reopening without the limit must find every acknowledged block.
 */
class WriteFailureTest {
  /** Kibibytes a single file may grow to in the child. */
  private static final int FILE_SIZE_KIB_MAX = 1024;

  @TempDir
  Path directory;

  @TempDir
  Path nativeLibraries;

  @Test
  void aFailedWriteStopsAllWritesAndLosesNothingAcknowledged() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
    List<String> lines = runChildUnderFileSizeLimit();
    String failure = lines.stream().filter(line -> line.startsWith("WRITE-FAILED")).findFirst()
        .orElseThrow(() -> new AssertionError("no write failed; child said " + lines));
    System.out.println("child: " + failure);
    assertThat(failure).contains(directory.toString()).contains("Stop voting");
    assertThat(lines).contains("COMMIT-REFUSED", "LOG-REFUSED", "CLOSED");
    long acknowledged = lines.stream().filter(line -> line.startsWith("ACK "))
        .mapToLong(line -> Long.parseLong(line.substring(4))).max().orElse(0);
    assertThat(acknowledged).as("some blocks committed before the limit").isPositive();

    try (Storage storage = Storage.open(directory, CrashChild.options())) {
      ChainTip tip = storage.blocks().tip().orElseThrow();
      assertThat(tip.height()).isBetween(acknowledged, acknowledged + 1);
      try (Storage replay = Storage.inMemory(CrashChild.options())) {
        replay.commitGenesis(CrashChild.genesis());
        TestChain chain = new TestChain();
        byte[] root = null;
        for (long height = 1; height <= tip.height(); height++) {
          root = replay.commitBlock(CrashChild.block(chain, height));
        }
        assertThat(tip.stateRoot()).isEqualTo(root);
      }
      // With room again, the node resumes where the durable tip is.
      TestChain chain = new TestChain(tip);
      storage.commitBlock(CrashChild.block(chain, tip.height() + 1));
    }
  }

  /**
   * RocksDB unpacks its native library into a temporary file when it loads, which the file size
   * limit would forbid: unpack it here, and let the child load it from the library path.
   */
  private Path unpackRocksLibrary() throws IOException {
    String name = Environment.getJniLibraryFileName("rocksdb");
    Path libraries = nativeLibraries;
    try (InputStream library = RocksDB.class.getResourceAsStream("/" + name)) {
      assumeTrue(library != null, "no bundled RocksDB library " + name);
      Files.copy(library, libraries.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return libraries;
  }

  private List<String> runChildUnderFileSizeLimit() throws IOException, InterruptedException {
    Path libraries = unpackRocksLibrary();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String command = "ulimit -f " + FILE_SIZE_KIB_MAX + " && exec \"$0\" -Xmx256m"
        + " -XX:+UseSerialGC -XX:-UsePerfData -XX:+DisplayVMOutputToStderr"
        + " -Djava.library.path=\"$3\" -cp \"$1\" " + WriteFailureChild.class.getName()
        + " \"$2\"";
    Process child = new ProcessBuilder("/bin/bash", "-c", command, java, classPath,
        directory.toString(), libraries.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] output = child.getInputStream().readAllBytes();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    return List.of(new String(output, StandardCharsets.UTF_8).split("\n"));
  }
}
