package org.alliancechain.p2p;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.alliancechain.proto.v1.Frame;

/**
 * Splits the stream at 4-byte big-endian length prefixes and parses each piece as a {@link
 * Frame}. A length over {@code frameBytesMax} fails fast with a {@code TooLongFrameException}
 * as soon as the prefix is read (never buffering the announced bytes); bytes that do not parse,
 * or parse to a frame with nothing set, raise {@link CorruptedFrameException}. Either closes the
 * link in the handler after this one.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {
  FrameDecoder(int frameBytesMax) {
    super(frameBytesMax, 0, FrameCodec.LENGTH_PREFIX_BYTES, 0,
        FrameCodec.LENGTH_PREFIX_BYTES, true);
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    ByteBuf body = (ByteBuf) super.decode(ctx, in);
    if (body == null) {
      return null;
    }
    try {
      int bodyBytes = body.readableBytes();
      Frame frame = Frame.parseFrom(body.nioBuffer());
      if (frame.getKindCase() == Frame.KindCase.KIND_NOT_SET) {
        throw new CorruptedFrameException(
            "a frame of " + bodyBytes + " bytes carries none of handshake/envelope/ping/pong");
      }
      return new InboundFrame(frame, bodyBytes + FrameCodec.LENGTH_PREFIX_BYTES);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptedFrameException("a frame does not parse as alliance.v1.Frame: "
          + e.getMessage(), e);
    } finally {
      body.release();
    }
  }
}
