package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.alliancechain.proto.v1.Channel;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  @Test
  void predictedFrameSizeIsTheLargestSerializedSizeAtEveryVarintBoundary() {
    int[] sizes = {0, 1, 100, 122, 123, 124, 125, 126, 127, 128, 16_379, 16_380, 16_381, 16_383,
        16_384, 65_536, 2_097_145, 2_097_151, 2_097_152, 3_000_000};
    for (int size : sizes) {
      for (PeerChannel channel : PeerChannel.values()) {
        ByteString payload = ByteString.copyFrom(new byte[size]);
        long largest = FrameCodec.envelope(channel, -1L, payload).getSerializedSize();
        assertThat(FrameCodec.envelopeFrameBytes(size)).as("payload %d", size)
            .isEqualTo(largest)
            .isGreaterThanOrEqualTo(FrameCodec.envelope(channel, 1, payload).getSerializedSize());
      }
    }
  }

  @Test
  void everyChannelMapsToItsWireValueAndBack() {
    for (PeerChannel channel : PeerChannel.values()) {
      assertThat(FrameCodec.decode(FrameCodec.encode(channel))).isEqualTo(channel);
    }
    assertThat(FrameCodec.decode(Channel.CHANNEL_UNSPECIFIED)).isNull();
    assertThat(FrameCodec.decode(Channel.UNRECOGNIZED)).isNull();
  }
}
