package org.alliancechain.node.receipt;

import static org.alliancechain.node.receipt.ReceiptCheck.CERTIFICATE;

import java.util.BitSet;
import java.util.HexFormat;
import org.alliancechain.config.Genesis;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.InvalidCertificateException;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.node.runtime.ChainSetup;

/**
 * Checks that a header is certified: its commit certificate carries a quorum of valid COMMITs
 * of the genesis validators for exactly this header's height and hash. Thread-safe.
 */
final class HeaderCertification {
  private final String chainId;
  private final HashAlgorithm hash;
  private final ValidatorSet validators;
  private final CommitCertificates certificates;

  HeaderCertification(Genesis genesis) {
    ChainSetup chain = ChainSetup.of(genesis);
    this.chainId = genesis.chainId();
    this.hash = chain.rules().hash();
    this.validators = chain.validators();
    this.certificates = new CommitCertificates(chain.consensusChain());
  }

  HashAlgorithm hash() {
    return hash;
  }

  String chainId() {
    return chainId;
  }

  /** Returns the verified certificate of the header {@code headerBytes} at {@code height}. */
  CommitCertificate verify(byte[] headerBytes, long height,
      org.alliancechain.proto.v1.CommitCertificate proto) throws CheckFailed {
    CommitCertificate certificate;
    try {
      certificate = CertificateCodec.fromProto(proto);
    } catch (DecodeException | IllegalArgumentException e) {
      throw new CheckFailed(CERTIFICATE,
          "the commit certificate does not decode: " + e.getMessage());
    }
    byte[] headerHash = hash.digest(headerBytes);
    if (certificate.height() != height) {
      throw new CheckFailed(CERTIFICATE, "the commit certificate is for height "
          + certificate.height() + ", the header it should certify is height " + height);
    }
    if (!certificate.blockHash().matches(headerHash)) {
      throw new CheckFailed(CERTIFICATE, "the commit certificate of height " + height
          + " is for block " + certificate.blockHash().toHex() + ", the header hashes to "
          + HexFormat.of().formatHex(headerHash));
    }
    try {
      certificates.verify(certificate);
    } catch (InvalidCertificateException | RuntimeException e) {
      throw new CheckFailed(CERTIFICATE, describeInvalid(certificate, e.getMessage()));
    }
    return certificate;
  }

  private String describeInvalid(CommitCertificate certificate, String detail) {
    int valid = validSigners(certificate);
    String counts = "commit certificate of height " + certificate.height() + " has " + valid
        + " valid signature" + (valid == 1 ? "" : "s") + " from distinct validators, the quorum of "
        + validators.size() + " validators is " + validators.quorum();
    return valid < validators.quorum() ? counts + " (" + detail + ")"
        : "commit certificate of height " + certificate.height() + " is invalid: " + detail;
  }

  /** How many distinct validators validly signed a COMMIT matching the certificate. */
  private int validSigners(CommitCertificate certificate) {
    ConsensusMessage expected = new ConsensusMessage.Commit(certificate.view(),
        certificate.height(), certificate.blockHash());
    BitSet signers = new BitSet();
    for (SignedMessage commit : certificate.commits()) {
      if (chainId.equals(commit.chainId()) && validators.contains(commit.signer())
          && expected.equals(commit.message())
          && validators.key(commit.signer()).verify(SigningDomain.CONSENSUS, commit.payload(),
              commit.signature())) {
        signers.set(commit.signer());
      }
    }
    return signers.cardinality();
  }
}
