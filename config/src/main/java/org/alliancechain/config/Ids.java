package org.alliancechain.config;

import java.util.regex.Pattern;

/**
 * The one spelling rule for names that end up in blocks, logs, metrics labels and file names:
 * chain id, organization and node ids, namespace names.
 */
final class Ids {
  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,64}");
  static final String RULE = "1..64 characters of a-z, 0-9, '.', '_', '-'";
  static final String EXPECTED = "expected " + RULE;

  private Ids() {}

  static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Reports {@code id} at {@code field} unless it is valid; returns whether it is. */
  static boolean check(Problems problems, String field, String id) {
    if (id != null && !valid(id)) {
      problems.add(field, Problems.quote(id), EXPECTED);
      return false;
    }
    return id != null;
  }
}
