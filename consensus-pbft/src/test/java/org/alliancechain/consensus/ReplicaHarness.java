package org.alliancechain.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.consensus.sim.Keys;

/**
 * Drives one real {@link Replica} by hand, Besu-style: inject signed messages from scripted
 * validators, answer the host's actions, and look at what the replica sends back.
 */
final class ReplicaHarness {
  final TestChain test;
  final int index;
  final TreeMap<byte[], byte[]> log = new TreeMap<>(Arrays::compareUnsigned);
  private final MessageVerifier verifier;
  Replica replica;

  ReplicaHarness(TestChain test, int index) {
    this.test = test;
    this.index = index;
    this.verifier = new MessageVerifier(test.chain, test.parameters);
    this.replica = new Replica(test.chain, test.parameters,
        index < 0 ? null : new LocalValidator(index, Keys.signingKey(index)),
        RestoredState.fresh());
  }

  /** A new replica from this one's durable log (and the given committed tip, if any). */
  List<Action> restart(org.alliancechain.consensus.message.CommittedBlock tip) {
    List<LogEntry> entries = new ArrayList<>();
    log.forEach((key, value) -> entries.add(new LogEntry(key, value)));
    replica = new Replica(test.chain, test.parameters, new LocalValidator(index,
        Keys.signingKey(index)), new RestoredState(tip, entries));
    return replica.start();
  }

  List<Action> start() {
    return replica.start();
  }

  List<Action> step(Event event) {
    return replica.step(event);
  }

  List<Action> receive(SignedMessage message, ChainBlock... blocks) {
    VerificationResult result = verifier.verify(test.envelope(message, blocks));
    if (result instanceof VerificationResult.Refused refused) {
      throw new AssertionError("the scripted message was refused: " + refused);
    }
    return step(new Event.MessageReceived(((VerificationResult.Accepted) result).message()));
  }

  /** Writes every Persist of {@code actions} and answers it; returns what followed. */
  List<Action> persistAll(List<Action> actions) {
    List<Action> after = new ArrayList<>();
    for (Action.Persist persist : only(actions, Action.Persist.class)) {
      persist.entries().forEach(entry -> log.put(entry.key(), entry.value()));
      after.addAll(step(new Event.Persisted(persist.token())));
    }
    return after;
  }

  static <T extends Action> List<T> only(List<Action> actions, Class<T> kind) {
    return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The signed messages broadcast by {@code actions}. */
  static List<SignedMessage> broadcasts(List<Action> actions) {
    List<SignedMessage> out = new ArrayList<>();
    for (Action.Broadcast broadcast : only(actions, Action.Broadcast.class)) {
      try {
        out.add(ConsensusCodec.decodeEnvelope(broadcast.envelope()).message());
      } catch (org.alliancechain.consensus.codec.DecodeException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }
}
