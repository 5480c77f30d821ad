package org.alliancechain.consensus;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.consensus.internal.NewViewSelection;
import org.alliancechain.consensus.internal.NewViewSelection.Selection;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/** Stateless checks of VIEW-CHANGE and NEW-VIEW contents and of the blocks beside a message. */
final class MessageChecks {
  private final CertificateChecks certificates;
  private final ConsensusParameters parameters;
  private final Hash genesisHash;

  MessageChecks(CertificateChecks certificates, ConsensusParameters parameters, Hash genesisHash) {
    this.certificates = certificates;
    this.parameters = parameters;
    this.genesisHash = genesisHash;
  }

  /** A VIEW-CHANGE's signature, checkpoint proof, commit proof and prepared certificates. */
  void checkViewChange(SignedMessage signed) throws Refusal {
    certificates.checkSigned(signed);
    ViewChange viewChange = signed.as(ViewChange.class);
    long stable = viewChange.stableHeight();
    if (viewChange.newView() == 0) {
      throw refuse("VIEW-CHANGE to view 0, which every replica starts in");
    }
    if (stable == 0 && !viewChange.checkpointProof().isEmpty()) {
      throw refuse("VIEW-CHANGE with stable height 0 carries a checkpoint proof");
    }
    if (stable > 0) {
      if (stable % parameters.checkpointInterval() != 0) {
        throw refuse("stable height " + stable + " is not a multiple of the checkpoint interval "
            + parameters.checkpointInterval());
      }
      certificates.checkCheckpointProof(stable, viewChange.checkpointProof());
    }
    if (viewChange.committed().size() > 1) {
      throw refuse("VIEW-CHANGE carries " + viewChange.committed().size()
          + " commit proofs, at most 1 (the highest committed height)");
    }
    long base = stable;
    for (CommitCertificate committed : viewChange.committed()) {
      // Any view: a commit proof proves finality whatever view the sender was in.
      if (committed.height() <= stable) {
        throw refuse("commit proof at height " + committed.height()
            + " is not above stable height " + stable);
      }
      certificates.checkCommitted(committed);
      base = committed.height();
    }
    checkPreparedList(viewChange, base);
  }

  private void checkPreparedList(ViewChange viewChange, long base) throws Refusal {
    if (viewChange.prepared().size() > parameters.logHeightsMax()) {
      throw refuse("VIEW-CHANGE carries " + viewChange.prepared().size()
          + " prepared certificates, at most " + parameters.logHeightsMax());
    }
    long previous = base;
    for (PreparedCertificate certificate : viewChange.prepared()) {
      if (certificate.height() <= previous || certificate.view() >= viewChange.newView()) {
        throw refuse("prepared certificate at height " + certificate.height() + " view "
            + certificate.view() + " is out of order, at or below the committed height " + base
            + ", or not below view " + viewChange.newView());
      }
      certificates.checkPrepared(certificate);
      previous = certificate.height();
    }
  }

  /** A NEW-VIEW from the right primary whose re-proposals are exactly its VIEW-CHANGEs' selection. */
  Selection checkNewView(SignedMessage signed) throws Refusal {
    certificates.checkSigned(signed);
    NewView newView = signed.as(NewView.class);
    ValidatorSet validators = certificates.validators();
    if (newView.view() == 0) {
      throw new Refusal(RejectReason.BAD_NEW_VIEW, "NEW-VIEW for view 0");
    }
    if (signed.signer() != validators.primary(newView.view())) {
      throw new Refusal(RejectReason.NOT_PRIMARY, "NEW-VIEW for view " + newView.view()
          + " signed by " + signed.signer() + ", not its primary "
          + validators.primary(newView.view()));
    }
    BitSet senders = new BitSet();
    List<ViewChange> viewChanges = new java.util.ArrayList<>();
    for (SignedMessage embedded : newView.viewChanges()) {
      ViewChange viewChange = embedded.as(ViewChange.class);
      if (viewChange.newView() != newView.view() || senders.get(embedded.signer())) {
        throw new Refusal(RejectReason.BAD_NEW_VIEW, "NEW-VIEW for view " + newView.view()
            + " embeds a VIEW-CHANGE for view " + viewChange.newView() + " from "
            + embedded.signer() + " (duplicate or wrong view)");
      }
      checkViewChange(embedded);
      senders.set(embedded.signer());
      viewChanges.add(viewChange);
    }
    if (senders.cardinality() < validators.quorum()) {
      throw new Refusal(RejectReason.BAD_NEW_VIEW, "NEW-VIEW embeds " + senders.cardinality()
          + " VIEW-CHANGEs, a quorum is " + validators.quorum());
    }
    Selection selection = NewViewSelection.select(viewChanges, genesisHash);
    checkReproposals(signed, newView, selection);
    return selection;
  }

  private void checkReproposals(SignedMessage signed, NewView newView, Selection selection)
      throws Refusal {
    List<SignedMessage> prePrepares = newView.prePrepares();
    if (prePrepares.size() != selection.picks().size()) {
      throw new Refusal(RejectReason.BAD_NEW_VIEW, "NEW-VIEW re-proposes " + prePrepares.size()
          + " blocks, its VIEW-CHANGEs select " + selection.picks().size());
    }
    Hash parent = selection.baseHash();
    for (int i = 0; i < prePrepares.size(); i++) {
      SignedMessage prePrepare = prePrepares.get(i);
      PreparedCertificate pick = selection.picks().get(i);
      PrePrepare expected = new PrePrepare(newView.view(), pick.height(), pick.blockHash(), parent);
      if (prePrepare.signer() != signed.signer() || !prePrepare.message().equals(expected)) {
        throw new Refusal(RejectReason.BAD_NEW_VIEW, "NEW-VIEW re-proposal " + i + " is "
            + prePrepare + ", the selection requires " + expected);
      }
      certificates.checkSigned(prePrepare);
      parent = pick.blockHash();
    }
  }

  /** The blocks are exactly the referenced ones, each at the referenced height and parent. */
  static void checkBlocks(Map<Hash, ChainBlock> blocks, List<PrePrepare> references)
      throws Refusal {
    Set<Hash> referenced = new HashSet<>();
    for (PrePrepare reference : references) {
      ChainBlock block = blocks.get(reference.blockHash());
      if (block == null) {
        throw new Refusal(RejectReason.BLOCK_MISMATCH, "block " + reference.blockHash()
            + " of height " + reference.height() + " is missing from the envelope");
      }
      if (block.height() != reference.height() || !block.parentHash().equals(reference.parentHash())) {
        throw new Refusal(RejectReason.BLOCK_MISMATCH, "block " + block + " is not at height "
            + reference.height() + " on parent " + reference.parentHash());
      }
      referenced.add(reference.blockHash());
    }
    if (referenced.size() != blocks.size()) {
      throw new Refusal(RejectReason.BLOCK_MISMATCH, "envelope carries "
          + (blocks.size() - referenced.size()) + " blocks no message refers to");
    }
  }

  private static Refusal refuse(String detail) {
    return new Refusal(RejectReason.BAD_VIEW_CHANGE, detail);
  }
}
