package org.alliancechain.consensus.sim;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/** Simulated time: a queue of callbacks ordered by time, then by insertion. One thread. */
public final class Scheduler {
  private record Task(long timeMs, long sequence, Runnable work) {
  }

  private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.timeMs != b.timeMs
      ? Long.compare(a.timeMs, b.timeMs) : Long.compare(a.sequence, b.sequence));
  private long nowMs;
  private long sequence;
  private long executed;

  public long nowMs() {
    return nowMs;
  }

  public long executed() {
    return executed;
  }

  public void at(long timeMs, Runnable work) {
    queue.add(new Task(Math.max(timeMs, nowMs), sequence++, work));
  }

  public void after(long delayMs, Runnable work) {
    at(nowMs + Math.max(0, delayMs), work);
  }

  /** Runs tasks up to {@code endMs} (or until {@code stop} holds); time ends at {@code endMs}. */
  public void runUntil(long endMs, BooleanSupplier stop) {
    while (!queue.isEmpty() && queue.peek().timeMs <= endMs) {
      if (stop.getAsBoolean()) {
        return;
      }
      Task task = queue.poll();
      nowMs = task.timeMs;
      executed++;
      task.work.run();
    }
    nowMs = Math.max(nowMs, endMs);
  }
}
