package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The membership is read at every handshake and on demand: removal and re-admission. */
class MembershipChangeTest {
  private final TestCluster cluster = new TestCluster("node-1", "node-2");

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRemovedMemberIsDisconnectedRefusedAndReadmittedWhenAddedBack() throws Exception {
    TestCluster.Node one = cluster.start("node-1");
    TestCluster.Node two = cluster.start("node-2", 0, List.of(one.address()));
    cluster.awaitSettledMesh();
    Member removed = cluster.snapshot().members().get("node-2");

    cluster.changeMembership(snapshot -> {
      Map<String, Member> members = new HashMap<>(snapshot.members());
      members.remove("node-2");
      return new MembershipSnapshot(snapshot.organizationCas(), members);
    });
    assertThat(one.network().recheckMembership()).isEqualTo(1);
    Await.until("node-2 cut off", () -> one.connectedCount() == 0 && two.connectedCount() == 0);
    assertThat(one.listener().events).contains("-node-2:membership_revoked");
    Await.until("node-2's redial refused", () ->
        one.network().metrics().handshakeFailures(HandshakeFailure.NOT_A_MEMBER) >= 1);
    assertThat(one.network().send("node-2", PeerChannel.CONSENSUS, new byte[1]))
        .isEqualTo(SendResult.UNKNOWN_PEER);

    cluster.changeMembership(snapshot -> {
      Map<String, Member> members = new HashMap<>(snapshot.members());
      members.put("node-2", removed);
      return new MembershipSnapshot(snapshot.organizationCas(), members);
    });
    cluster.awaitSettledMesh();
    assertThat(one.network().recheckMembership()).isZero();
    assertThat(one.network().send("node-2", PeerChannel.CONSENSUS, new byte[] {1}))
        .isEqualTo(SendResult.ACCEPTED);
    Await.until("node-2 hears node-1 again", () ->
        two.listener().received("node-1", PeerChannel.CONSENSUS).size() == 1);
  }
}
