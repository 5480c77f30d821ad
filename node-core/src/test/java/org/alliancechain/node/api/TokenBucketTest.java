package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstOfOneSecondsWorthThenTheRate() {
    TokenBucket bucket = new TokenBucket(4, nanos::get);

    for (int i = 0; i < 4; i++) {
      assertThat(bucket.tryTake()).isTrue();
    }
    assertThat(bucket.tryTake()).isFalse();

    nanos.addAndGet(250_000_000L);
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
  }

  @Test
  void anIdleConnectionSavesAtMostOneSecondsWorth() {
    TokenBucket bucket = new TokenBucket(2, nanos::get);
    nanos.addAndGet(60_000_000_000L);

    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
  }
}
