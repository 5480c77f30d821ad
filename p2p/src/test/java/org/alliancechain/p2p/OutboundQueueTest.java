package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
  private static ByteString bytes(int size, int tag) {
    byte[] payload = new byte[size];
    if (size > 0) {
      payload[0] = (byte) tag;
    }
    return ByteString.copyFrom(payload);
  }

  @Test
  void aFullQueueDropsTheNewestAndKeepsTheOrderOfWhatItHolds() {
    OutboundQueue queue = new OutboundQueue(new QueueLimit(3, 1_000, QueuePolicy.DROP_NEWEST));
    for (int i = 0; i < 3; i++) {
      assertThat(queue.offer(bytes(10, i))).isEqualTo(SendResult.ACCEPTED);
    }
    assertThat(queue.offer(bytes(10, 9))).isEqualTo(SendResult.DROPPED_QUEUE_FULL);
    assertThat(queue.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(queue.poll().byteAt(0)).isEqualTo((byte) i);
    }
    assertThat(queue.poll()).isNull();
    assertThat(queue.offer(bytes(10, 5))).as("written, not confirmed: still held")
        .isEqualTo(SendResult.DROPPED_QUEUE_FULL);
    queue.release(10);
    assertThat(queue.offer(bytes(10, 5))).isEqualTo(SendResult.ACCEPTED);
  }

  @Test
  void aQueueThatRefusesSaysSoAndStaysUnchanged() {
    OutboundQueue queue = new OutboundQueue(new QueueLimit(1, 1_000, QueuePolicy.REFUSE));
    assertThat(queue.offer(bytes(10, 1))).isEqualTo(SendResult.ACCEPTED);
    assertThat(queue.offer(bytes(10, 2))).isEqualTo(SendResult.REFUSED_QUEUE_FULL);
    assertThat(queue.poll().byteAt(0)).isEqualTo((byte) 1);
  }

  @Test
  void theByteBoundHoldsEvenWithRoomForMoreMessages() {
    OutboundQueue queue = new OutboundQueue(new QueueLimit(100, 250, QueuePolicy.DROP_NEWEST));
    assertThat(queue.offer(bytes(100, 1))).isEqualTo(SendResult.ACCEPTED);
    assertThat(queue.offer(bytes(100, 2))).isEqualTo(SendResult.ACCEPTED);
    assertThat(queue.offer(bytes(100, 3))).isEqualTo(SendResult.DROPPED_QUEUE_FULL);
    assertThat(queue.offer(bytes(50, 4))).isEqualTo(SendResult.ACCEPTED);
    assertThat(queue.bytes()).isEqualTo(250);
    ByteString written = queue.poll();
    assertThat(queue.bytes()).as("held until confirmed").isEqualTo(250);
    queue.release(written.size());
    assertThat(queue.bytes()).isEqualTo(150);
    assertThat(queue.offer(bytes(100, 5))).isEqualTo(SendResult.ACCEPTED);
    assertThat(queue.clear()).isEqualTo(3);
    assertThat(queue.bytes()).isZero();
    assertThat(queue.size()).isZero();
  }
}
