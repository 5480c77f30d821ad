package org.alliancechain.consensus.internal;

import java.util.List;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.codec.BlockCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * The primary's side: asks the host for a block whenever a height within the window (committed
 * tip + W) and the high watermark is free, and turns the host's block into a PRE-PREPARE.
 */
final class Proposer {
  private final Core core;

  Proposer(Core core) {
    this.core = core;
  }

  void maybePropose() {
    ViewState view = core.view;
    if (!core.isPrimary() || view.changing() || view.newViewPending || core.out.halted()) {
      return;
    }
    long next = Math.max(Math.max(core.committed.height(), core.committed.stableHeight()),
        Math.max(view.highestProposal(), view.anchorHeight())) + 1;
    if (next > core.committed.height() + core.parameters.window()
        || next > core.highWatermark() || view.requestedHeight == next) {
      return;
    }
    Hash parent = core.acceptedHashAt(next - 1);
    if (parent == null) {
      return;
    }
    view.requestedHeight = next;
    core.out.add(new Action.RequestProposal(view.view(), next, parent));
  }

  void onProposalReady(Event.ProposalReady ready) {
    ViewState view = core.view;
    if (!core.isPrimary() || !view.active(ready.view()) || ready.height() != view.requestedHeight) {
      // An answer to a request that a view change or a newer request replaced: normal, dropped.
      return;
    }
    ChainBlock block;
    try {
      block = BlockCodec.decode(ready.block(), core.chain.hashAlgorithm(), core.chain.chainId());
    } catch (DecodeException e) {
      core.out.reject(-1, RejectReason.UNEXPECTED_INPUT, "host proposal: " + e.getMessage());
      return;
    }
    Hash parent = core.acceptedHashAt(ready.height() - 1);
    if (block.height() != ready.height() || !block.parentHash().equals(parent)) {
      core.out.reject(-1, RejectReason.UNEXPECTED_INPUT, "host proposal " + block
          + " is not at height " + ready.height() + " on parent " + parent);
      return;
    }
    view.requestedHeight = 0;
    SignedMessage prePrepare = core.sign(
        new PrePrepare(view.view(), block.height(), block.hash(), parent), List.of(block));
    if (prePrepare == null) {
      return;
    }
    Instance instance = view.instanceOrCreate(block.height());
    instance.propose(prePrepare, block);
    instance.acceptedHash = block.hash();
    instance.validation = Instance.Validation.VALID;
    instance.prepare = Instance.Vote.PENDING;
    core.persistThenBroadcast(List.of(DurableLog.ownMessage(prePrepare, List.of(block), null)),
        prePrepare, List.of(block), () -> {
          instance.prepare = Instance.Vote.DONE;
          core.normal.advance();
        });
    core.normal.advance();
  }
}
