package org.alliancechain.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys: a small edit distance, or the same key in another case style. */
final class Suggestions {
  private static final int DISTANCE_MAX = 2;

  private Suggestions() {}

  /** The known key closest to {@code unknown}, if it is close enough to be a likely typo. */
  static Optional<String> closest(String unknown, Collection<String> known) {
    String bestKey = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (normalized(candidate).equals(normalized(unknown))) {
        return Optional.of(candidate); // chain_id for chainId, MAX_BYTES for max_bytes
      }
      int distance = distance(unknown.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        bestKey = candidate;
      }
    }
    int allowed = Math.min(DISTANCE_MAX, Math.max(1, unknown.length() / 3));
    return bestDistance <= allowed ? Optional.of(bestKey) : Optional.empty();
  }

  private static String normalized(String key) {
    return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
