package org.alliancechain.consensus.codec;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

/** Generators of domain messages for the codec round-trip properties. */
final class MessageArbitraries {
  static final String CHAIN = "prop-chain";

  private MessageArbitraries() {
  }

  static Arbitrary<Long> numbers() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000),
        Arbitraries.longs().between(0, 1L << 62));
  }

  static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Hash.LENGTH).map(Hash::of);
  }

  static Arbitrary<SignedMessage> signed(Arbitrary<? extends ConsensusMessage> messages) {
    return Combinators.combine(messages, Arbitraries.integers().between(0, 1_000),
            Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(72))
        .as((message, signer, signature) -> new SignedMessage(
            ConsensusCodec.encodePayload(CHAIN, message), signer, signature, CHAIN, message));
  }

  static Arbitrary<PrePrepare> prePrepares() {
    return Combinators.combine(numbers(), numbers(), hashes(), hashes()).as(PrePrepare::new);
  }

  static Arbitrary<Prepare> prepares() {
    return Combinators.combine(numbers(), numbers(), hashes()).as(Prepare::new);
  }

  static Arbitrary<Commit> commits() {
    return Combinators.combine(numbers(), numbers(), hashes()).as(Commit::new);
  }

  static Arbitrary<Checkpoint> checkpoints() {
    return Combinators.combine(numbers(), hashes(), hashes()).as(Checkpoint::new);
  }

  static Arbitrary<PreparedCertificate> preparedCertificates() {
    return Combinators.combine(signed(prePrepares()), signed(prepares()).list().ofMaxSize(4))
        .as(PreparedCertificate::new);
  }

  /** Commit proofs decode with the height, view and hash of their first COMMIT. */
  static Arbitrary<CommitCertificate> commitProofs() {
    return signed(commits()).list().ofMinSize(1).ofMaxSize(4).map(commits -> {
      Commit first = commits.get(0).as(Commit.class);
      return new CommitCertificate(first.height(), first.view(), first.blockHash(), commits);
    });
  }

  static Arbitrary<ViewChange> viewChanges() {
    return Combinators.combine(numbers(), numbers(), signed(checkpoints()).list().ofMaxSize(3),
        preparedCertificates().list().ofMaxSize(3), commitProofs().list().ofMaxSize(1))
        .as(ViewChange::new);
  }

  static Arbitrary<NewView> newViews() {
    return Combinators.combine(numbers(), signed(viewChanges()).list().ofMaxSize(3),
        signed(prePrepares()).list().ofMaxSize(3)).as(NewView::new);
  }

  static Arbitrary<ConsensusMessage> messages() {
    return Arbitraries.oneOf(List.of(prePrepares(), prepares(), commits(), checkpoints(),
        viewChanges(), newViews()));
  }
}
