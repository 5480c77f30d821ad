package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final Inbox inbox = new Inbox();
  private final List<Long> delivered = new ArrayList<>();

  private Inbox.Verdict deliver(long incarnation, long sequence) {
    return inbox.deliver(incarnation, sequence, () -> delivered.add(sequence));
  }

  @Test
  void deliversEachSequenceOnceInOrderAndNothingAfterAGap() {
    inbox.attach(7);
    assertThat(deliver(7, 1)).isEqualTo(Inbox.Verdict.DELIVERED);
    assertThat(deliver(7, 2)).isEqualTo(Inbox.Verdict.DELIVERED);
    assertThat(deliver(7, 1)).isEqualTo(Inbox.Verdict.REPEATED);
    assertThat(deliver(7, 2)).isEqualTo(Inbox.Verdict.REPEATED);
    assertThat(deliver(7, 4)).isEqualTo(Inbox.Verdict.GAP);
    assertThat(deliver(7, -1L)).as("the largest uint64").isEqualTo(Inbox.Verdict.GAP);
    assertThat(deliver(7, 3)).isEqualTo(Inbox.Verdict.DELIVERED);
    assertThat(delivered).containsExactly(1L, 2L, 3L);
    assertThat(inbox.delivered(7)).isEqualTo(3);
  }

  @Test
  void aNewIncarnationStartsAgainAndTheOldOnesLinksAreStale() {
    inbox.attach(7);
    deliver(7, 1);
    inbox.attach(7);
    assertThat(deliver(7, 1)).as("same incarnation re-attached").isEqualTo(Inbox.Verdict.REPEATED);
    inbox.attach(8);
    assertThat(inbox.delivered(7)).isZero();
    assertThat(deliver(7, 2)).isEqualTo(Inbox.Verdict.STALE);
    assertThat(deliver(8, 1)).isEqualTo(Inbox.Verdict.DELIVERED);
    assertThat(delivered).containsExactly(1L, 1L);
  }

  @Test
  void nothingIsDeliveredBeforeALinkAttached() {
    assertThat(deliver(7, 1)).isEqualTo(Inbox.Verdict.STALE);
    assertThat(delivered).isEmpty();
  }
}
