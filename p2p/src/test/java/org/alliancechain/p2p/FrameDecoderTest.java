package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.alliancechain.proto.v1.Frame;
import org.alliancechain.proto.v1.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private static final int FRAME_BYTES_MAX = 4096;
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new FrameDecoder(FRAME_BYTES_MAX), FrameEncoder.INSTANCE);

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private ByteBuf encoded(Frame frame) {
    assertThat(channel.writeOutbound(frame)).isTrue();
    return channel.readOutbound();
  }

  @Test
  void everyKindOfFrameSurvivesTheRoundTrip() {
    Frame handshake = Frame.newBuilder().setHandshake(Handshake.newBuilder()
        .setProtocolVersion(1).setChainId("chain").setNodeId("n1")
        .setGenesisHash(ByteString.copyFromUtf8("genesis")).setHeight(7).setIncarnation(-3)
        .setFrameBytesMax(FRAME_BYTES_MAX)).build();
    Frame[] frames = {handshake,
        FrameCodec.envelope(PeerChannel.BLOCK_SYNC, 1, ByteString.copyFromUtf8("payload")),
        FrameCodec.ping(42), FrameCodec.pong(42), FrameCodec.goodbye("shutdown")};
    for (Frame frame : frames) {
      ByteBuf wire = encoded(frame);
      int wireBytes = wire.readableBytes();
      assertThat(wire.getInt(0)).isEqualTo(frame.getSerializedSize());
      channel.writeInbound(wire);
      InboundFrame decoded = channel.readInbound();
      assertThat(decoded.frame()).isEqualTo(frame);
      assertThat(decoded.wireBytes()).isEqualTo(wireBytes);
    }
  }

  @Test
  void framesSplitAcrossReadsAreReassembled() {
    Frame first = FrameCodec.envelope(PeerChannel.CONSENSUS, 1, ByteString.copyFromUtf8("one"));
    Frame second = FrameCodec.envelope(PeerChannel.CONSENSUS, 2, ByteString.copyFromUtf8("two"));
    ByteBuf wire = Unpooled.wrappedBuffer(encoded(first), encoded(second));
    while (wire.isReadable()) {
      channel.writeInbound(wire.readRetainedSlice(1));
    }
    wire.release();
    assertThat(((InboundFrame) channel.readInbound()).frame()).isEqualTo(first);
    assertThat(((InboundFrame) channel.readInbound()).frame()).isEqualTo(second);
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void anOversizedLengthPrefixFailsAsSoonAsItIsRead() {
    ByteBuf prefix = Unpooled.buffer(4).writeInt(FRAME_BYTES_MAX + 1);
    assertThatThrownBy(() -> channel.writeInbound(prefix))
        .isInstanceOf(TooLongFrameException.class)
        .hasMessageContaining(String.valueOf(FRAME_BYTES_MAX));
  }

  @Test
  void aLengthPrefixWithTheHighBitSetIsOversizedNotNegative() {
    ByteBuf prefix = Unpooled.buffer(4).writeInt(0xFFFF_FFF0);
    assertThatThrownBy(() -> channel.writeInbound(prefix))
        .isInstanceOf(TooLongFrameException.class);
  }

  @Test
  void bytesThatAreNotAFrameAreCorrupt() {
    byte[] garbage = new byte[64];
    new Random(7).nextBytes(garbage);
    garbage[0] = (byte) 0xFF; // an invalid tag, so the parse fails for certain
    ByteBuf wire = Unpooled.buffer().writeInt(garbage.length).writeBytes(garbage);
    assertThatThrownBy(() -> channel.writeInbound(wire))
        .isInstanceOf(CorruptedFrameException.class)
        .hasMessageContaining("does not parse");
  }

  @Test
  void aFrameWithNothingSetIsCorrupt() {
    ByteBuf empty = Unpooled.buffer().writeInt(0);
    assertThatThrownBy(() -> channel.writeInbound(empty))
        .isInstanceOf(CorruptedFrameException.class)
        .hasMessageContaining("carries none");
  }

  @Test
  void textThatHappensToParseAsUnknownFieldsIsStillRefused() {
    byte[] text = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    ByteBuf wire = Unpooled.buffer().writeInt(text.length).writeBytes(text);
    assertThatThrownBy(() -> channel.writeInbound(wire))
        .isInstanceOf(CorruptedFrameException.class);
  }
}
