package org.alliancechain.consensus.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.proto.v1.CommitProof;
import org.alliancechain.proto.v1.ConsensusEnvelope;
import org.alliancechain.proto.v1.ConsensusPayload;
import org.alliancechain.proto.v1.SignedConsensusMessage;

/**
 * The one codec of the consensus message family: payloads, signed messages and envelopes.
 * Decoding never throws anything but {@link DecodeException}; nested signed messages are
 * decoded only as the kinds their place allows, which also bounds nesting to three levels.
 */
public final class ConsensusCodec {
  private ConsensusCodec() {
  }

  /** An envelope as decoded: the signed message and the raw blocks beside it. */
  public record Envelope(SignedMessage message, List<byte[]> blocks) {
    public Envelope {
      blocks = List.copyOf(blocks);
    }
  }

  /** The bytes a validator signs for {@code message} on chain {@code chainId}. */
  public static byte[] encodePayload(String chainId, ConsensusMessage message) {
    return PayloadProtos.toProto(chainId, message).toByteArray();
  }

  /** The envelope carrying {@code message} and {@code blocks} (serialized Block messages). */
  public static byte[] encodeEnvelope(SignedMessage message, List<byte[]> blocks) {
    ConsensusEnvelope.Builder builder = ConsensusEnvelope.newBuilder().setMessage(toProto(message));
    for (byte[] block : blocks) {
      builder.addBlocks(ByteString.copyFrom(block));
    }
    return builder.build().toByteArray();
  }

  /** Decodes an envelope; its message may be of any kind. */
  public static Envelope decodeEnvelope(byte[] bytes) throws DecodeException {
    try {
      ConsensusEnvelope envelope = ConsensusEnvelope.parseFrom(bytes);
      if (!envelope.hasMessage()) {
        throw new DecodeException("consensus envelope carries no message");
      }
      SignedMessage message = decodeSigned(envelope.getMessage(), null);
      List<byte[]> blocks = new ArrayList<>(envelope.getBlocksCount());
      for (ByteString block : envelope.getBlocksList()) {
        blocks.add(block.toByteArray());
      }
      return new Envelope(message, blocks);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("not a serialized ConsensusEnvelope: " + e.getMessage(), e);
    }
  }

  /** The protobuf form of a signed message, payload and signature bytes unchanged. */
  public static SignedConsensusMessage toProto(SignedMessage message) {
    return SignedConsensusMessage.newBuilder()
        .setPayload(ByteString.copyFrom(message.payload()))
        .setSigner(message.signer())
        .setSignature(ByteString.copyFrom(message.signature()))
        .build();
  }

  /**
   * Decodes a signed message whose payload must be of kind {@code expected} (any kind when
   * null).
   */
  public static SignedMessage decodeSigned(SignedConsensusMessage proto, Phase expected)
      throws DecodeException {
    byte[] payload = proto.getPayload().toByteArray();
    ConsensusPayload decoded;
    try {
      decoded = ConsensusPayload.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("signed payload is not a ConsensusPayload: " + e.getMessage(), e);
    }
    // Checked before decoding further, so nested payloads cannot recurse beyond their places.
    Phase actual = PayloadProtos.phaseOf(decoded);
    if (expected != null && actual != expected) {
      throw new DecodeException("expected a signed " + expected + " here, got "
          + (actual == null ? "no known message" : actual));
    }
    ConsensusMessage message = PayloadProtos.fromProto(decoded);
    return new SignedMessage(payload, Fields.signer(proto.getSigner()),
        proto.getSignature().toByteArray(), decoded.getChainId(), message);
  }

  static List<SignedMessage> decodeAll(List<SignedConsensusMessage> protos, Phase expected)
      throws DecodeException {
    List<SignedMessage> out = new ArrayList<>(protos.size());
    for (SignedConsensusMessage proto : protos) {
      out.add(decodeSigned(proto, expected));
    }
    return out;
  }

  static List<SignedConsensusMessage> toProtos(List<SignedMessage> messages) {
    List<SignedConsensusMessage> out = new ArrayList<>(messages.size());
    for (SignedMessage message : messages) {
      out.add(toProto(message));
    }
    return out;
  }

  static org.alliancechain.proto.v1.PreparedCertificate toProto(PreparedCertificate certificate) {
    return org.alliancechain.proto.v1.PreparedCertificate.newBuilder()
        .setPrePrepare(toProto(certificate.prePrepare()))
        .addAllPrepares(toProtos(certificate.prepares()))
        .build();
  }

  static PreparedCertificate fromProto(org.alliancechain.proto.v1.PreparedCertificate proto)
      throws DecodeException {
    if (!proto.hasPrePrepare()) {
      throw new DecodeException("prepared certificate has no PRE-PREPARE");
    }
    return new PreparedCertificate(decodeSigned(proto.getPrePrepare(), Phase.PRE_PREPARE),
        decodeAll(proto.getPreparesList(), Phase.PREPARE));
  }

  static CommitProof toProof(CommitCertificate certificate) {
    return CommitProof.newBuilder().addAllCommits(toProtos(certificate.commits())).build();
  }

  /** A commit proof's height, view and hash are those of its first COMMIT; the verifier checks the rest match. */
  static CommitCertificate fromProof(CommitProof proof) throws DecodeException {
    List<SignedMessage> commits = decodeAll(proof.getCommitsList(), Phase.COMMIT);
    if (commits.isEmpty()) {
      throw new DecodeException("commit proof has no COMMIT messages");
    }
    ConsensusMessage.Commit first = commits.get(0).as(ConsensusMessage.Commit.class);
    return new CommitCertificate(first.height(), first.view(), first.blockHash(), commits);
  }
}
