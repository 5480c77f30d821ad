package org.alliancechain.p2p;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which of two authenticated links to the same peer survives (ADR 0040). Both ends apply the
 * same rule to the same facts, so they close the same link without talking about it:
 * <ol>
 *   <li>links from different incarnations of the peer: the peer restarted, the older link is
 *       stale, the candidate wins;
 *   <li>links dialled by the same node: it dials only when it believes it has no link, so the
 *       candidate (newer) wins;
 *   <li>otherwise the link dialled by the node whose id is smaller (unsigned UTF-8 bytes) wins.
 * </ol>
 */
final class TieBreak {
  private TieBreak() {}

  static boolean candidateWins(
      String existingDialer, long existingIncarnation,
      String candidateDialer, long candidateIncarnation) {
    if (existingIncarnation != candidateIncarnation) {
      return true;
    }
    if (existingDialer.equals(candidateDialer)) {
      return true;
    }
    return compareIds(candidateDialer, existingDialer) < 0;
  }

  /** Node ids in unsigned UTF-8 byte order: the same on every platform and language. */
  static int compareIds(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
