package org.alliancechain.node.consensus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.Replica;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.consensus.TimerKind;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.node.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the PBFT replica on one thread fed by one queue: verified peer messages, timers,
 * proposals, validations, persistence and execution completions all arrive as events, and every
 * action is handed to the {@link ConsensusHost}, which does the I/O elsewhere. Nothing on this
 * thread waits for the disk or the network.
 */
public final class ConsensusDriver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);
  /** Verified peer messages allowed to wait in the queue; beyond it they are dropped. */
  private static final int PEER_MESSAGES_QUEUED_MAX = 50_000;

  private final String nodeId;
  private final Replica replica;
  private final ConsensusHost host;
  private final ScheduledExecutorService timers;
  private final NodeMetrics metrics;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedPeerMessages = new AtomicInteger();
  private final AtomicLong droppedPeerMessages = new AtomicLong();
  private final AtomicLong viewChanges = new AtomicLong();
  private final Map<TimerKind, ScheduledFuture<?>> runningTimers = new EnumMap<>(TimerKind.class);
  private final Thread thread;
  private final PhaseClock phases;
  private volatile ReplicaStatus status;
  private volatile boolean running = true;

  public ConsensusDriver(String nodeId, Replica replica, ConsensusHost host,
      ScheduledExecutorService timers, NodeMetrics metrics) {
    this.nodeId = nodeId;
    this.replica = replica;
    this.host = host;
    this.timers = timers;
    this.metrics = metrics;
    this.phases = new PhaseClock(metrics);
    this.status = replica.status();
    this.thread = new Thread(this::run, "consensus-" + nodeId);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
    queue.add(new StartMarker());
  }

  /** Queues an event from any thread. */
  public void submit(Event event) {
    if (running) {
      queue.add(event);
    }
  }

  /** Queues a verified peer message, or drops it when too many wait already. */
  public void submitPeerMessage(VerifiedMessage message) {
    if (queuedPeerMessages.incrementAndGet() > PEER_MESSAGES_QUEUED_MAX) {
      queuedPeerMessages.decrementAndGet();
      droppedPeerMessages.incrementAndGet();
      metrics.consensusRejections.labelValues("queue_full").inc();
      return;
    }
    submit(new Event.MessageReceived(message));
  }

  public ReplicaStatus status() {
    return status;
  }

  public long viewChanges() {
    return viewChanges.get();
  }

  /** A marker that makes the thread perform {@code replica.start()} first. */
  private record StartMarker() {}

  private void run() {
    while (running) {
      Object event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event instanceof Event.MessageReceived) {
        queuedPeerMessages.decrementAndGet();
      }
      List<Action> actions;
      try {
        actions = event instanceof Event step ? replica.step(step) : replica.start();
      } catch (RuntimeException e) {
        log.error("[{} v={} h={}] replica failed on {}", nodeId, status.view(),
            status.committedHeight(), event, e);
        host.halt("the consensus replica failed: " + e);
        running = false;
        return;
      }
      if (event instanceof Event step) {
        phases.observe(step);
      }
      for (Action action : actions) {
        perform(action);
      }
      status = replica.status();
    }
  }

  private void perform(Action action) {
    if (action instanceof Action.Send send) {
      host.send(send.to(), send.envelope());
    } else if (action instanceof Action.Broadcast broadcast) {
      host.broadcast(broadcast.envelope());
    } else if (action instanceof Action.Persist persist) {
      long token = persist.token();
      host.persist(persist.entries(), () -> submit(new Event.Persisted(token)));
    } else if (action instanceof Action.PruneLog prune) {
      host.prune(prune.ranges());
    } else if (action instanceof Action.RequestProposal request) {
      phases.proposalRequested(request.height());
      host.requestProposal(request.view(), request.height(), request.parentHash().bytes());
    } else if (action instanceof Action.ValidateProposal validate) {
      phases.validationRequested(validate.height());
      host.validateProposal(validate.view(), validate.height(), validate.blockHash().bytes(),
          validate.block());
    } else if (action instanceof Action.Deliver deliver) {
      phases.delivered(deliver.height());
      host.deliver(deliver.height(), deliver.block(), deliver.certificate());
    } else if (action instanceof Action.SetTimer timer) {
      setTimer(timer);
    } else if (action instanceof Action.CancelTimer cancel) {
      cancelTimer(cancel.kind());
    } else if (action instanceof Action.RequestSync sync) {
      host.requestSync(sync.fromHeight(), sync.knownTipHeight());
    } else if (action instanceof Action.Rejected rejected) {
      metrics.consensusRejections.labelValues(rejected.reason().name().toLowerCase()).inc();
      log.debug("[{} v={} h={}] dropped a message from validator {}: {} ({})", nodeId,
          status.view(), status.committedHeight(), rejected.sender(), rejected.reason(),
          rejected.detail());
    } else if (action instanceof Action.ViewChanged changed) {
      onViewChanged(changed);
    } else if (action instanceof Action.Halt halt) {
      log.error("[{} v={} h={}] consensus halted: {}", nodeId, status.view(),
          status.committedHeight(), halt.reason());
      running = false;
      host.halt(halt.reason());
    }
  }

  private void onViewChanged(Action.ViewChanged changed) {
    if (changed.view() > 0) {
      viewChanges.incrementAndGet();
      metrics.viewChanges.inc();
    }
    metrics.view.set(changed.view());
    log.info("[{} v={} h={}] entered view {}, primary is validator {}", nodeId, changed.view(),
        status.committedHeight(), changed.view(), changed.primary());
  }

  private void setTimer(Action.SetTimer timer) {
    cancelTimer(timer.kind());
    TimerKind kind = timer.kind();
    long id = timer.timerId();
    runningTimers.put(kind, timers.schedule(() -> submit(new Event.TimerFired(kind, id)),
        timer.delayMs(), TimeUnit.MILLISECONDS));
  }

  private void cancelTimer(TimerKind kind) {
    ScheduledFuture<?> running = runningTimers.remove(kind);
    if (running != null) {
      running.cancel(false);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runningTimers.values().forEach(timer -> timer.cancel(false));
  }
}
