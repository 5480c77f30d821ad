package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleFromTheMinimumUpToTheCapWithinTheUpperHalfOfEachStep() {
    Backoff backoff = new Backoff(100, 5_000, new Random(1));
    long[] steps = {100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000};
    for (int failures = 0; failures < steps.length; failures++) {
      for (int draw = 0; draw < 200; draw++) {
        assertThat(backoff.delayMs(failures)).as("after %d failures", failures)
            .isBetween(steps[failures] / 2, steps[failures]);
      }
    }
  }

  @Test
  void hugeFailureCountsStayAtTheCapWithoutOverflow() {
    Backoff backoff = new Backoff(3, Long.MAX_VALUE / 4, new Random(2));
    for (int failures : new int[] {60, 61, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertThat(backoff.delayMs(failures)).isBetween(Long.MAX_VALUE / 8, Long.MAX_VALUE / 4);
    }
  }

  @Test
  void delaysAreJitteredSoNodesDoNotRedialInLockStep() {
    Backoff backoff = new Backoff(1_000, 1_000, new Random(3));
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      seen.add(backoff.delayMs(0));
    }
    assertThat(seen).hasSizeGreaterThan(20);
  }
}
