package org.alliancechain.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.alliancechain.consensus.codec.BlockCodec;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Checks a received {@code ConsensusEnvelope} without any replica state, so the host can run it
 * on all cores before the consensus thread sees the message: it decodes the envelope, checks
 * the chain id, that the signer is a validator, every signature (embedded ones too), that the
 * blocks parse and are exactly the ones the message refers to, and the contents of VIEW-CHANGEs
 * (quorum proofs) and NEW-VIEWs (its re-proposals are the selection its VIEW-CHANGEs determine).
 * Stateless and thread-safe; never throws on any input.
 */
public final class MessageVerifier {
  private final ChainContext chain;
  private final ConsensusParameters parameters;
  private final CertificateChecks certificates;
  private final MessageChecks messages;

  /** A verifier checking signatures against the genesis keys. */
  public MessageVerifier(ChainContext chain, ConsensusParameters parameters) {
    this(chain, parameters, SignatureCheck.of(chain.validators()));
  }

  /** A verifier with its own signature check (e.g. a cache; see {@link SignatureCheck}). */
  public MessageVerifier(ChainContext chain, ConsensusParameters parameters,
      SignatureCheck signatures) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.parameters = parameters.validate();
    this.certificates = new CertificateChecks(chain.chainId(), chain.validators(),
        Objects.requireNonNull(signatures, "signatures"));
    this.messages = new MessageChecks(certificates, parameters, chain.genesisHash());
  }

  /** Checks {@code envelope}; a refusal names the reason and what was wrong. */
  public VerificationResult verify(byte[] envelope) {
    int claimedSigner = -1;
    try {
      ConsensusCodec.Envelope decoded = ConsensusCodec.decodeEnvelope(envelope);
      SignedMessage message = decoded.message();
      claimedSigner = message.signer();
      Map<Hash, ChainBlock> blocks = decodeBlocks(decoded.blocks());
      checkMessage(message, blocks);
      return new VerificationResult.Accepted(new VerifiedMessage(message, blocks, envelope));
    } catch (DecodeException e) {
      return new VerificationResult.Refused(RejectReason.MALFORMED, claimedSigner, e.getMessage());
    } catch (Refusal e) {
      return new VerificationResult.Refused(e.reason(), claimedSigner, e.getMessage());
    } catch (RuntimeException e) {
      // Defensive: whatever slipped past the checks above is still garbage from a peer.
      return new VerificationResult.Refused(RejectReason.MALFORMED, claimedSigner,
          "unreadable message: " + e);
    }
  }

  private Map<Hash, ChainBlock> decodeBlocks(List<byte[]> encoded) throws DecodeException, Refusal {
    Map<Hash, ChainBlock> blocks = new LinkedHashMap<>();
    for (byte[] bytes : encoded) {
      ChainBlock block = BlockCodec.decode(bytes, chain.hashAlgorithm(), chain.chainId());
      if (blocks.put(block.hash(), block) != null) {
        throw new Refusal(RejectReason.BLOCK_MISMATCH, "envelope carries block " + block.hash()
            + " twice");
      }
    }
    return blocks;
  }

  private void checkMessage(SignedMessage signed, Map<Hash, ChainBlock> blocks) throws Refusal {
    ConsensusMessage message = signed.message();
    if (message instanceof ViewChange viewChange) {
      messages.checkViewChange(signed);
      List<PrePrepare> references = new ArrayList<>();
      for (PreparedCertificate certificate : viewChange.prepared()) {
        references.add(certificate.proposal());
      }
      MessageChecks.checkBlocks(blocks, references);
      return;
    }
    if (message instanceof NewView newView) {
      messages.checkNewView(signed);
      List<PrePrepare> references = new ArrayList<>();
      for (SignedMessage prePrepare : newView.prePrepares()) {
        references.add(prePrepare.as(PrePrepare.class));
      }
      MessageChecks.checkBlocks(blocks, references);
      return;
    }
    certificates.checkSigned(signed);
    if (message instanceof PrePrepare prePrepare) {
      int primary = chain.validators().primary(prePrepare.view());
      if (signed.signer() != primary) {
        throw new Refusal(RejectReason.NOT_PRIMARY, "PRE-PREPARE for view " + prePrepare.view()
            + " signed by " + signed.signer() + ", not its primary " + primary);
      }
      MessageChecks.checkBlocks(blocks, List.of(prePrepare));
      return;
    }
    MessageChecks.checkBlocks(blocks, List.of());
    if (message instanceof Checkpoint checkpoint && (checkpoint.height() == 0
        || checkpoint.height() % parameters.checkpointInterval() != 0)) {
      throw new Refusal(RejectReason.BAD_CHECKPOINT, "checkpoint height " + checkpoint.height()
          + " is not a positive multiple of " + parameters.checkpointInterval());
    }
  }
}
