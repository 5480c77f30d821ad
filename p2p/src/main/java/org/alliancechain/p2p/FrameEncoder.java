package org.alliancechain.p2p;

import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.ByteBuffer;
import org.alliancechain.proto.v1.Frame;

/** Writes a {@link Frame} as its 4-byte big-endian length and its bytes, in one buffer. */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Frame> {
  static final FrameEncoder INSTANCE = new FrameEncoder();

  private FrameEncoder() {
    super(Frame.class);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
    return ctx.alloc().ioBuffer(FrameCodec.LENGTH_PREFIX_BYTES + frame.getSerializedSize());
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) throws Exception {
    int size = frame.getSerializedSize();
    out.writeInt(size);
    ByteBuffer target = out.nioBuffer(out.writerIndex(), size);
    CodedOutputStream stream = CodedOutputStream.newInstance(target);
    frame.writeTo(stream);
    stream.checkNoSpaceLeft();
    out.writerIndex(out.writerIndex() + size);
  }
}
