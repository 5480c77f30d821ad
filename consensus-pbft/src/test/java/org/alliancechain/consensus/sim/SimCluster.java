package org.alliancechain.consensus.sim;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliancechain.consensus.ChainContext;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.ConsensusParameters;
import org.alliancechain.consensus.MessageVerifier;
import org.alliancechain.consensus.SignatureCheck;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.VerificationResult;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.crypto.CryptoSuite;

/**
 * A whole cluster on one thread from one seed: real replicas, simulated network, clock, disks
 * and applications, Byzantine nodes, and the checkers. Built with {@link SimClusterBuilder}.
 */
public final class SimCluster {
  private final long seed;
  private final Random random;
  private final Scheduler scheduler = new Scheduler();
  private final SimNetwork network;
  private final ChainContext chain;
  private final ConsensusParameters parameters;
  private final List<SimNode> nodes = new ArrayList<>();
  private final Map<Integer, List<SimNode>> endpointsByValidator = new HashMap<>();
  private final List<SimNode> observers = new ArrayList<>();
  private final Map<ByteBuffer, VerificationResult> verified = new HashMap<>();
  private final Map<ByteBuffer, Boolean> signatures = new HashMap<>();
  private final MessageVerifier verifier;
  private final CommitCertificates certificates;
  private final Checkers checkers;
  private final SimStats stats = new SimStats();
  private final Map<Integer, ReplayPool> replayPools = new HashMap<>();
  private long transactionIntervalMs = 100;
  private long transactions;

  SimCluster(long seed, int validatorCount, ConsensusParameters parameters, int endpoints) {
    this.seed = seed;
    this.random = new Random(seed);
    this.parameters = parameters;
    ValidatorSet validators = new ValidatorSet(Keys.publicKeys(validatorCount));
    this.chain = new ChainContext("sim-chain", CryptoSuite.INTL,
        Hash.of(SimBlocks.HASH.digest("sim genesis".getBytes(StandardCharsets.US_ASCII))),
        validators);
    SignatureCheck direct = SignatureCheck.of(validators);
    SignatureCheck memoized = (signer, payload, signature) -> signatures.computeIfAbsent(
        ByteBuffer.wrap(concat(signer, payload, signature)),
        key -> direct.verify(signer, payload, signature));
    this.verifier = new MessageVerifier(chain, parameters, memoized);
    this.certificates = new CommitCertificates(chain, memoized);
    this.network = new SimNetwork(scheduler, random, endpoints,
        (endpoint, bytes) -> nodes.get(endpoint).receive(bytes));
    this.checkers = new Checkers(this);
  }

  void addNode(SimNode node) {
    nodes.add(node);
    if (node.observer) {
      observers.add(node);
    } else {
      endpointsByValidator.computeIfAbsent(node.index, i -> new ArrayList<>()).add(node);
    }
  }

  public long seed() {
    return seed;
  }

  public Random random() {
    return random;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public SimNetwork network() {
    return network;
  }

  public ChainContext chain() {
    return chain;
  }

  public ConsensusParameters parameters() {
    return parameters;
  }

  public Checkers checkers() {
    return checkers;
  }

  public SimStats stats() {
    return stats;
  }

  public CommitCertificates certificates() {
    return certificates;
  }

  public int validatorCount() {
    return chain.validators().size();
  }

  public List<SimNode> nodes() {
    return nodes;
  }

  /** The node of {@code validator} (its first endpoint when it has a twin). */
  public SimNode node(int validator) {
    return endpointsByValidator.get(validator).get(0);
  }

  public List<SimNode> honestNodes() {
    return nodes.stream().filter(SimNode::honest).toList();
  }

  VerificationResult verify(byte[] envelope) {
    return verified.computeIfAbsent(ByteBuffer.wrap(envelope), key -> verifier.verify(envelope));
  }

  void sendToValidator(SimNode from, int validator, byte[] envelope) {
    for (SimNode to : endpointsByValidator.getOrDefault(validator, List.of())) {
      if (to != from) {
        network.send(from.endpoint, to.endpoint, envelope);
      }
    }
  }

  void sendToObservers(SimNode from, byte[] envelope) {
    for (SimNode observer : observers) {
      network.send(from.endpoint, observer.endpoint, envelope);
    }
  }

  ReplayPool replayPool(SimNode node) {
    return replayPools.computeIfAbsent(node.endpoint, e -> new ReplayPool());
  }

  /** A random live node other than {@code asking} that committed {@code fromHeight}. */
  SimNode syncPeerFor(SimNode asking, long fromHeight) {
    List<SimNode> candidates = nodes.stream()
        .filter(n -> n != asking && n.up() && n.storage.height() >= fromHeight).toList();
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  /** Boots every node and starts the client workload. */
  public SimCluster start() {
    for (SimNode node : nodes) {
      node.boot();
    }
    scheduleTransaction();
    return this;
  }

  public SimCluster transactionEveryMs(long intervalMs) {
    this.transactionIntervalMs = intervalMs;
    return this;
  }

  private void scheduleTransaction() {
    scheduler.after(transactionIntervalMs / 2 + random.nextInt((int) transactionIntervalMs + 1), () -> {
      byte[] bytes = new byte[16 + random.nextInt(48)];
      random.nextBytes(bytes);
      ByteString transaction = ByteString.copyFrom(bytes);
      transactions++;
      for (SimNode node : nodes) {
        long delay = 1 + random.nextInt(20);
        node.later(delay, () -> node.onTransaction(transaction));
      }
      scheduleTransaction();
    });
  }

  public void runFor(long durationMs) {
    scheduler.runUntil(scheduler.nowMs() + durationMs, () -> false);
  }

  /** Runs until every live honest validator committed {@code height}, or {@code durationMs} passed. */
  public boolean runUntilHeight(long height, long durationMs) {
    scheduler.runUntil(scheduler.nowMs() + durationMs, () -> minHonestHeight() >= height);
    return minHonestHeight() >= height;
  }

  /** The lowest committed height among live honest validators. */
  public long minHonestHeight() {
    return nodes.stream().filter(n -> n.honest() && n.up() && !n.observer)
        .mapToLong(n -> n.storage.height()).min().orElse(0);
  }

  public long maxHonestHeight() {
    return nodes.stream().filter(n -> n.honest() && !n.observer)
        .mapToLong(n -> n.storage.height()).max().orElse(0);
  }

  /** Liveness: after the network healed, {@code blocks} more blocks commit within {@code boundMs}. */
  public void checkLiveness(int blocks, long boundMs) {
    long target = maxHonestHeight() + blocks;
    long start = scheduler.nowMs();
    if (!runUntilHeight(target, boundMs)) {
      checkers.violation("liveness: honest validators reached only height " + minHonestHeight()
          + " of " + target + " within " + boundMs + " ms after the heal at " + start + " ms");
    }
  }

  public long transactions() {
    return transactions;
  }

  public List<String> violations() {
    return checkers.violations();
  }

  private static byte[] concat(int signer, byte[] payload, byte[] signature) {
    return ByteBuffer.allocate(4 + payload.length + signature.length).putInt(signer).put(payload)
        .put(signature).array();
  }

  /** The last messages a replaying node received. */
  static final class ReplayPool {
    private final List<byte[]> pool = new ArrayList<>();
    private int next;

    void accept(byte[] envelope) {
      if (pool.size() < 64) {
        pool.add(envelope);
      } else {
        pool.set(next++ % 64, envelope);
      }
    }

    byte[] pick(Random random) {
      return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
    }
  }
}
