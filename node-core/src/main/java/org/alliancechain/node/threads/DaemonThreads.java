package org.alliancechain.node.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Factories of named daemon threads, so that thread dumps, profiles and log lines say whose a
 * thread is. Daemons, because a node's pools never hold the process up: closing the node stops
 * them.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all called {@code name} (a pool whose threads need no number, or one thread). */
  public static ThreadFactory named(String name) {
    return runnable -> daemon(runnable, name);
  }

  /** Threads called {@code prefix} followed by 1, 2, 3, ... */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> daemon(runnable, prefix + count.incrementAndGet());
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
