package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second link between the same two nodes, each interleaving forced step by step (real TLS
 * over {@link EmbeddedNode}s): whichever link the tie-break keeps, what {@code send} accepted
 * arrives once, in order per channel, and the loser's queue is not lost with it (ADR 0040).
 */
class LinkSwapTest {
  private static final TestPki.Organization ORG = TestPki.organization("org-a");
  private static final Membership MEMBERS = Membership.fixed(new MembershipSnapshot(
      Map.of("org-a", ORG.ca()),
      Map.of("alice", Member.of("alice", "org-a", MemberRole.VALIDATOR),
          "bob", Member.of("bob", "org-a", MemberRole.VALIDATOR))));

  private EmbeddedNode alice;
  private EmbeddedNode bob;

  @BeforeEach
  void start() throws Exception {
    alice = new EmbeddedNode(ORG.node("alice"), MEMBERS, P2pSettings.forTests(List.of()), 11);
    bob = new EmbeddedNode(ORG.node("bob"), MEMBERS, P2pSettings.forTests(List.of()), 22);
  }

  @AfterEach
  void close() {
    alice.close();
    bob.close();
  }

  /** A link dialled by {@code from}: its channel at the dialler [0] and at the acceptor [1]. */
  private static EmbeddedChannel[] connect(EmbeddedNode from, EmbeddedNode to) {
    return new EmbeddedChannel[] {from.dial(to.link.localId()), to.accept()};
  }

  /** Pumps both ways, one direction at a time, until {@code done}; then stops moving bytes. */
  private static void pumpUntil(EmbeddedChannel[] link, BooleanSupplier done) {
    for (int step = 0; !done.getAsBoolean(); step++) {
      assertThat(step).as("steps before the condition").isLessThan(100);
      EmbeddedNode.transfer(link[step % 2], link[1 - step % 2]);
    }
  }

  /** Both ends see the connection break (as after a reset): no Goodbye, nothing more read. */
  private static void breakLink(EmbeddedChannel[] link) {
    for (EmbeddedChannel end : link) {
      end.close();
      end.runPendingTasks();
    }
  }

  private static void offer(EmbeddedNode from, String to, PeerChannel channel, String... texts) {
    for (String text : texts) {
      assertThat(from.session(to).offer(channel, ByteString.copyFromUtf8(text)))
          .isEqualTo(SendResult.ACCEPTED);
    }
  }

  private static List<String> received(EmbeddedNode node, String from, PeerChannel channel) {
    return node.listener.received(from, channel).stream().map(String::new).toList();
  }

  @Test
  void crossedDialsWhereEachEndRegisteredTheOtherLinkFirstLoseNothing() {
    EmbeddedChannel[] byAlice = connect(alice, bob);
    EmbeddedChannel[] byBob = connect(bob, alice);
    // In TLS 1.3 the acceptor hears the dialler's Handshake first: stop right there, so bob
    // holds alice's link and alice holds bob's, each still waiting for the other's Handshake.
    pumpUntil(byAlice, () -> bob.session("alice") != null);
    pumpUntil(byBob, () -> alice.session("bob") != null);
    assertThat(alice.session("bob").channel()).isSameAs(byBob[1]);
    assertThat(bob.session("alice").channel()).isSameAs(byAlice[1]);

    // Each sends on the link it holds, the one the other end is about to close as a duplicate.
    offer(alice, "bob", PeerChannel.CONSENSUS, "a1", "a2", "a3");
    offer(alice, "bob", PeerChannel.BLOCK_SYNC, "s1");
    offer(bob, "alice", PeerChannel.CONSENSUS, "b1", "b2");
    EmbeddedNode.pump(byBob[0], byBob[1]);
    EmbeddedNode.pump(byAlice[0], byAlice[1]);
    EmbeddedNode.pump(byBob[0], byBob[1]);
    offer(alice, "bob", PeerChannel.CONSENSUS, "a4");
    EmbeddedNode.pump(byAlice[0], byAlice[1]);

    // The smaller id's dial wins at both ends, and nothing accepted was lost on the other.
    assertThat(alice.session("bob").channel()).isSameAs(byAlice[0]);
    assertThat(bob.session("alice").channel()).isSameAs(byAlice[1]);
    assertThat(byBob[0].isOpen()).isFalse();
    assertThat(received(bob, "alice", PeerChannel.CONSENSUS)).containsExactly("a1", "a2", "a3",
        "a4");
    assertThat(received(bob, "alice", PeerChannel.BLOCK_SYNC)).containsExactly("s1");
    assertThat(received(alice, "bob", PeerChannel.CONSENSUS)).containsExactly("b1", "b2");
    assertConfirmedAndEmpty();
  }

  @Test
  void payloadsLostWithADroppedLinkAreResentOnTheNextInOrder() {
    EmbeddedChannel[] first = connect(alice, bob);
    EmbeddedNode.pump(first[0], first[1]);
    offer(alice, "bob", PeerChannel.CONSENSUS, "c1", "c2");
    offer(alice, "bob", PeerChannel.TRANSACTIONS, "t1");
    EmbeddedNode.lose(first[0]); // written into a connection that is about to break
    breakLink(first);
    assertThat(alice.session("bob")).isNull();
    assertThat(alice.link.registry().outbox("bob").held())
        .containsEntry(PeerChannel.CONSENSUS, 2).containsEntry(PeerChannel.TRANSACTIONS, 1);

    EmbeddedChannel[] second = connect(bob, alice);
    EmbeddedNode.pump(second[0], second[1]);
    offer(alice, "bob", PeerChannel.CONSENSUS, "c3");
    EmbeddedNode.pump(second[0], second[1]);

    assertThat(received(bob, "alice", PeerChannel.CONSENSUS)).containsExactly("c1", "c2", "c3");
    assertThat(received(bob, "alice", PeerChannel.TRANSACTIONS)).containsExactly("t1");
    assertConfirmedAndEmpty();
  }

  @Test
  void payloadsThatArriveOnBothLinksAreDeliveredOnce() {
    EmbeddedChannel[] first = connect(bob, alice);
    EmbeddedNode.pump(first[0], first[1]);
    offer(alice, "bob", PeerChannel.CONSENSUS, "c1", "c2");
    EmbeddedNode.transfer(first[1], first[0]); // bob delivers both...
    EmbeddedNode.lose(first[0]); // ...but his Ack never reaches alice
    assertThat(received(bob, "alice", PeerChannel.CONSENSUS)).containsExactly("c1", "c2");

    // Alice dials too; the smaller id's dial replaces bob's at both ends.
    EmbeddedChannel[] second = connect(alice, bob);
    EmbeddedNode.pump(second[0], second[1]);
    EmbeddedNode.pump(first[0], first[1]);
    assertThat(alice.session("bob").channel()).isSameAs(second[0]);

    assertThat(received(bob, "alice", PeerChannel.CONSENSUS)).containsExactly("c1", "c2");
    assertThat(bob.link.counters().snapshot().traffic("alice", PeerChannel.CONSENSUS)
        .messagesIn()).isEqualTo(4);
    assertConfirmedAndEmpty();
  }

  @Test
  void aRestartedPeerGetsNothingHeldForItsPreviousRun() throws Exception {
    EmbeddedChannel[] first = connect(alice, bob);
    EmbeddedNode.pump(first[0], first[1]);
    offer(alice, "bob", PeerChannel.CONSENSUS, "old");
    EmbeddedNode.lose(first[0]);
    breakLink(first);

    EmbeddedNode restarted = new EmbeddedNode(ORG.node("bob"), MEMBERS,
        P2pSettings.forTests(List.of()), 23);
    try (restarted) {
      EmbeddedChannel[] second = connect(alice, restarted);
      EmbeddedNode.pump(second[0], second[1]);
      offer(alice, "bob", PeerChannel.CONSENSUS, "new");
      EmbeddedNode.pump(second[0], second[1]);
      assertThat(received(restarted, "alice", PeerChannel.CONSENSUS)).containsExactly("new");
      assertThat(alice.link.counters().snapshot().traffic("bob", PeerChannel.CONSENSUS)
          .queueDrops()).isEqualTo(1);
    }
  }

  /** Both ends confirmed everything: nothing is held for re-sending any more. */
  private void assertConfirmedAndEmpty() {
    for (EmbeddedNode node : List.of(alice, bob)) {
      String peer = node == alice ? "bob" : "alice";
      assertThat(node.link.registry().outbox(peer).held().values())
          .allSatisfy(held -> assertThat(held).isZero());
    }
  }
}
