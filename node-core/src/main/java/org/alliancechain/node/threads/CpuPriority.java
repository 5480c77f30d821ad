package org.alliancechain.node.threads;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU priority of a node's bulk threads: those that check the signatures of transactions
 * arriving from clients and from gossip, and RocksDB's compactions. That is about half of a
 * node's CPU, and none of it is on the path of a block already being agreed on or executed; when
 * both want a core, a commit that waits behind them adds its wait to every transaction of the
 * block. Threads made by {@link #bulk} run {@value #NICE_INCREMENT} nice steps below the node,
 * so the scheduler gives the others about 2.4 times their share when the cores are contended
 * (1,024 against 423 in the kernel's weights) and leaves the bulk threads all the CPU the
 * others do not use. Why, and what was
 * measured: docs/adr/0065-node-threads-and-pipeline.md.
 *
 * <p>Linux only: there nice is a per-thread attribute, and a process may lower its own. On
 * other systems, or where the call is refused, bulk threads keep the node's priority and the
 * node says so once in its log.
 */
public final class CpuPriority {
  /** Nice steps a bulk thread runs below the node's main thread. */
  public static final int NICE_INCREMENT = 4;
  /** The lowest priority Linux has. */
  static final int NICE_MAX = 19;

  private static final Logger log = LoggerFactory.getLogger(CpuPriority.class);
  private static final int PRIO_PROCESS = 0;
  /** errno "no such process": a listed thread ended before it was lowered. */
  private static final int ESRCH = 3;
  private static final AtomicBoolean warned = new AtomicBoolean();

  private CpuPriority() {}

  /** Threads from {@code factory} that lower their own priority before running their task. */
  public static ThreadFactory bulk(ThreadFactory factory) {
    return runnable -> factory.newThread(() -> {
      lowerCurrentThread(NICE_INCREMENT);
      runnable.run();
    });
  }

  /**
   * Lowers, like {@link #bulk} threads, the threads of this process whose name starts with
   * {@code prefix}: threads the node did not start itself, such as RocksDB's compaction pool
   * (named {@code rocksdb:low} by RocksDB). Returns how many it lowered.
   */
  public static int lowerThreadsNamed(String prefix) {
    Optional<LibC> libc = LibCHolder.INSTANCE;
    if (libc.isEmpty()) {
      return 0;
    }
    int lowered = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String name;
        try {
          name = Files.readString(task.resolve("comm")).strip();
        } catch (NoSuchFileException gone) {
          continue;
        }
        if (name.startsWith(prefix)
            && lower(libc.get(), Integer.parseInt(task.getFileName().toString()),
                NICE_INCREMENT)) {
          lowered++;
        }
      }
    } catch (IOException e) {
      warnOnce("the threads named " + prefix + "* could not be listed (" + e + ")");
    }
    return lowered;
  }

  /**
   * Sets the calling thread's priority {@code steps} nice steps below the node's (its main
   * thread's), at most to {@value #NICE_MAX}; never raises it, and leaves other threads alone (a
   * thread starts at its creator's priority, so a bulk thread made by a bulk thread must not
   * count from its own). False where this system cannot.
   */
  static boolean lowerCurrentThread(int steps) {
    Optional<LibC> libc = LibCHolder.INSTANCE;
    if (libc.isEmpty()) {
      return false;
    }
    return lower(libc.get(), 0, steps);
  }

  /** Thread {@code tid} (0 = the caller) to {@code steps} below the node, never higher. */
  private static boolean lower(LibC libc, int tid, int steps) {
    try {
      // On Linux, PRIO_PROCESS names one thread: 0 is the caller, the pid the main thread.
      int node = libc.getpriority(PRIO_PROCESS, (int) ProcessHandle.current().pid());
      int target = Math.min(NICE_MAX, node + steps);
      if (libc.getpriority(PRIO_PROCESS, tid) < target) {
        libc.setpriority(PRIO_PROCESS, tid, target);
      }
      return true;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == ESRCH && tid != 0) {
        return false;
      }
      warnOnce("setpriority failed with errno " + e.getErrorCode() + " (" + e.getMessage()
          + ")");
      return false;
    }
  }

  private static void warnOnce(String why) {
    if (warned.compareAndSet(false, true)) {
      log.warn("transaction admission and compaction threads run at the node's CPU priority:"
          + " {}; consensus and execution then compete with them for cores, and latency under"
          + " load is higher", why);
    }
  }

  /** The two calls of the C library this needs; JNA raises errno as LastErrorException. */
  private interface LibC extends Library {
    int getpriority(int which, int who) throws LastErrorException;

    int setpriority(int which, int who, int prio) throws LastErrorException;
  }

  private static final class LibCHolder {
    static final Optional<LibC> INSTANCE = load();

    private static Optional<LibC> load() {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (!os.startsWith("linux")) {
        // Elsewhere PRIO_PROCESS 0 names the whole process: lowering it would slow everything.
        log.debug("bulk threads keep the node's CPU priority on {}", os);
        return Optional.empty();
      }
      try {
        return Optional.of(Native.load("c", LibC.class));
      } catch (LinkageError e) {
        warnOnce("the C library could not be loaded through JNA (" + e.getMessage() + ")");
        return Optional.empty();
      }
    }
  }
}
