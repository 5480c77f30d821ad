package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TieBreakTest {
  private static final List<String> IDS =
      List.of("a", "b", "node-1", "node-10", "node-2", "Z", "\uFF61", "\uD83D\uDE00", "é");

  @Test
  void bothEndsKeepTheSameLinkWhicheverArrivedFirst() {
    for (String one : IDS) {
      for (String other : IDS) {
        if (one.equals(other)) {
          continue;
        }
        // The two simultaneous links between `one` and `other`: dialled by one, and by other.
        // An end where one's link came first and an end where other's came first must agree.
        boolean keepOthersWhenOnesFirst = TieBreak.candidateWins(one, 5, other, 5);
        boolean keepOnesWhenOthersFirst = TieBreak.candidateWins(other, 5, one, 5);
        assertThat(keepOthersWhenOnesFirst).isNotEqualTo(keepOnesWhenOthersFirst);
        String winner = keepOthersWhenOnesFirst ? other : one;
        assertThat(TieBreak.compareIds(winner, winner.equals(one) ? other : one)).isNegative();
      }
    }
  }

  @Test
  void theSmallerIdIsDecidedByUtf8BytesNotJavaChars() {
    // U+FF61 sorts before a surrogate pair as UTF-16 chars but after it as UTF-8 bytes.
    assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(TieBreak.compareIds("\uFF61", "\uD83D\uDE00")).isNegative();
  }

  @Test
  void aRestartedPeersNewLinkReplacesTheStaleOne() {
    assertThat(TieBreak.candidateWins("a", 1, "b", 2)).isTrue();
    assertThat(TieBreak.candidateWins("b", 1, "b", 2)).isTrue();
  }

  @Test
  void aNewerLinkFromTheSameDialerReplacesTheOlder() {
    assertThat(TieBreak.candidateWins("b", 1, "b", 1)).isTrue();
  }
}
