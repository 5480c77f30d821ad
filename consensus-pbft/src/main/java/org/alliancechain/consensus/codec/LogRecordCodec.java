package org.alliancechain.consensus.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.proto.v1.ConsensusLogRecord;
import org.alliancechain.proto.v1.OwnMessageRecord;
import org.alliancechain.proto.v1.StableCheckpointRecord;
import org.alliancechain.proto.v1.ViewRecord;

/** The codec of the durable consensus log's values ({@code ConsensusLogRecord}). */
public final class LogRecordCodec {
  private LogRecordCodec() {
  }

  /** A decoded log value. */
  public sealed interface LogRecord {
  }

  /** The view entered, or being changed to when {@code changing}. */
  public record ViewEntry(long view, boolean changing) implements LogRecord {
  }

  /**
   * An own signed message with the serialized blocks it refers to and, for a COMMIT, the
   * prepared certificate that justified it (null otherwise).
   */
  public record OwnMessage(SignedMessage message, List<byte[]> blocks, PreparedCertificate prepared)
      implements LogRecord {
    public OwnMessage {
      blocks = List.copyOf(blocks);
    }
  }

  /** The proof of the last stable checkpoint. */
  public record StableCheckpoint(List<SignedMessage> proof) implements LogRecord {
    public StableCheckpoint {
      proof = List.copyOf(proof);
    }
  }

  public static byte[] encode(LogRecord record) {
    ConsensusLogRecord.Builder builder = ConsensusLogRecord.newBuilder();
    if (record instanceof ViewEntry view) {
      builder.setView(ViewRecord.newBuilder().setView(view.view()).setViewChanging(view.changing()));
    } else if (record instanceof OwnMessage own) {
      OwnMessageRecord.Builder ownBuilder = OwnMessageRecord.newBuilder()
          .setMessage(ConsensusCodec.toProto(own.message()));
      for (byte[] block : own.blocks()) {
        ownBuilder.addBlocks(ByteString.copyFrom(block));
      }
      if (own.prepared() != null) {
        ownBuilder.setPrepared(ConsensusCodec.toProto(own.prepared()));
      }
      builder.setOwnMessage(ownBuilder);
    } else if (record instanceof StableCheckpoint stable) {
      builder.setStableCheckpoint(StableCheckpointRecord.newBuilder()
          .addAllProof(ConsensusCodec.toProtos(stable.proof())));
    }
    return builder.build().toByteArray();
  }

  public static LogRecord decode(byte[] bytes) throws DecodeException {
    ConsensusLogRecord record;
    try {
      record = ConsensusLogRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("not a serialized ConsensusLogRecord: " + e.getMessage(), e);
    }
    switch (record.getRecordCase()) {
      case VIEW -> {
        return new ViewEntry(Fields.number(record.getView().getView(), "view"),
            record.getView().getViewChanging());
      }
      case OWN_MESSAGE -> {
        OwnMessageRecord own = record.getOwnMessage();
        if (!own.hasMessage()) {
          throw new DecodeException("own-message record without a message");
        }
        List<byte[]> blocks = new ArrayList<>(own.getBlocksCount());
        for (ByteString block : own.getBlocksList()) {
          blocks.add(block.toByteArray());
        }
        PreparedCertificate prepared = own.hasPrepared()
            ? ConsensusCodec.fromProto(own.getPrepared()) : null;
        return new OwnMessage(ConsensusCodec.decodeSigned(own.getMessage(), null), blocks, prepared);
      }
      case STABLE_CHECKPOINT -> {
        return new StableCheckpoint(ConsensusCodec.decodeAll(
            record.getStableCheckpoint().getProofList(),
            org.alliancechain.consensus.message.Phase.CHECKPOINT));
      }
      default -> throw new DecodeException("consensus log record of no known kind");
    }
  }
}
