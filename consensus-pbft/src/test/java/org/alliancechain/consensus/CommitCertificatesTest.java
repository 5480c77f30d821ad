package org.alliancechain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.CommittedBlock;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.SignedMessage;
import org.junit.jupiter.api.Test;

class CommitCertificatesTest {
  private final TestChain test = new TestChain(4);
  private final CommitCertificates certificates = new CommitCertificates(test.chain);
  private final ChainBlock block = test.block(1, test.chain.genesisHash(), 1);

  private List<SignedMessage> commits(int... signers) {
    List<SignedMessage> out = new ArrayList<>();
    for (int signer : signers) {
      out.add(test.sign(signer, new Commit(2, 1, block.hash())));
    }
    return out;
  }

  @Test
  void assemblesTheFirstQuorumBySignerAndVerifiesIt() throws Exception {
    CommitCertificate certificate = CommitCertificates.assemble(test.validators(), 1, 2,
        block.hash(), commits(3, 1, 0, 2));
    assertThat(certificate.commits()).extracting(SignedMessage::signer).containsExactly(0, 1, 2);
    certificates.verify(certificate);
    VerifiedCommittedBlock verified = certificates.verify(new CommittedBlock(block, certificate));
    assertThat(verified.height()).isEqualTo(1);
  }

  @Test
  void survivesItsProtobufBytes() throws Exception {
    CommitCertificate certificate = test.committed(2, block);
    byte[] bytes = CertificateCodec.encode(certificate);
    assertThat(certificates.decodeAndVerify(bytes, 1, block.hash())).isEqualTo(certificate);
    byte[] committedBlock = CertificateCodec.toProto(new CommittedBlock(block, certificate))
        .toByteArray();
    assertThat(certificates.decodeAndVerify(committedBlock).committed().block()).isEqualTo(block);
  }

  @Test
  void refusesTooFewOrRepeatedSigners() {
    assertThatThrownBy(() -> certificates.verify(
        new CommitCertificate(1, 2, block.hash(), commits(0, 1))))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("only 2");
    assertThatThrownBy(() -> certificates.verify(
        new CommitCertificate(1, 2, block.hash(), commits(0, 1, 1))))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> CommitCertificates.assemble(test.validators(), 1, 2, block.hash(),
        commits(0, 1, 1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesCommitsForAnotherBlockViewOrABadSignature() {
    List<SignedMessage> mixed = commits(0, 1);
    mixed.add(test.sign(2, new Commit(3, 1, block.hash())));
    assertThatThrownBy(() -> certificates.verify(new CommitCertificate(1, 2, block.hash(), mixed)))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("carries");
    List<SignedMessage> forged = commits(0, 1, 2);
    SignedMessage last = forged.get(2);
    byte[] signature = last.signature().clone();
    signature[0] ^= 1;
    forged.set(2, new SignedMessage(last.payload(), 2, signature, last.chainId(), last.message()));
    assertThatThrownBy(() -> certificates.verify(new CommitCertificate(1, 2, block.hash(), forged)))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("BAD_SIGNATURE");
  }

  @Test
  void refusesACertificateOfAnotherBlock() {
    ChainBlock other = test.block(1, test.chain.genesisHash(), 2);
    CommitCertificate certificate = test.committed(0, block);
    assertThatThrownBy(() -> certificates.verify(new CommittedBlock(other, certificate)))
        .isInstanceOf(InvalidCertificateException.class).hasMessageContaining("certificate is for");
  }
}
