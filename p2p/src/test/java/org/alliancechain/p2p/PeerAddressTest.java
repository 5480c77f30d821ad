package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerAddressTest {
  @Test
  void hostPortIsWhatAnOperatorWouldTypeWithIpv6InBrackets() {
    assertThat(new PeerAddress("v1", "validator-1.bank.example", 7000).hostPort())
        .isEqualTo("validator-1.bank.example:7000");
    assertThat(new PeerAddress("v1", "10.0.0.5", 7000).hostPort()).isEqualTo("10.0.0.5:7000");
    assertThat(new PeerAddress("v1", "::1", 7000).hostPort()).isEqualTo("[::1]:7000");
    assertThat(new PeerAddress("v1", "[fe80::1]", 7000).hostPort()).isEqualTo("[fe80::1]:7000");
  }
}
