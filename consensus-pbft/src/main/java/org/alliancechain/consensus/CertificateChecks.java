package org.alliancechain.consensus;

import java.util.BitSet;
import java.util.List;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/** Stateless checks of signed messages and the quorum proofs built from them. Thread-safe. */
final class CertificateChecks {
  private final String chainId;
  private final ValidatorSet validators;
  private final SignatureCheck signatures;

  CertificateChecks(String chainId, ValidatorSet validators, SignatureCheck signatures) {
    this.chainId = chainId;
    this.validators = validators;
    this.signatures = signatures;
  }

  ValidatorSet validators() {
    return validators;
  }

  /** Same chain, a validator's index, a valid signature. */
  void checkSigned(SignedMessage message) throws Refusal {
    if (!chainId.equals(message.chainId())) {
      throw new Refusal(RejectReason.WRONG_CHAIN, "message for chain '" + message.chainId()
          + "', expected '" + chainId + "'");
    }
    if (!validators.contains(message.signer())) {
      throw new Refusal(RejectReason.UNKNOWN_SIGNER, "signer " + message.signer()
          + " is not one of the " + validators.size() + " validators");
    }
    if (!signatures.verify(message.signer(), message.payload(), message.signature())) {
      throw new Refusal(RejectReason.BAD_SIGNATURE, message.phase() + " signature of validator "
          + message.signer() + " does not verify");
    }
  }

  /** The primary's PRE-PREPARE and quorum − 1 matching PREPAREs from distinct other validators. */
  void checkPrepared(PreparedCertificate certificate) throws Refusal {
    PrePrepare proposal = certificate.proposal();
    checkSigned(certificate.prePrepare());
    int primary = validators.primary(proposal.view());
    if (certificate.prePrepare().signer() != primary) {
      throw new Refusal(RejectReason.BAD_CERTIFICATE, "prepared certificate's PRE-PREPARE for view "
          + proposal.view() + " is signed by " + certificate.prePrepare().signer()
          + ", not the primary " + primary);
    }
    BitSet seen = new BitSet();
    for (SignedMessage signed : certificate.prepares()) {
      Prepare prepare = signed.as(Prepare.class);
      if (prepare.view() != proposal.view() || prepare.height() != proposal.height()
          || !prepare.blockHash().equals(proposal.blockHash())) {
        throw new Refusal(RejectReason.BAD_CERTIFICATE, "prepared certificate mixes " + prepare
            + " with " + proposal);
      }
      countSigner(seen, signed, primary, "prepared certificate");
    }
    requireCount(seen, validators.quorum() - 1, "PREPAREs in a prepared certificate");
  }

  /** A quorum of COMMITs from distinct validators, all for the certificate's height, view and hash. */
  void checkCommitted(CommitCertificate certificate) throws Refusal {
    BitSet seen = new BitSet();
    for (SignedMessage signed : certificate.commits()) {
      Commit commit = signed.as(Commit.class);
      if (commit.view() != certificate.view() || commit.height() != certificate.height()
          || !commit.blockHash().equals(certificate.blockHash())) {
        throw new Refusal(RejectReason.BAD_CERTIFICATE, "commit certificate for height "
            + certificate.height() + " view " + certificate.view() + " block "
            + certificate.blockHash() + " carries " + commit);
      }
      countSigner(seen, signed, -1, "commit certificate");
    }
    requireCount(seen, validators.quorum(), "COMMITs in a commit certificate");
  }

  /** A quorum of matching CHECKPOINTs for {@code height}; returns one of them. */
  Checkpoint checkCheckpointProof(long height, List<SignedMessage> proof) throws Refusal {
    if (proof.isEmpty()) {
      throw new Refusal(RejectReason.BAD_CERTIFICATE, "no checkpoint proof for height " + height);
    }
    Checkpoint first = proof.get(0).as(Checkpoint.class);
    BitSet seen = new BitSet();
    for (SignedMessage signed : proof) {
      Checkpoint checkpoint = signed.as(Checkpoint.class);
      if (checkpoint.height() != height || !checkpoint.equals(first)) {
        throw new Refusal(RejectReason.BAD_CERTIFICATE, "checkpoint proof for height " + height
            + " mixes " + first + " and " + checkpoint);
      }
      countSigner(seen, signed, -1, "checkpoint proof");
    }
    requireCount(seen, validators.quorum(), "CHECKPOINTs in a checkpoint proof");
    return first;
  }

  private void countSigner(BitSet seen, SignedMessage signed, int excluded, String what)
      throws Refusal {
    checkSigned(signed);
    if (signed.signer() == excluded || seen.get(signed.signer())) {
      throw new Refusal(RejectReason.BAD_CERTIFICATE, what + " counts validator "
          + signed.signer() + " twice");
    }
    seen.set(signed.signer());
  }

  private static void requireCount(BitSet seen, int needed, String what) throws Refusal {
    if (seen.cardinality() < needed) {
      throw new Refusal(RejectReason.BAD_CERTIFICATE, "only " + seen.cardinality() + " " + what
          + ", at least " + needed + " needed");
    }
  }
}
