package org.alliancechain.p2p;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Real nodes on 127.0.0.1 for tests: two member organizations with their own CAs, node
 * identities issued by them, one shared membership the test can change, and networks bound to
 * ephemeral ports. Closes everything it started.
 */
final class TestCluster implements AutoCloseable {
  static final ChainIdentity CHAIN = new ChainIdentity("test-chain", filled(32, 7));

  /** One running node. */
  record Node(String id, PeerNetwork network, RecordingListener listener) {
    PeerAddress address() {
      return new PeerAddress(id, "127.0.0.1", network.listenPort());
    }

    long connectedCount() {
      return network.peers().stream().filter(p -> p.state() == PeerState.CONNECTED).count();
    }

    /** The implementation, for tests that look inside links. */
    NettyPeerNetwork netty() {
      return (NettyPeerNetwork) network;
    }
  }

  final TestPki.Organization orgA = TestPki.organization("org-a");
  final TestPki.Organization orgB = TestPki.organization("org-b");
  final Map<String, TlsIdentity> identities = new LinkedHashMap<>();
  final Map<String, Node> nodes = new LinkedHashMap<>();
  private final AtomicReference<MembershipSnapshot> membership;
  private final TlsProvider provider;

  /** Validators {@code ids}, alternately in org-a and org-b, on the JDK's TLS. */
  TestCluster(String... ids) {
    this(TlsProvider.JDK, ids);
  }

  TestCluster(TlsProvider provider, String... ids) {
    this.provider = provider;
    Map<String, Member> members = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      TestPki.Organization org = i % 2 == 0 ? orgA : orgB;
      identities.put(ids[i], org.node(ids[i]));
      members.put(ids[i], Member.of(ids[i], org.id(), MemberRole.VALIDATOR));
    }
    membership = new AtomicReference<>(new MembershipSnapshot(
        Map.of(orgA.id(), orgA.ca(), orgB.id(), orgB.ca()), members));
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  Membership membership() {
    return membership::get;
  }

  MembershipSnapshot snapshot() {
    return membership.get();
  }

  void changeMembership(UnaryOperator<MembershipSnapshot> change) {
    membership.updateAndGet(change);
  }

  Node start(String id, int port, List<PeerAddress> peers) throws P2pException {
    return start(id, port, peers, UnaryOperator.identity());
  }

  /** Starts {@code id} with the test settings as changed by {@code tweak}. */
  Node start(String id, int port, List<PeerAddress> peers, UnaryOperator<P2pSettings> tweak)
      throws P2pException {
    RecordingListener listener = new RecordingListener();
    P2pSettings settings = tweak.apply(P2pSettings.forTests(peers).withListenPort(port)
        .withTlsProvider(provider));
    PeerNetwork network = PeerNetwork.create(settings, identities.get(id), CHAIN, membership(),
        () -> 0L, listener);
    Node node = new Node(id, network, listener);
    nodes.put(id, node);
    network.start();
    return node;
  }

  Node start(String id) throws P2pException {
    return start(id, 0, List.of());
  }

  Node node(String id) {
    return nodes.get(id);
  }

  void stop(String id) {
    Node node = nodes.remove(id);
    if (node != null) {
      node.network().close();
    }
  }

  /** Every node dials every other (both directions race, as in production). */
  void connectAll() {
    for (Node node : nodes.values()) {
      for (Node other : nodes.values()) {
        if (node != other) {
          node.network().addPeer(other.address());
        }
      }
    }
  }

  /**
   * Every node has a link to every other, both ends of each pair hold the same TCP connection,
   * no connection is half-way and no dial is in flight: nothing left that could replace a link,
   * so the mesh stays as it is until a test changes it.
   */
  void awaitSettledMesh() {
    int others = nodes.size() - 1;
    Await.until("a settled mesh of " + nodes.size(), () -> nodes.values().stream().allMatch(
        node -> node.connectedCount() == others
            && node.network().metrics().handshakesInProgress() == 0
            && node.netty().dialsInFlight() == 0
            && nodes.values().stream().allMatch(other -> other == node || agree(node, other))),
        this::describe);
  }

  /** Both ends hold the same TCP connection as their link (tie-break settled alike). */
  static boolean agree(Node one, Node other) {
    PeerSession mine = one.netty().session(other.id());
    PeerSession theirs = other.netty().session(one.id());
    return mine != null && theirs != null
        && mine.channel().localAddress().equals(theirs.channel().remoteAddress())
        && mine.channel().remoteAddress().equals(theirs.channel().localAddress());
  }

  String describe() {
    List<String> lines = new ArrayList<>();
    for (Node node : nodes.values()) {
      lines.add(node.id() + " " + node.network().peers().stream()
          .map(p -> p.nodeId() + "=" + p.state() + p.lastFailure().map(f -> "(" + f + ")")
              .orElse("")).toList()
          + " in-progress=" + node.network().metrics().handshakesInProgress());
    }
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    List.copyOf(nodes.keySet()).forEach(this::stop);
  }
}
