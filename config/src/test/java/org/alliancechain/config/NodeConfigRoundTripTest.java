package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any valid NodeConfig written as TOML reads back to an equal record. Configs are drawn from a
 * seed (see {@link Seeds} to replay or run more), every bounded number reaching its edges.
 */
class NodeConfigRoundTripTest {
  private static final Path BASE = Path.of("/srv/alliance node").toAbsolutePath();
  private static final List<String> HOSTS =
      List.of("127.0.0.1", "localhost", "[::1]", "10.1.2.3", "node-1.example.org", "0.0.0.0", "[fd00::12]");
  /** Quotes, backslashes, a tab and non-ASCII: what TOML strings must escape. */
  private static final String SEGMENT_CHARS = "aZ9 _-\"'\\é中\t";

  static LongStream seeds() {
    return Seeds.of(500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tomlRoundTrips(long seed) {
    Seeds.check(seed, () -> config(new Draw(seed)), config -> {
      assertThat(config.validate()).isEmpty();
      String toml = config.toToml(BASE);
      assertThat(NodeConfig.parse(toml, "node.toml", BASE)).as("read back from\n%s", toml).isEqualTo(config);
    });
  }

  private static NodeConfig config(Draw draw) {
    NodeSection section = new NodeSection(draw.string("abcxyz019._-", 1, 40), path(draw), path(draw), path(draw),
        path(draw), path(draw));
    List<Integer> ports = draw.uniqueList(4, 4, () -> draw.between(1, 65535));
    List<HostPort> addresses = new ArrayList<>();
    for (int port : ports) {
      addresses.add(HostPort.parse(draw.oneOf(HOSTS) + ":" + port));
    }
    long backoffA = within(draw, P2pConfig.RECONNECT_BACKOFF_MS);
    long backoffB = within(draw, P2pConfig.RECONNECT_BACKOFF_MS);
    P2pConfig p2p = new P2pConfig(addresses.get(0), peers(section.id(), draw.between(0, 5)),
        (int) within(draw, P2pConfig.FRAME_BYTES), (int) within(draw, P2pConfig.OUTBOUND_QUEUE_MESSAGES),
        within(draw, P2pConfig.IDLE_TIMEOUT_MS), Math.min(backoffA, backoffB), Math.max(backoffA, backoffB));
    HostPort admin = addresses.get(2);
    // An admin endpoint off loopback must be allowed and have TLS; on loopback either is valid.
    ApiConfig api = new ApiConfig(addresses.get(1), admin, !admin.isLoopback() || draw.bool(), addresses.get(3),
        (int) within(draw, ApiConfig.MESSAGE_BYTES), (int) within(draw, ApiConfig.CONCURRENT_STREAMS),
        (int) within(draw, ApiConfig.REQUESTS_PER_SECOND), !admin.isLoopback() || draw.bool());
    return new NodeConfig(section, p2p, api, timing(draw), mempool(draw), logging(draw));
  }

  private static List<Peer> peers(String ownId, int count) {
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      peers.add(new Peer(ownId + "-peer" + i, new HostPort("10.0.0." + (i + 1), 26656 + i)));
    }
    return peers;
  }

  /** A relative path with awkward characters, or an absolute path outside the base directory. */
  private static Path path(Draw draw) {
    List<String> parts = draw.list(1, 3, () -> draw.until(() -> draw.string(SEGMENT_CHARS, 1, 8),
        s -> !s.isBlank() && !s.equals(".") && !s.equals(".."))); // a blank path is refused by design
    String joined = String.join("/", parts);
    return draw.bool() ? BASE.resolve(joined).normalize() : Path.of("/etc/" + joined).normalize();
  }

  private static ConsensusTiming timing(Draw draw) {
    long timeout = within(draw, ConsensusTiming.VIEW_CHANGE_TIMEOUT_MS);
    return new ConsensusTiming(timeout, Math.max(timeout, within(draw, ConsensusTiming.VIEW_CHANGE_TIMEOUT_MAX_MS)),
        within(draw, ConsensusTiming.PROPOSAL_DELAY_MS), within(draw, ConsensusTiming.HEARTBEAT_INTERVAL_MS));
  }

  private static MempoolLimits mempool(Draw draw) {
    int transactions = (int) within(draw, MempoolLimits.TRANSACTIONS);
    return new MempoolLimits(transactions, within(draw, MempoolLimits.BYTES),
        (int) Math.min(transactions, within(draw, MempoolLimits.PER_SENDER)));
  }

  private static LoggingConfig logging(Draw draw) {
    Optional<Path> file = draw.oneIn(4) ? Optional.empty() : Optional.of(path(draw));
    return new LoggingConfig(draw.oneOf(LogLevel.class), file, draw.bool());
  }

  /** A value of {@code bounds}, often one of its edges. */
  private static long within(Draw draw, Bounds bounds) {
    return draw.between(bounds.min(), bounds.max());
  }
}
