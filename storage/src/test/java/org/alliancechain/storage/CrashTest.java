package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls the cord: a child JVM commits blocks in a loop and is killed with SIGKILL at a random
 * moment, again and again. After each kill the directory must open with a complete tip, hold
 * every block whose commit returned in the child, and have the state root that replaying the
 * chain from genesis gives. The seed is printed; {@code -Dstorage.crash.seed=} replays a run's
 * kill timings.
 */
class CrashTest {
  /** Most kills land in the commit loop, this long after the child opened the storage. */
  private static final long KILL_AFTER_OPEN_MS_MAX = 500;
  /** One kill in four counts from the child's start instead: during startup or recovery. */
  private static final long KILL_AFTER_START_MS_MAX = 1_500;

  @TempDir
  Path directory;
  private static final Pattern ACK = Pattern.compile("ACK (\\d+) ([0-9a-f]{64}) \\.$");

  @Test
  void killedCommitsLoseNothingAcknowledged() throws Exception {
    runKills(Integer.getInteger("storage.crash.kills", 6));
  }

  @Test
  @Tag("long")
  void manyKilledCommitsLoseNothingAcknowledged() throws Exception {
    runKills(Integer.getInteger("storage.crash.kills", 60));
  }

  private void runKills(int kills) throws Exception {
    long seed = Long.getLong("storage.crash.seed", System.nanoTime());
    System.out.println("CrashTest seed " + seed + " (-Dstorage.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    Replay replay = new Replay();
    long acknowledged = 0;
    for (int kill = 1; kill <= kills; kill++) {
      boolean afterOpen = random.nextInt(4) != 0;
      long killAfterMs = (long) (random.nextDouble()
          * (afterOpen ? KILL_AFTER_OPEN_MS_MAX : KILL_AFTER_START_MS_MAX));
      Map<Long, String> acks = runChildAndKill(killAfterMs, afterOpen);
      for (Map.Entry<Long, String> ack : acks.entrySet()) {
        assertThat(ack.getKey()).as("child acknowledged every height in order")
            .isEqualTo(acknowledged + 1);
        acknowledged = ack.getKey();
      }
      long tip = checkDirectory(replay, acknowledged, acks);
      if (tip > acknowledged + 1) {
        System.out.println("note: " + (tip - acknowledged) + " commits beyond the last"
            + " acknowledgement landed; one at most was in flight");
      }
      System.out.println("kill " + kill + " " + killAfterMs + " ms after "
          + (afterOpen ? "open" : "start") + ": " + acks.size()
          + " acknowledged, last " + acknowledged + ", tip " + tip);
      acknowledged = tip; // a commit in flight when killed may have landed: it counts now
    }
    assertThat(acknowledged).as("the child made progress").isGreaterThan(kills);
  }

  /**
   * Starts the child, kills it with SIGKILL {@code killAfterMs} after it opened the storage (or
   * after it started), and returns its ACKs.
   */
  private Map<Long, String> runChildAndKill(long killAfterMs, boolean afterOpen)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    // JVM warnings go to stderr, so that stdout carries the child's acknowledgements only.
    Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:+DisplayVMOutputToStderr", "-cp", classPath,
        CrashChild.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Map<Long, String> acks = new TreeMap<>();
    CountDownLatch opened = new CountDownLatch(1);
    Thread reader = new Thread(() -> readAcks(child, acks, opened), "crash-child-stdout");
    reader.start();
    try {
      if (afterOpen) {
        assertThat(opened.await(60, TimeUnit.SECONDS)).as("child opened the storage").isTrue();
      }
      child.waitFor(killAfterMs, TimeUnit.MILLISECONDS);
      assertThat(child.isAlive()).as("child still committing when killed").isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no close
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(30_000);
    }
    synchronized (acks) {
      return new TreeMap<>(acks);
    }
  }

  private static void readAcks(Process child, Map<Long, String> acks, CountDownLatch opened) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        // A line cut by the kill lacks its final " ." and acknowledges nothing.
        Matcher ack = ACK.matcher(line);
        if (ack.find()) {
          synchronized (acks) {
            acks.put(Long.parseLong(ack.group(1)), ack.group(2));
          }
        }
        if (line.startsWith("OPEN ")) {
          opened.countDown();
        } else if (!ack.matches()) {
          System.out.println("child said: " + line);
        }
      }
    } catch (IOException e) {
      // The pipe closes when the child dies.
    }
  }

  /** Opens the directory, checks it against the replay; returns the tip height. */
  private long checkDirectory(Replay replay, long acknowledged, Map<Long, String> acks)
      throws Exception {
    try (Storage storage = Storage.open(directory, CrashChild.options())) {
      if (storage.blocks().tip().isEmpty()) {
        assertThat(acknowledged).as("killed before genesis: nothing was acknowledged").isZero();
        return 0;
      }
      ChainTip tip = storage.blocks().tip().orElseThrow();
      assertThat(tip.height()).as("every acknowledged block survives")
          .isGreaterThanOrEqualTo(acknowledged);
      replay.advanceTo(tip.height());
      assertThat(tip.stateRoot()).as("state root at tip %d equals the replay", tip.height())
          .isEqualTo(replay.storage.state().root(tip.height()));
      assertThat(tip.blockHash()).isEqualTo(replay.storage.blocks().tip().orElseThrow()
          .blockHash());
      for (Map.Entry<Long, String> ack : acks.entrySet()) {
        assertThat(ack.getValue()).as("acknowledged root of height %d", ack.getKey())
            .isEqualTo(HexFormat.of().formatHex(replay.roots.get(ack.getKey().intValue())));
      }
      checkChainLinks(storage, tip);
      return tip.height();
    }
  }

  /** Every block from 1 to the tip is there, with its certificate, linked to its parent. */
  private static void checkChainLinks(Storage storage, ChainTip tip) throws Exception {
    byte[] previous = TestChain.GENESIS_HASH;
    for (long height = 1; height <= tip.height(); height++) {
      Block block = Block.parseFrom(storage.blocks().block(height).orElseThrow());
      BlockHeader header = BlockHeader.parseFrom(block.getHeader());
      assertThat(header.getHeight()).isEqualTo(height);
      assertThat(header.getPreviousHash().toByteArray()).isEqualTo(previous);
      byte[] hash = TestChain.HASH.digest(block.getHeader().toByteArray());
      CommitCertificate certificate = CommitCertificate.parseFrom(
          storage.blocks().certificate(height).orElseThrow());
      assertThat(certificate.getBlockHash().toByteArray()).isEqualTo(hash);
      assertThat(storage.blocks().heightOf(hash)).hasValue(height);
      assertThat(storage.blocks().results(height)).hasSize(CrashChild.TRANSACTIONS_PER_BLOCK);
      previous = hash;
    }
    assertThat(previous).isEqualTo(tip.blockHash());
  }

  /** The same chain committed in memory, never killed: what the directory must equal. */
  private static final class Replay {
    final Storage storage = Storage.inMemory(CrashChild.options()
        .withRetainedStateVersions(1_000_000));
    final List<byte[]> roots = new ArrayList<>();
    final TestChain chain = new TestChain();

    Replay() throws StorageException {
      roots.add(storage.commitGenesis(CrashChild.genesis()));
    }

    void advanceTo(long height) throws StorageException {
      while (roots.size() <= height) {
        roots.add(storage.commitBlock(CrashChild.block(chain, roots.size())));
      }
    }
  }

}
