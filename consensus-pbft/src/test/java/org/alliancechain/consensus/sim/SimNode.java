package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.InvalidCertificateException;
import org.alliancechain.consensus.KeyRange;
import org.alliancechain.consensus.LocalValidator;
import org.alliancechain.consensus.Replica;
import org.alliancechain.consensus.RestoredState;
import org.alliancechain.consensus.TimerKind;
import org.alliancechain.consensus.VerificationResult;
import org.alliancechain.consensus.VerifiedCommittedBlock;
import org.alliancechain.consensus.message.CommittedBlock;

/**
 * One simulated node: a real {@link Replica}, its disk (which survives crashes), its application,
 * timers and disk queue (which do not), and an optional misbehaviour on its outgoing messages.
 */
public final class SimNode {
  private record PendingWrite(List<org.alliancechain.consensus.LogEntry> entries, long token) {
  }

  final SimCluster cluster;
  final int endpoint;
  final int index;
  final boolean observer;
  final SimStorage storage = new SimStorage();
  final Misbehaviour misbehaviour;
  final long divergeFromHeight;
  private Replica replica;
  private SimApplication app;
  private boolean up;
  private int incarnation;
  private long diskFreeAtMs;
  private final List<PendingWrite> pendingWrites = new ArrayList<>();
  private final Map<TimerKind, Long> timers = new EnumMap<>(TimerKind.class);
  private int restarts;

  SimNode(SimCluster cluster, int endpoint, int index, boolean observer, Misbehaviour misbehaviour,
      long divergeFromHeight) {
    this.cluster = cluster;
    this.endpoint = endpoint;
    this.index = index;
    this.observer = observer;
    this.misbehaviour = misbehaviour;
    this.divergeFromHeight = divergeFromHeight;
  }

  /** Honest: follows the protocol and executes correctly (crashes and restarts are honest). */
  public boolean honest() {
    return misbehaviour == Misbehaviour.NONE && divergeFromHeight == Long.MAX_VALUE;
  }

  public boolean up() {
    return up;
  }

  public Replica replica() {
    return replica;
  }

  public SimStorage storage() {
    return storage;
  }

  public int index() {
    return index;
  }

  public int restarts() {
    return restarts;
  }

  void boot() {
    LocalValidator self = observer ? null : new LocalValidator(index, Keys.signingKey(index));
    replica = new Replica(cluster.chain(), cluster.parameters(), self,
        new RestoredState(storage.tip(), storage.loadAll()));
    up = true;
    incarnation++;
    app = new SimApplication(this, cluster.parameters().window(), divergeFromHeight);
    perform(replica.start());
    cluster.checkers().afterStep(this);
    reportRecentCheckpoints();
  }

  /** The host's side of the restart contract: re-report recent checkpoint heights' roots. */
  private void reportRecentCheckpoints() {
    int interval = cluster.parameters().checkpointInterval();
    long tip = storage.height();
    for (long height = Math.max(1, tip - cluster.parameters().logHeightsMax()); height <= tip;
        height++) {
      if (height % interval == 0) {
        step(new Event.BlockExecuted(height, storage.block(height).block().hash(),
            app.root(height)));
      }
    }
  }

  /** Stops the node; writes it had not acknowledged may or may not have reached the disk. */
  public void crash() {
    if (Checkers.tracer != null) {
      System.out.println("t=" + cluster.scheduler().nowMs() + " " + this + " CRASHES");
    }
    int landed = pendingWrites.isEmpty() ? 0 : cluster.random().nextInt(pendingWrites.size() + 1);
    for (int i = 0; i < landed; i++) {
      storage.save(pendingWrites.get(i).entries());
    }
    pendingWrites.clear();
    up = false;
    replica = null;
    app = null;
    timers.clear();
    incarnation++;
  }

  public void restart() {
    restarts++;
    boot();
  }

  /** Runs {@code work} after {@code delayMs} unless the node crashed meanwhile. */
  void later(long delayMs, Runnable work) {
    int scheduled = incarnation;
    cluster.scheduler().after(delayMs, () -> {
      if (up && incarnation == scheduled) {
        work.run();
      }
    });
  }

  void step(Event event) {
    if (!up) {
      return;
    }
    List<Action> actions = replica.step(event);
    cluster.checkers().afterStep(this);
    perform(actions);
  }

  void receive(byte[] envelope) {
    if (!up) {
      return;
    }
    misbehaviour.onReceive(this, envelope);
    VerificationResult result = cluster.verify(envelope);
    if (result instanceof VerificationResult.Accepted accepted) {
      step(new Event.MessageReceived(accepted.message()));
    } else {
      cluster.stats().rejected(((VerificationResult.Refused) result).reason());
    }
  }

  void onTransaction(com.google.protobuf.ByteString transaction) {
    if (up) {
      app.onTransaction(transaction);
    }
  }

  private void perform(List<Action> actions) {
    for (Action action : actions) {
      if (!up) {
        return;
      }
      perform(action);
    }
  }

  private void perform(Action action) {
    if (action instanceof Action.Broadcast broadcast) {
      cluster.checkers().onOutgoing(this, broadcast.envelope());
      misbehaviour.broadcast(this, broadcast.envelope());
    } else if (action instanceof Action.Send send) {
      cluster.checkers().onOutgoing(this, send.envelope());
      misbehaviour.send(this, send.to(), send.envelope());
    } else if (action instanceof Action.Persist persist) {
      persist(persist);
    } else if (action instanceof Action.PruneLog prune) {
      for (KeyRange range : prune.ranges()) {
        storage.deleteRange(range);
      }
    } else if (action instanceof Action.RequestProposal request) {
      app.onRequestProposal(request);
    } else if (action instanceof Action.ValidateProposal validate) {
      app.onValidate(validate);
    } else if (action instanceof Action.Deliver deliver) {
      CommittedBlock committed = new CommittedBlock(deliver.block(), deliver.certificate());
      cluster.checkers().onDeliver(this, deliver);
      storage.append(committed);
      app.onDeliver(deliver.block());
    } else if (action instanceof Action.SetTimer set) {
      setTimer(set);
    } else if (action instanceof Action.CancelTimer cancel) {
      timers.remove(cancel.kind());
    } else if (action instanceof Action.RequestSync sync) {
      requestSync(sync);
    } else if (action instanceof Action.Rejected rejected) {
      cluster.stats().rejected(rejected.reason());
    } else if (action instanceof Action.ViewChanged) {
      cluster.stats().viewChanged();
    } else if (action instanceof Action.Halt halt) {
      cluster.checkers().onHalt(this, halt.reason());
    }
  }

  /** Writes complete in order, each 0–2 ms after the previous one. */
  private void persist(Action.Persist persist) {
    PendingWrite write = new PendingWrite(persist.entries(), persist.token());
    pendingWrites.add(write);
    diskFreeAtMs = Math.max(diskFreeAtMs, cluster.scheduler().nowMs()) + cluster.random().nextInt(3);
    later(diskFreeAtMs - cluster.scheduler().nowMs(), () -> {
      pendingWrites.remove(write);
      storage.save(write.entries());
      step(new Event.Persisted(write.token()));
    });
  }

  private void setTimer(Action.SetTimer set) {
    timers.put(set.kind(), set.timerId());
    later(set.delayMs(), () -> {
      Long current = timers.get(set.kind());
      if (current != null && current == set.timerId()) {
        timers.remove(set.kind());
        step(new Event.TimerFired(set.kind(), set.timerId()));
      }
    });
  }

  /** Fetches up to 16 committed blocks from a random live peer that has them. */
  private void requestSync(Action.RequestSync sync) {
    later(5 + cluster.random().nextInt(20), () -> {
      SimNode peer = cluster.syncPeerFor(this, sync.fromHeight());
      if (peer == null) {
        return;
      }
      List<VerifiedCommittedBlock> blocks = new ArrayList<>();
      long last = Math.min(peer.storage.height(), sync.fromHeight() + 15);
      for (long height = sync.fromHeight(); height <= last; height++) {
        try {
          blocks.add(cluster.certificates().verify(peer.storage.block(height)));
        } catch (InvalidCertificateException e) {
          cluster.checkers().violation("block sync served an invalid certificate: " + e.getMessage());
          return;
        }
      }
      cluster.stats().synced(blocks.size());
      step(new Event.SyncedBlocks(blocks));
    });
  }

  int mempoolSize() {
    return up ? app.mempoolSize() : 0;
  }

  @Override
  public String toString() {
    return "node " + index + (endpoint != index ? "@" + endpoint : "")
        + (misbehaviour != Misbehaviour.NONE ? " " + misbehaviour : "");
  }
}
