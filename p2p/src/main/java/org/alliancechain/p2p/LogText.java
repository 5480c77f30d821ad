package org.alliancechain.p2p;

/** Makes text a peer chose safe to log: short, one line, control characters escaped. */
final class LogText {
  static final int CHARS_MAX = 80;

  private LogText() {}

  static String quote(String peerText) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(peerText.length(), CHARS_MAX);
    for (int i = 0; i < shown; i++) {
      char c = peerText.charAt(i);
      if (Character.isISOControl(c) || c == '\'') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (peerText.length() > shown) {
      out.append("... (").append(peerText.length()).append(" chars)");
    }
    return out.toString();
  }
}
