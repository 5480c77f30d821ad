package org.alliancechain.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.CommittedBlock;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Builds and verifies commit certificates against the genesis validators, standalone: the
 * node's receipt verifier and block sync use it without a replica. Thread-safe.
 *
 * <p>A certificate is valid when it carries, for its (height, view, block hash), COMMIT messages
 * of this chain from at least a quorum of distinct validators, each with a valid signature over
 * its exact payload bytes.
 */
public final class CommitCertificates {
  private final ChainContext chain;
  private final CertificateChecks checks;

  /** Verifies against the genesis keys of {@code chain}. */
  public CommitCertificates(ChainContext chain) {
    this(chain, SignatureCheck.of(chain.validators()));
  }

  /** Verifies with {@code signatures} (e.g. a cache). */
  public CommitCertificates(ChainContext chain, SignatureCheck signatures) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.checks = new CertificateChecks(chain.chainId(), chain.validators(), signatures);
  }

  /**
   * The certificate of the first quorum (by signer index) of {@code commits} for (height, view,
   * blockHash): the replica's way to build one from the COMMITs it collected.
   *
   * @throws IllegalArgumentException if fewer than a quorum of distinct signers match
   */
  public static CommitCertificate assemble(ValidatorSet validators, long height, long view,
      Hash blockHash, Collection<SignedMessage> commits) {
    Commit expected = new Commit(view, height, blockHash);
    List<SignedMessage> matching = new ArrayList<>();
    commits.stream()
        .filter(signed -> signed.message().equals(expected))
        .sorted(Comparator.comparingInt(SignedMessage::signer))
        .forEach(signed -> {
          boolean repeated = !matching.isEmpty()
              && matching.get(matching.size() - 1).signer() == signed.signer();
          if (!repeated && matching.size() < validators.quorum()) {
            matching.add(signed);
          }
        });
    if (matching.size() < validators.quorum()) {
      throw new IllegalArgumentException("only " + matching.size() + " COMMITs for " + expected
          + ", a certificate needs " + validators.quorum());
    }
    return new CommitCertificate(height, view, blockHash, matching);
  }

  /** Checks {@code certificate}; the exception says what is wrong. */
  public void verify(CommitCertificate certificate) throws InvalidCertificateException {
    try {
      checks.checkCommitted(certificate);
    } catch (Refusal e) {
      throw new InvalidCertificateException(e.reason() + ": " + e.getMessage());
    }
  }

  /** Checks that {@code committed}'s certificate is valid and certifies exactly its block. */
  public VerifiedCommittedBlock verify(CommittedBlock committed) throws InvalidCertificateException {
    CommitCertificate certificate = committed.certificate();
    if (certificate.height() != committed.block().height()
        || !certificate.blockHash().equals(committed.block().hash())) {
      throw new InvalidCertificateException("certificate is for height " + certificate.height()
          + " block " + certificate.blockHash() + ", the block is " + committed.block());
    }
    verify(certificate);
    return new VerifiedCommittedBlock(committed);
  }

  /** Decodes a serialized {@code alliance.v1.CommittedBlock} and checks it. */
  public VerifiedCommittedBlock decodeAndVerify(byte[] committedBlock)
      throws InvalidCertificateException {
    try {
      return verify(CertificateCodec.fromProto(
          org.alliancechain.proto.v1.CommittedBlock.parseFrom(committedBlock),
          chain.hashAlgorithm(), chain.chainId()));
    } catch (DecodeException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw new InvalidCertificateException("not a well-formed CommittedBlock: " + e.getMessage(), e);
    }
  }

  /** Decodes a serialized {@code alliance.v1.CommitCertificate} and checks it. */
  public CommitCertificate decodeAndVerify(byte[] certificate, long height, Hash blockHash)
      throws InvalidCertificateException {
    CommitCertificate decoded;
    try {
      decoded = CertificateCodec.decode(certificate);
    } catch (DecodeException e) {
      throw new InvalidCertificateException("not a well-formed CommitCertificate: " + e.getMessage(), e);
    }
    if (decoded.height() != height || !decoded.blockHash().equals(blockHash)) {
      throw new InvalidCertificateException("certificate is for height " + decoded.height()
          + " block " + decoded.blockHash() + ", expected height " + height + " block " + blockHash);
    }
    verify(decoded);
    return decoded;
  }
}
