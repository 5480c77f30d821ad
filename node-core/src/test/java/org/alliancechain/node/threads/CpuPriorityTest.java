package org.alliancechain.node.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class CpuPriorityTest {
  private static final ThreadFactory PLAIN = runnable -> new Thread(runnable, "cpu-priority-test");

  @Test
  void aBulkThreadRunsBelowTheNodeAndLeavesItsCreatorAlone() throws Exception {
    int creator = niceOfThisThread();

    int bulk = niceInside(CpuPriority.bulk(PLAIN), () -> {});

    assertThat(bulk).isEqualTo(Math.min(CpuPriority.NICE_MAX,
        niceOfTheMainThread() + CpuPriority.NICE_INCREMENT));
    assertThat(niceOfThisThread()).as("the creating thread's nice").isEqualTo(creator);
    assertThat(niceInside(PLAIN, () -> {})).as("a plain thread's nice").isEqualTo(creator);
  }

  @Test
  void aBulkThreadMadeByABulkThreadRunsAtTheSameLevel() throws Exception {
    ThreadFactory bulk = CpuPriority.bulk(PLAIN);
    int[] inner = new int[1];

    int outer = niceInside(bulk, () -> {
      try {
        inner[0] = niceInside(bulk, () -> {});
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });

    assertThat(inner[0]).isEqualTo(outer).isEqualTo(Math.min(CpuPriority.NICE_MAX,
        niceOfTheMainThread() + CpuPriority.NICE_INCREMENT));
  }

  @Test
  void neverRaisesAndStopsAtTheLowestPriority() throws Exception {
    int nice = niceInside(PLAIN, () -> {
      assertThat(CpuPriority.lowerCurrentThread(CpuPriority.NICE_MAX)).isTrue();
      assertThat(CpuPriority.lowerCurrentThread(CpuPriority.NICE_INCREMENT)).isTrue();
    });

    assertThat(nice).isEqualTo(CpuPriority.NICE_MAX);
  }

  @Test
  void threadsStartedElsewhereAreLoweredByName() throws Exception {
    CountDownLatch lowered = new CountDownLatch(1);
    CompletableFuture<Path> stat = new CompletableFuture<>();
    Thread other = new Thread(() -> {
      try {
        stat.complete(Path.of("/proc/self/task").resolve(
            Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()).resolve("stat"));
        lowered.await();
      } catch (Exception e) {
        stat.completeExceptionally(e);
      }
    }, "lowerme-7");
    other.start();
    try {
      Path otherStat = stat.get(10, TimeUnit.SECONDS);

      assertThat(CpuPriority.lowerThreadsNamed("lowerme-")).isEqualTo(1);

      assertThat(nice(otherStat)).isEqualTo(Math.min(CpuPriority.NICE_MAX,
          niceOfTheMainThread() + CpuPriority.NICE_INCREMENT));
      assertThat(CpuPriority.lowerThreadsNamed("no-such-thread-")).isZero();
    } finally {
      lowered.countDown();
      other.join();
    }
  }

  /** The nice value of a thread from {@code factory}, read after it ran {@code first}. */
  private static int niceInside(ThreadFactory factory, Runnable first) throws Exception {
    CompletableFuture<Integer> seen = new CompletableFuture<>();
    Thread thread = factory.newThread(() -> {
      try {
        first.run();
        seen.complete(niceOfThisThread());
      } catch (Throwable t) {
        seen.completeExceptionally(t);
      }
    });
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(10));
    return seen.get(10, TimeUnit.SECONDS);
  }

  private static int niceOfThisThread() throws IOException {
    return nice(Path.of("/proc/thread-self/stat"));
  }

  /** The node's priority: its main thread's, whose thread id is the process id. */
  private static int niceOfTheMainThread() throws IOException {
    long pid = ProcessHandle.current().pid();
    return nice(Path.of("/proc/self/task/" + pid + "/stat"));
  }

  /** Field 19 of a stat file; the fields after the command name start at field 3. */
  private static int nice(Path statFile) throws IOException {
    String stat = Files.readString(statFile);
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[19 - 3]);
  }
}
