package org.alliancechain.consensus.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.alliancechain.consensus.Seeds;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Domain messages drawn from a seeded random source for the codec round-trip properties: every
 * message kind, nested certificates, numbers small and near the 2^62 limit, signatures of any
 * length (the codec carries them, it does not check them).
 */
final class MessageSamples {
  static final String CHAIN = "prop-chain";

  private final SplittableRandom random;

  MessageSamples(SplittableRandom random) {
    this.random = random;
  }

  long number() {
    return random.nextBoolean() ? random.nextLong(1_001) : random.nextLong(1L << 62);
  }

  Hash hash() {
    byte[] bytes = new byte[Hash.LENGTH];
    random.nextBytes(bytes);
    return Hash.of(bytes);
  }

  SignedMessage signed(ConsensusMessage message) {
    return new SignedMessage(ConsensusCodec.encodePayload(CHAIN, message),
        random.nextInt(1_001), Seeds.bytes(random, 72), CHAIN, message);
  }

  <T> List<T> list(int min, int max, Function<MessageSamples, T> element) {
    int size = min + random.nextInt(max - min + 1);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(this));
    }
    return list;
  }

  PrePrepare prePrepare() {
    return new PrePrepare(number(), number(), hash(), hash());
  }

  Prepare prepare() {
    return new Prepare(number(), number(), hash());
  }

  Commit commit() {
    return new Commit(number(), number(), hash());
  }

  Checkpoint checkpoint() {
    return new Checkpoint(number(), hash(), hash());
  }

  PreparedCertificate preparedCertificate() {
    return new PreparedCertificate(signed(prePrepare()),
        list(0, 4, samples -> samples.signed(samples.prepare())));
  }

  /** Commit proofs decode with the height, view and hash of their first COMMIT. */
  CommitCertificate commitProof() {
    List<SignedMessage> commits = list(1, 4, samples -> samples.signed(samples.commit()));
    Commit first = commits.get(0).as(Commit.class);
    return new CommitCertificate(first.height(), first.view(), first.blockHash(), commits);
  }

  ViewChange viewChange() {
    return new ViewChange(number(), number(),
        list(0, 3, samples -> samples.signed(samples.checkpoint())),
        list(0, 3, MessageSamples::preparedCertificate),
        list(0, 1, MessageSamples::commitProof));
  }

  NewView newView() {
    return new NewView(number(), list(0, 3, samples -> samples.signed(samples.viewChange())),
        list(0, 3, samples -> samples.signed(samples.prePrepare())));
  }

  ConsensusMessage message() {
    return switch (random.nextInt(6)) {
      case 0 -> prePrepare();
      case 1 -> prepare();
      case 2 -> commit();
      case 3 -> checkpoint();
      case 4 -> viewChange();
      default -> newView();
    };
  }

  SignedMessage signedMessage() {
    return signed(message());
  }

  List<byte[]> blobs() {
    return list(0, 3, samples -> Seeds.bytes(samples.random, 40));
  }

  boolean bool() {
    return random.nextBoolean();
  }
}
