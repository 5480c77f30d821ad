package org.alliancechain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageVerifierTest {
  private final TestChain test = new TestChain(4);
  private final MessageVerifier verifier = new MessageVerifier(test.chain, test.parameters);
  private final ChainBlock block1 = test.block(1, test.chain.genesisHash(), 1);

  private RejectReason refusal(byte[] envelope) {
    VerificationResult result = verifier.verify(envelope);
    assertThat(result).isInstanceOf(VerificationResult.Refused.class);
    return ((VerificationResult.Refused) result).reason();
  }

  private SignedMessage proposal(int signer, long view, ChainBlock block) {
    return test.sign(signer, new PrePrepare(view, block.height(), block.hash(), block.parentHash()));
  }

  @Test
  void acceptsAPrePrepareWithItsBlock() {
    VerificationResult result = verifier.verify(test.envelope(proposal(0, 0, block1), block1));
    assertThat(result).isInstanceOf(VerificationResult.Accepted.class);
    VerifiedMessage message = ((VerificationResult.Accepted) result).message();
    assertThat(message.sender()).isZero();
    assertThat(message.blocks()).containsKey(block1.hash());
  }

  @Test
  void refusesWhatDoesNotComeFromAValidatorOfThisChain() {
    SignedMessage good = proposal(0, 0, block1);
    byte[] otherChain = ConsensusCodec.encodePayload("other-chain", good.message());
    SignedMessage wrongChain = new SignedMessage(otherChain, 0,
        org.alliancechain.consensus.sim.Keys.signingKey(0).sign(
            org.alliancechain.crypto.SigningDomain.CONSENSUS, otherChain), "other-chain",
        good.message());
    assertThat(refusal(test.envelope(wrongChain, block1))).isEqualTo(RejectReason.WRONG_CHAIN);
    SignedMessage stranger = new SignedMessage(good.payload(), 9, good.signature(),
        good.chainId(), good.message());
    assertThat(refusal(test.envelope(stranger, block1))).isEqualTo(RejectReason.UNKNOWN_SIGNER);
    byte[] signature = good.signature().clone();
    signature[3] ^= 1;
    SignedMessage forged = new SignedMessage(good.payload(), 0, signature, good.chainId(),
        good.message());
    assertThat(refusal(test.envelope(forged, block1))).isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  @Test
  void refusesAPrePrepareFromABackupOrWithTheWrongBlock() {
    assertThat(refusal(test.envelope(proposal(1, 0, block1), block1)))
        .isEqualTo(RejectReason.NOT_PRIMARY);
    ChainBlock other = test.block(1, test.chain.genesisHash(), 2);
    assertThat(refusal(test.envelope(proposal(0, 0, block1), other)))
        .isEqualTo(RejectReason.BLOCK_MISMATCH);
    assertThat(refusal(test.envelope(proposal(0, 0, block1))))
        .isEqualTo(RejectReason.BLOCK_MISMATCH);
    assertThat(refusal(test.envelope(proposal(0, 0, block1), block1, other)))
        .isEqualTo(RejectReason.BLOCK_MISMATCH);
  }

  @Test
  void refusesACheckpointOffTheInterval() {
    SignedMessage checkpoint = test.sign(2, new Checkpoint(3, block1.hash(), block1.hash()));
    assertThat(refusal(test.envelope(checkpoint))).isEqualTo(RejectReason.BAD_CHECKPOINT);
  }

  @Test
  void checksEveryCertificateInAViewChange() {
    PreparedCertificate prepared = test.prepared(0, block1);
    SignedMessage good = test.sign(1, new ViewChange(1, 0, List.of(), List.of(prepared), List.of()));
    assertThat(verifier.verify(test.envelope(good, block1)))
        .isInstanceOf(VerificationResult.Accepted.class);
    assertThat(refusal(test.envelope(good))).isEqualTo(RejectReason.BLOCK_MISMATCH);

    PreparedCertificate short1 = new PreparedCertificate(prepared.prePrepare(),
        prepared.prepares().subList(0, 1));
    SignedMessage tooFew = test.sign(1, new ViewChange(1, 0, List.of(), List.of(short1), List.of()));
    assertThat(refusal(test.envelope(tooFew, block1))).isEqualTo(RejectReason.BAD_CERTIFICATE);

    SignedMessage prepare = prepared.prepares().get(0);
    PreparedCertificate twice = new PreparedCertificate(prepared.prePrepare(),
        List.of(prepare, prepare));
    SignedMessage doubled = test.sign(1, new ViewChange(1, 0, List.of(), List.of(twice), List.of()));
    assertThat(refusal(test.envelope(doubled, block1))).isEqualTo(RejectReason.BAD_CERTIFICATE);

    CommitCertificate committed = test.committed(0, block1);
    SignedMessage both = test.sign(1, new ViewChange(1, 0, List.of(), List.of(prepared),
        List.of(committed)));
    assertThat(refusal(test.envelope(both, block1))).isEqualTo(RejectReason.BAD_VIEW_CHANGE);
  }

  @Test
  void acceptsOnlyTheNewViewItsViewChangesDetermine() {
    PreparedCertificate prepared = test.prepared(0, block1);
    List<SignedMessage> viewChanges = List.of(
        test.sign(0, new ViewChange(1, 0, List.of(), List.of(), List.of())),
        test.sign(2, new ViewChange(1, 0, List.of(), List.of(prepared), List.of())),
        test.sign(3, new ViewChange(1, 0, List.of(), List.of(), List.of())));
    SignedMessage reproposal = proposal(1, 1, block1);
    SignedMessage good = test.sign(1, new NewView(1, viewChanges, List.of(reproposal)));
    assertThat(verifier.verify(test.envelope(good, block1)))
        .isInstanceOf(VerificationResult.Accepted.class);

    SignedMessage dropsIt = test.sign(1, new NewView(1, viewChanges, List.of()));
    assertThat(refusal(test.envelope(dropsIt))).isEqualTo(RejectReason.BAD_NEW_VIEW);

    ChainBlock other = test.block(1, test.chain.genesisHash(), 9);
    SignedMessage replaces = test.sign(1, new NewView(1, viewChanges, List.of(proposal(1, 1, other))));
    assertThat(refusal(test.envelope(replaces, other))).isEqualTo(RejectReason.BAD_NEW_VIEW);

    SignedMessage tooFew = test.sign(1, new NewView(1, viewChanges.subList(0, 2), List.of()));
    assertThat(refusal(test.envelope(tooFew))).isEqualTo(RejectReason.BAD_NEW_VIEW);

    SignedMessage notPrimary = test.sign(2, new NewView(1, viewChanges, List.of(reproposal)));
    assertThat(refusal(test.envelope(notPrimary, block1))).isEqualTo(RejectReason.NOT_PRIMARY);
  }

  @Test
  void aPrepareWithABlockBesideItIsRefused() {
    SignedMessage prepare = test.sign(2, new Prepare(0, 1, block1.hash()));
    assertThat(refusal(test.envelope(prepare, block1))).isEqualTo(RejectReason.BLOCK_MISMATCH);
  }

  static LongStream garbageSeeds() {
    return Seeds.of(500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("garbageSeeds")
  void garbageIsRefusedNeverThrown(long seed) {
    Seeds.check(seed, random -> Seeds.bytes(random, 512), garbage ->
        assertThat(verifier.verify(garbage)).isInstanceOf(VerificationResult.Refused.class));
  }
}
