package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesTheThreeHostForms() {
    assertThat(HostPort.parse("127.0.0.1:26656")).isEqualTo(new HostPort("127.0.0.1", 26656));
    assertThat(HostPort.parse("[::1]:1").bindHost()).isEqualTo("::1");
    assertThat(HostPort.parse("node-1.bank-a.example:65535").port()).isEqualTo(65535);
  }

  @Test
  void loopbackIsLocalhostOr127Or6LoopbackOnly() {
    assertThat(HostPort.parse("localhost:1").isLoopback()).isTrue();
    assertThat(HostPort.parse("127.8.9.10:1").isLoopback()).isTrue();
    assertThat(HostPort.parse("[::1]:1").isLoopback()).isTrue();
    assertThat(HostPort.parse("0.0.0.0:1").isLoopback()).isFalse();
    assertThat(HostPort.parse("[::]:1").isLoopback()).isFalse();
    assertThat(HostPort.parse("10.0.0.1:1").isLoopback()).isFalse();
  }

  @Test
  void rejectsWhatIsNotHostAndPort() {
    assertThatThrownBy(() -> HostPort.parse("127.0.0.1:0")).hasMessageContaining("the port \"0\" is not in 1..65535");
    assertThatThrownBy(() -> HostPort.parse("127.0.0.1:")).hasMessageContaining("the port \"\" is not in 1..65535");
    assertThatThrownBy(() -> HostPort.parse(":80")).hasMessageContaining("the host is missing");
    assertThatThrownBy(() -> HostPort.parse("[::1]")).hasMessageContaining("the port is missing");
    assertThatThrownBy(() -> HostPort.parse("[zz]:80")).hasMessageContaining("\"zz\" is not an IPv6 address");
    assertThatThrownBy(() -> HostPort.parse("256.1.1.1:80")).hasMessageContaining("\"256.1.1.1\" is not a host name");
    assertThatThrownBy(() -> HostPort.parse("host_name:80")).hasMessageContaining("\"host_name\" is not a host name");
  }
}
