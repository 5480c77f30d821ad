package org.alliancechain.consensus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.alliancechain.consensus.internal.Core;

/**
 * One PBFT replica as a deterministic state machine: {@code step(event) → actions}. One
 * instance per node, driven by one thread; it does no I/O, reads no clock and starts no thread,
 * so a simulator can run a whole cluster on one thread from one seed.
 *
 * <p>Wiring (node-core):
 * <ol>
 *   <li>Load the consensus-log column family ({@code loadAll()}) and the committed tip with its
 *       certificate from block storage; build {@link RestoredState}.
 *   <li>{@code Replica replica = new Replica(chain, parameters, localValidator, restored)}
 *       ({@code localValidator} null for an observer), then perform {@link #start()}'s actions.
 *   <li>Feed every event through {@link #step(Event)} on the consensus thread and perform the
 *       returned actions in order; see {@link Action} for what each one asks. Messages from peers
 *       go through {@link MessageVerifier} first, on any thread.
 * </ol>
 *
 * <p>Invalid input is dropped with an {@link Action.Rejected} and counted ({@link
 * #rejections()}); it never throws. A broken local invariant emits {@link Action.Halt}, after
 * which the replica ignores every event.
 */
public final class Replica {
  private final Core core;

  /**
   * @param chain the chain's genesis facts
   * @param parameters validated here
   * @param self this validator, or null for an observer (never votes, never times out)
   * @param restored what the host loaded at start ({@link RestoredState#fresh()} the first time)
   * @throws IllegalArgumentException if {@code self} does not hold the genesis key of its index
   * @throws IllegalStateException if the durable log is corrupt (the node must not start)
   */
  public Replica(ChainContext chain, ConsensusParameters parameters, LocalValidator self,
      RestoredState restored) {
    this.core = new Core(Objects.requireNonNull(chain, "chain"),
        Objects.requireNonNull(parameters, "parameters"), self,
        Objects.requireNonNull(restored, "restored"));
  }

  /** The actions to perform once after construction (resends, timers, sync). */
  public List<Action> start() {
    return core.start();
  }

  /** Processes one event; the actions to perform, in order. */
  public List<Action> step(Event event) {
    return core.step(Objects.requireNonNull(event, "event"));
  }

  /** A snapshot for the admin API and metrics. */
  public ReplicaStatus status() {
    return core.status();
  }

  /** Rejections since start, by reason. */
  public Map<RejectReason, Long> rejections() {
    return core.rejections();
  }

  /** How full the peer-controlled buffers are; see {@link BufferUsage#limits}. */
  public BufferUsage bufferUsage() {
    return core.bufferUsage();
  }
}
