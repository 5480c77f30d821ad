package org.alliancechain.node.init;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.alliancechain.config.ConsensusParams;
import org.alliancechain.config.ConsensusTiming;
import org.alliancechain.crypto.CryptoSuite;

/**
 * What {@code alliance network init} generates: a chain with one organization per validator
 * (each with a CA and an admin key), optional observers of a regulator organization, and one
 * sample client.
 *
 * @param host the address every node listens on and dials (127.0.0.1 for a local network)
 * @param certificateValidity how long the CA and TLS certificates are valid from {@code now}
 */
public record NetworkSpec(String chainId, CryptoSuite suite, int validators, int observers,
    String host, PortAllocator ports, ConsensusParams consensus, ConsensusTiming timing,
    Instant now, Duration certificateValidity) {

  public NetworkSpec {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(suite, "suite");
    if (validators < 1 || validators > 100) {
      throw new IllegalArgumentException("validators must be 1..100, got " + validators);
    }
    if (observers < 0 || observers > 100) {
      throw new IllegalArgumentException("observers must be 0..100, got " + observers);
    }
  }

  /** A local network on 127.0.0.1 with free ports and the default parameters. */
  public static NetworkSpec local(String chainId, CryptoSuite suite, int validators, int observers) {
    return new NetworkSpec(chainId, suite, validators, observers, "127.0.0.1",
        PortAllocator.free(), ConsensusParams.defaults(), ConsensusTiming.defaults(),
        Instant.now(), Duration.ofDays(3650));
  }

  public NetworkSpec withTiming(ConsensusTiming newTiming) {
    return new NetworkSpec(chainId, suite, validators, observers, host, ports, consensus,
        newTiming, now, certificateValidity);
  }

  public NetworkSpec withPorts(PortAllocator newPorts) {
    return new NetworkSpec(chainId, suite, validators, observers, host, newPorts, consensus,
        timing, now, certificateValidity);
  }
}
