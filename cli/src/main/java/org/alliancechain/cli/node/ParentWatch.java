package org.alliancechain.cli.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this process when the process that started it is gone, so a supervisor that dies (even
 * by kill -9) never leaves its nodes orphaned. Two signals, either suffices: the supervisor
 * holds the write end of our standard input and the kernel closes it when the supervisor
 * exits; and our parent process id changes when we are re-parented.
 */
final class ParentWatch {
  private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);
  private static final long PARENT_POLL_MS = 1_000;

  private ParentWatch() {}

  /** Starts the watch; {@code onParentGone} runs once, on a watch thread. */
  static void start(InputStream stdin, Runnable onParentGone) {
    Optional<Long> parent = ProcessHandle.current().parent().map(ProcessHandle::pid);
    Runnable once = new Once(onParentGone);
    Thread stdinWatch = new Thread(() -> {
      drain(stdin);
      log.warn("standard input closed: the process that started this node is gone; stopping");
      once.run();
    }, "parent-watch-stdin");
    stdinWatch.setDaemon(true);
    stdinWatch.start();
    Thread pidWatch = new Thread(() -> {
      try {
        while (ProcessHandle.current().parent().map(ProcessHandle::pid).equals(parent)) {
          Thread.sleep(PARENT_POLL_MS);
        }
      } catch (InterruptedException e) {
        return;
      }
      log.warn("the parent process {} is gone; stopping", parent.orElse(-1L));
      once.run();
    }, "parent-watch-pid");
    pidWatch.setDaemon(true);
    pidWatch.start();
  }

  private static void drain(InputStream stdin) {
    byte[] buffer = new byte[256];
    try {
      while (stdin.read(buffer) >= 0) {
        // nothing is ever written to us; reading only waits for the end of the stream
      }
    } catch (IOException e) {
      // a broken pipe means the same as an end of stream
    }
  }

  private static final class Once implements Runnable {
    private final Runnable action;
    private boolean done;

    Once(Runnable action) {
      this.action = action;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      action.run();
    }
  }
}
