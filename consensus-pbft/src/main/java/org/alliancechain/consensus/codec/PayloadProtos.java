package org.alliancechain.consensus.codec;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.proto.v1.CommitProof;
import org.alliancechain.proto.v1.ConsensusPayload;

/** Domain messages to and from {@code ConsensusPayload}; used only by {@link ConsensusCodec}. */
final class PayloadProtos {
  private PayloadProtos() {
  }

  static ConsensusPayload toProto(String chainId, ConsensusMessage message) {
    ConsensusPayload.Builder builder = ConsensusPayload.newBuilder().setChainId(chainId);
    if (message instanceof PrePrepare m) {
      builder.setPrePrepare(org.alliancechain.proto.v1.PrePrepare.newBuilder().setView(m.view())
          .setHeight(m.height()).setBlockHash(Fields.bytes(m.blockHash()))
          .setPreviousHash(Fields.bytes(m.parentHash())));
    } else if (message instanceof Prepare m) {
      builder.setPrepare(org.alliancechain.proto.v1.Prepare.newBuilder().setView(m.view())
          .setHeight(m.height()).setBlockHash(Fields.bytes(m.blockHash())));
    } else if (message instanceof Commit m) {
      builder.setCommit(org.alliancechain.proto.v1.Commit.newBuilder().setView(m.view())
          .setHeight(m.height()).setBlockHash(Fields.bytes(m.blockHash())));
    } else if (message instanceof Checkpoint m) {
      builder.setCheckpoint(org.alliancechain.proto.v1.Checkpoint.newBuilder()
          .setHeight(m.height()).setBlockHash(Fields.bytes(m.blockHash()))
          .setStateRoot(Fields.bytes(m.stateRoot())));
    } else if (message instanceof ViewChange m) {
      builder.setViewChange(toProto(m));
    } else if (message instanceof NewView m) {
      builder.setNewView(org.alliancechain.proto.v1.NewView.newBuilder().setView(m.view())
          .addAllViewChanges(ConsensusCodec.toProtos(m.viewChanges()))
          .addAllPrePrepares(ConsensusCodec.toProtos(m.prePrepares())));
    }
    return builder.build();
  }

  private static org.alliancechain.proto.v1.ViewChange toProto(ViewChange m) {
    org.alliancechain.proto.v1.ViewChange.Builder builder = org.alliancechain.proto.v1.ViewChange
        .newBuilder().setNewView(m.newView()).setStableHeight(m.stableHeight())
        .addAllCheckpointProof(ConsensusCodec.toProtos(m.checkpointProof()));
    for (PreparedCertificate certificate : m.prepared()) {
      builder.addPrepared(ConsensusCodec.toProto(certificate));
    }
    for (CommitCertificate certificate : m.committed()) {
      builder.addCommitted(ConsensusCodec.toProof(certificate));
    }
    return builder.build();
  }

  /** The kind of message in {@code payload}, or null if it carries none this version knows. */
  static Phase phaseOf(ConsensusPayload payload) {
    return switch (payload.getMessageCase()) {
      case PRE_PREPARE -> Phase.PRE_PREPARE;
      case PREPARE -> Phase.PREPARE;
      case COMMIT -> Phase.COMMIT;
      case CHECKPOINT -> Phase.CHECKPOINT;
      case VIEW_CHANGE -> Phase.VIEW_CHANGE;
      case NEW_VIEW -> Phase.NEW_VIEW;
      default -> null;
    };
  }

  static ConsensusMessage fromProto(ConsensusPayload payload) throws DecodeException {
    switch (payload.getMessageCase()) {
      case PRE_PREPARE -> {
        var m = payload.getPrePrepare();
        return new PrePrepare(Fields.number(m.getView(), "view"),
            Fields.number(m.getHeight(), "height"), Fields.hash(m.getBlockHash(), "block_hash"),
            Fields.hash(m.getPreviousHash(), "previous_hash"));
      }
      case PREPARE -> {
        var m = payload.getPrepare();
        return new Prepare(Fields.number(m.getView(), "view"),
            Fields.number(m.getHeight(), "height"), Fields.hash(m.getBlockHash(), "block_hash"));
      }
      case COMMIT -> {
        var m = payload.getCommit();
        return new Commit(Fields.number(m.getView(), "view"),
            Fields.number(m.getHeight(), "height"), Fields.hash(m.getBlockHash(), "block_hash"));
      }
      case CHECKPOINT -> {
        var m = payload.getCheckpoint();
        return new Checkpoint(Fields.number(m.getHeight(), "height"),
            Fields.hash(m.getBlockHash(), "block_hash"), Fields.hash(m.getStateRoot(), "state_root"));
      }
      case VIEW_CHANGE -> {
        return fromProto(payload.getViewChange());
      }
      case NEW_VIEW -> {
        var m = payload.getNewView();
        return new NewView(Fields.number(m.getView(), "view"),
            ConsensusCodec.decodeAll(m.getViewChangesList(), Phase.VIEW_CHANGE),
            ConsensusCodec.decodeAll(m.getPrePreparesList(), Phase.PRE_PREPARE));
      }
      default -> throw new DecodeException("consensus payload carries no known message");
    }
  }

  private static ViewChange fromProto(org.alliancechain.proto.v1.ViewChange m)
      throws DecodeException {
    List<PreparedCertificate> prepared = new ArrayList<>(m.getPreparedCount());
    for (org.alliancechain.proto.v1.PreparedCertificate certificate : m.getPreparedList()) {
      prepared.add(ConsensusCodec.fromProto(certificate));
    }
    List<CommitCertificate> committed = new ArrayList<>(m.getCommittedCount());
    for (CommitProof proof : m.getCommittedList()) {
      committed.add(ConsensusCodec.fromProof(proof));
    }
    return new ViewChange(Fields.number(m.getNewView(), "new_view"),
        Fields.number(m.getStableHeight(), "stable_height"),
        ConsensusCodec.decodeAll(m.getCheckpointProofList(), Phase.CHECKPOINT), prepared, committed);
  }
}
