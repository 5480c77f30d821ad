package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.alliancechain.proto.v1.Ack;
import org.alliancechain.proto.v1.Channel;
import org.alliancechain.proto.v1.Envelope;
import org.alliancechain.proto.v1.Frame;
import org.alliancechain.proto.v1.Goodbye;
import org.alliancechain.proto.v1.Ping;
import org.alliancechain.proto.v1.Pong;

/** The edge between the domain types and the generated {@code alliance.v1} frame messages. */
final class FrameCodec {
  /** The length prefix before every frame. */
  static final int LENGTH_PREFIX_BYTES = 4;
  /** A uint64 varint takes at most this many bytes. */
  private static final int SEQUENCE_VARINT_BYTES_MAX = 10;

  private FrameCodec() {}

  static Channel encode(PeerChannel channel) {
    return switch (channel) {
      case CONSENSUS -> Channel.CHANNEL_CONSENSUS;
      case TRANSACTIONS -> Channel.CHANNEL_TRANSACTIONS;
      case BLOCK_SYNC -> Channel.CHANNEL_BLOCK_SYNC;
    };
  }

  /** The domain channel, or null for UNSPECIFIED and values this version does not know. */
  static PeerChannel decode(Channel channel) {
    return switch (channel) {
      case CHANNEL_CONSENSUS -> PeerChannel.CONSENSUS;
      case CHANNEL_TRANSACTIONS -> PeerChannel.TRANSACTIONS;
      case CHANNEL_BLOCK_SYNC -> PeerChannel.BLOCK_SYNC;
      default -> null;
    };
  }

  static Frame envelope(PeerChannel channel, long sequence, ByteString payload) {
    return Frame.newBuilder().setEnvelope(Envelope.newBuilder().setChannel(encode(channel))
        .setPayload(payload).setSequence(sequence)).build();
  }

  static Frame ack(long delivered) {
    return Frame.newBuilder().setAck(Ack.newBuilder().setDelivered(delivered)).build();
  }

  static Frame ping(long nonce) {
    return Frame.newBuilder().setPing(Ping.newBuilder().setNonce(nonce)).build();
  }

  static Frame pong(long nonce) {
    return Frame.newBuilder().setPong(Pong.newBuilder().setNonce(nonce)).build();
  }

  static Frame goodbye(String reason) {
    return Frame.newBuilder().setGoodbye(Goodbye.newBuilder().setReason(reason)).build();
  }

  /**
   * The largest size of the Frame that carries a payload of {@code payloadBytes} (without the
   * length prefix), whatever its sequence, computed without building it, so {@code send} can
   * refuse what the peer would not accept. The envelope is a channel (tag + one-byte varint, all
   * values are below 128), the payload (tag + length varint + bytes, absent when empty as proto3
   * omits defaults) and the sequence (tag + varint, at most 10 bytes); the frame wraps it in
   * tag + length varint.
   */
  static long envelopeFrameBytes(int payloadBytes) {
    long payloadField = payloadBytes == 0
        ? 0 : 1 + CodedOutputStream.computeUInt32SizeNoTag(payloadBytes) + (long) payloadBytes;
    long envelope = 2 + payloadField + 1 + SEQUENCE_VARINT_BYTES_MAX;
    return 1 + CodedOutputStream.computeUInt64SizeNoTag(envelope) + envelope;
  }
}
