package org.alliancechain.cli.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.alliancechain.proto.v1.NodeStatus;

/** The faults the end-to-end tests inject into a {@link ProcessCluster}, and what they wait for. */
final class Faults {
  private final ProcessCluster cluster;

  Faults(ProcessCluster cluster) {
    this.cluster = cluster;
  }

  String primary() {
    return cluster.anyStatus(cluster.ids()).getPrimary();
  }

  String aBackup() {
    String primary = primary();
    return cluster.ids().stream().filter(id -> !id.equals(primary)).findFirst().orElseThrow();
  }

  /** Waits until {@code count} more transactions are acknowledged as committed. */
  void awaitProgress(SteadyLoad load, int count) throws InterruptedException {
    long target = load.acknowledgedCount() + count;
    ProcessCluster.await(count + " more transactions are committed (now "
        + load.acknowledgedCount() + ")", FaultToleranceTest.RECOVERY,
        () -> load.acknowledgedCount() >= target);
  }

  /**
   * SIGKILL {@code id}; the others go on committing (after a view change if it was the
   * primary); after {@code downtime} it restarts on the same data and catches up.
   */
  void crashAndRestart(String id, SteadyLoad load, Duration downtime) throws Exception {
    log("kill -9 " + cluster.process(id) + " (primary " + primary() + ")");
    cluster.process(id).kill();
    awaitProgress(load, 5);
    Thread.sleep(downtime.toMillis());
    log("restarting " + id + " on its data");
    cluster.restart(id);
    awaitCaughtUp(id);
  }

  /**
   * SIGSTOP {@code id} (the primary) until the other validators are in a higher view and commit
   * again, then SIGCONT it and wait until it has caught up and follows the new view.
   */
  void pauseUntilViewChange(String id, SteadyLoad load) throws Exception {
    List<String> others = cluster.others(id);
    long view = cluster.anyStatus(others).getView();
    log("kill -STOP " + cluster.process(id) + " in view " + view);
    cluster.process(id).pause();
    try {
      ProcessCluster.await("the others leave view " + view, FaultToleranceTest.RECOVERY,
          () -> others.stream().map(cluster::status).flatMap(Optional::stream)
              .filter(status -> status.getView() > view).count() >= others.size() - 1);
      awaitProgress(load, 5);
    } finally {
      log("kill -CONT " + cluster.process(id));
      cluster.process(id).resume();
    }
    awaitCaughtUp(id);
    long newView = cluster.anyStatus(others).getView();
    ProcessCluster.await(id + " follows view " + newView, FaultToleranceTest.RECOVERY,
        () -> cluster.status(id).map(NodeStatus::getView).orElse(-1L) >= newView);
  }

  /** The node answers, is ready, and has reached the height the others had when it came back. */
  void awaitCaughtUp(String id) throws InterruptedException {
    long target = cluster.maxHeight(cluster.others(id));
    ProcessCluster.await(id + " catches up to height " + target, FaultToleranceTest.RECOVERY,
        () -> cluster.status(id).filter(NodeStatus::getReady)
            .filter(status -> status.getHeight() >= target).isPresent());
    log(id + " caught up: " + cluster.status(id).map(Faults::describe).orElse("?"));
  }

  static String describe(NodeStatus status) {
    return "height " + status.getHeight() + ", view " + status.getView() + ", primary "
        + status.getPrimary();
  }

  static void log(String line) {
    System.out.println("e2e: " + line);
  }
}
