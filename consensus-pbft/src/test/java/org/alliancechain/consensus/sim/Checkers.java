package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.BufferUsage;
import org.alliancechain.consensus.InvalidCertificateException;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * The invariants every simulation run asserts (docs/pbft-invariants.md lists them): agreement,
 * durability, validity, no double signing, bounded memory, no honest halt. Liveness is checked
 * by {@link SimCluster#checkLiveness}.
 */
public final class Checkers {
  private final SimCluster cluster;
  private final List<String> violations = new ArrayList<>();
  private final Map<Long, Hash> decided = new HashMap<>();
  private final Set<Hash> proposed = new HashSet<>();
  private final Map<String, byte[]> signedBySlot = new HashMap<>();
  private final BufferUsage limits;

  Checkers(SimCluster cluster) {
    this.cluster = cluster;
    this.limits = BufferUsage.limits(cluster.parameters(), cluster.validatorCount());
  }

  public List<String> violations() {
    return violations;
  }

  void violation(String description) {
    if (violations.size() < 20) {
      violations.add("t=" + cluster.scheduler().nowMs() + "ms " + description);
    }
  }

  /** Validity: every block some builder (honest or not) made. */
  void onProposed(byte[] block) {
    proposed.add(Hash.of(SimBlocks.HASH.digest(SimBlocks.parse(block).getHeader().toByteArray())));
  }

  void onDeliver(SimNode node, Action.Deliver deliver) {
    if (tracer != null) {
      System.out.println("t=" + cluster.scheduler().nowMs() + " " + node + " DELIVERS "
          + deliver.height() + " " + deliver.block().hash() + " cert view "
          + deliver.certificate().view());
    }
    long height = deliver.height();
    Hash hash = deliver.block().hash();
    if (height != node.storage.height() + 1) {
      violation(node + " delivered height " + height + " after " + node.storage.height()
          + " (durability: a height re-decided or skipped)");
    }
    Hash parent = node.storage.height() == 0 ? cluster.chain().genesisHash()
        : node.storage.tip().block().hash();
    if (!deliver.block().parentHash().equals(parent)) {
      violation(node + " delivered " + deliver.block() + " not extending " + parent);
    }
    if (!proposed.contains(hash)) {
      violation(node + " delivered block " + hash + " that no builder proposed (validity)");
    }
    if (deliver.certificate().height() != height || !deliver.certificate().blockHash().equals(hash)) {
      violation(node + " delivered height " + height + " with a certificate for another block");
    }
    try {
      cluster.certificates().verify(deliver.certificate());
    } catch (InvalidCertificateException e) {
      violation(node + " delivered height " + height + " with an invalid certificate: "
          + e.getMessage());
    }
    if (node.honest()) {
      Hash previous = decided.putIfAbsent(height, hash);
      if (previous != null && !previous.equals(hash)) {
        violation("agreement: " + node + " committed " + hash + " at height " + height
            + ", another honest replica committed " + previous);
      }
    }
  }

  /** No honest validator signs two different messages for one (view, height, phase). */
  /** A debugging hook on every message a node sends; null normally. */
  static java.util.function.BiConsumer<SimNode, byte[]> tracer;

  void onOutgoing(SimNode node, byte[] envelope) {
    if (tracer != null) {
      tracer.accept(node, envelope);
    }
    if (!node.honest()) {
      return;
    }
    SignedMessage signed = Misbehaviour.decode(envelope).message();
    ConsensusMessage message = signed.message();
    if (message instanceof ConsensusMessage.Checkpoint || signed.signer() != node.index) {
      return;  // checkpoints are not slots; forwarded VIEW-CHANGEs are others' signatures
    }
    String slot = signed.signer() + "/" + message.phase() + "/" + message.view() + "/"
        + (message instanceof ConsensusMessage.ViewChange
            || message instanceof ConsensusMessage.NewView ? 0 : message.height());
    byte[] previous = signedBySlot.putIfAbsent(slot, signed.payload());
    if (previous != null && !Arrays.equals(previous, signed.payload())) {
      violation(node + " signed two different messages for " + slot + " (restarts: "
          + node.restarts() + ")");
    }
  }

  void afterStep(SimNode node) {
    if (node.replica() == null) {
      return;
    }
    List<String> excess = node.replica().bufferUsage().excessOver(limits);
    if (!excess.isEmpty()) {
      violation(node + " exceeds its buffer bounds: " + excess);
    }
  }

  void onHalt(SimNode node, String reason) {
    cluster.stats().halted(node.honest());
    if (node.honest()) {
      violation("honest " + node + " halted: " + reason);
    }
  }

  /** The hash decided at {@code height}, or null. */
  public Hash decidedAt(long height) {
    return decided.get(height);
  }
}
