package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void durationsShowTheTwoLargestUnits() {
    assertThat(Text.duration(999)).isEqualTo("0s");
    assertThat(Text.duration(42_000)).isEqualTo("42s");
    assertThat(Text.duration(307_000)).isEqualTo("5m07s");
    assertThat(Text.duration(3 * 3_600_000L + 12 * 60_000L + 59_000)).isEqualTo("3h12m");
    assertThat(Text.duration(2 * 86_400_000L + 4 * 3_600_000L)).isEqualTo("2d04h");
  }

  @Test
  void byteCountsUseBinaryUnits() {
    assertThat(Text.bytes(1023)).isEqualTo("1023 B");
    assertThat(Text.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Text.bytes(3L << 20)).isEqualTo("3.0 MiB");
  }
}
