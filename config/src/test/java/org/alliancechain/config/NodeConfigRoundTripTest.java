package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid NodeConfig written as TOML reads back to an equal record. */
class NodeConfigRoundTripTest {
  private static final Path BASE = Path.of("/srv/alliance node").toAbsolutePath();
  private static final List<String> HOSTS =
      List.of("127.0.0.1", "localhost", "[::1]", "10.1.2.3", "node-1.example.org", "0.0.0.0", "[fd00::12]");

  @Property(tries = 500)
  void tomlRoundTrips(@ForAll("configs") NodeConfig config) throws ConfigException {
    assertThat(config.validate()).isEmpty();
    String toml = config.toToml(BASE);
    assertThat(NodeConfig.parse(toml, "node.toml", BASE)).isEqualTo(config);
  }

  @Provide
  Arbitrary<NodeConfig> configs() {
    Arbitrary<List<Integer>> ports = Arbitraries.integers().between(1, 65535).list().ofSize(4).uniqueElements();
    Arbitrary<NodeSection> node = Combinators.combine(ids(), paths(), paths(), paths(), paths(), paths())
        .as(NodeSection::new);
    return Combinators.combine(node, ports, Arbitraries.of(HOSTS).list().ofSize(4), p2pNumbers(), apiNumbers(),
            timing(), mempool(), logging())
        .as((section, portList, hosts, p2p, api, timing, mempool, logging) -> {
          HostPort admin = HostPort.parse(hosts.get(2) + ":" + portList.get(2));
          ApiConfig apiConfig = new ApiConfig(HostPort.parse(hosts.get(1) + ":" + portList.get(1)), admin,
              !admin.isLoopback() || api.get(3) % 2 == 0, HostPort.parse(hosts.get(3) + ":" + portList.get(3)),
              api.get(0), api.get(1), api.get(2));
          P2pConfig p2pConfig = new P2pConfig(HostPort.parse(hosts.get(0) + ":" + portList.get(0)),
              peers(section.id(), p2p.get(5)), p2p.get(0).intValue(), p2p.get(1).intValue(), p2p.get(2),
              Math.min(p2p.get(3), p2p.get(4)), Math.max(p2p.get(3), p2p.get(4)));
          return new NodeConfig(section, p2pConfig, apiConfig, timing, mempool, logging);
        });
  }

  private static List<Peer> peers(String ownId, long count) {
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < count % 6; i++) {
      peers.add(new Peer(ownId + "-peer" + i, new HostPort("10.0.0." + (i + 1), 26656 + i)));
    }
    return peers;
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("abcxyz019._-").ofMinLength(1).ofMaxLength(40);
  }

  /** Relative paths with awkward characters, and absolute paths outside the base directory. */
  private static Arbitrary<Path> paths() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("aZ9 _-\"'\\é中\t").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.isBlank() && !s.equals(".") && !s.equals("..")); // a blank path is refused by design
    Arbitrary<Path> relative = segment.list().ofMinSize(1).ofMaxSize(3)
        .map(parts -> BASE.resolve(String.join("/", parts)).normalize());
    Arbitrary<Path> absolute = segment.list().ofMinSize(1).ofMaxSize(3)
        .map(parts -> Path.of("/etc/" + String.join("/", parts)).normalize());
    return Arbitraries.oneOf(relative, absolute);
  }

  private static Arbitrary<List<Long>> p2pNumbers() {
    return Combinators.combine(
        within(P2pConfig.FRAME_BYTES), within(P2pConfig.OUTBOUND_QUEUE_MESSAGES), within(P2pConfig.IDLE_TIMEOUT_MS),
        within(P2pConfig.RECONNECT_BACKOFF_MS), within(P2pConfig.RECONNECT_BACKOFF_MS),
        Arbitraries.longs().between(0, 5)).as(List::of);
  }

  private static Arbitrary<List<Integer>> apiNumbers() {
    return Combinators.combine(within(ApiConfig.MESSAGE_BYTES), within(ApiConfig.CONCURRENT_STREAMS),
            within(ApiConfig.REQUESTS_PER_SECOND), Arbitraries.integers().between(0, 1))
        .as((a, b, c, d) -> List.of(a.intValue(), b.intValue(), c.intValue(), d));
  }

  private static Arbitrary<ConsensusTiming> timing() {
    return Combinators.combine(within(ConsensusTiming.VIEW_CHANGE_TIMEOUT_MS),
            within(ConsensusTiming.VIEW_CHANGE_TIMEOUT_MAX_MS), within(ConsensusTiming.PROPOSAL_DELAY_MS),
            within(ConsensusTiming.HEARTBEAT_INTERVAL_MS))
        .as((timeout, max, delay, heartbeat) -> new ConsensusTiming(timeout, Math.max(timeout, max), delay, heartbeat));
  }

  private static Arbitrary<MempoolLimits> mempool() {
    return Combinators.combine(within(MempoolLimits.TRANSACTIONS), within(MempoolLimits.BYTES), within(MempoolLimits.PER_SENDER))
        .as((transactions, bytes, perSender) -> new MempoolLimits(transactions.intValue(), bytes,
            (int) Math.min(transactions, perSender)));
  }

  private static Arbitrary<LoggingConfig> logging() {
    return Combinators.combine(Arbitraries.of(LogLevel.class), paths().optional(), Arbitraries.of(true, false))
        .as((level, file, json) -> new LoggingConfig(level, file, json));
  }

  /** Values of {@code bounds}, edges included. */
  private static Arbitrary<Long> within(Bounds bounds) {
    return Arbitraries.longs().between(bounds.min(), bounds.max()).edgeCases(edges -> edges.includeOnly(bounds.min(), bounds.max()));
  }
}
