package org.alliancechain.cli.bench;

/** Reads one sample out of Prometheus text exposition, enough for the bench's few metrics. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The value of the first sample of {@code name} whose labels contain {@code labelFragment}
   * (e.g. {@code area="heap"}; empty for any), or NaN when there is none.
   */
  static double value(String text, String name, String labelFragment) {
    if (text == null) {
      return Double.NaN;
    }
    for (String line : text.split("\n")) {
      if (!line.startsWith(name) || line.startsWith("#")) {
        continue;
      }
      String rest = line.substring(name.length());
      String labels = "";
      if (rest.startsWith("{")) {
        int end = rest.indexOf('}');
        labels = rest.substring(1, end);
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue;
      }
      if (!labels.contains(labelFragment)) {
        continue;
      }
      String[] fields = rest.trim().split("\\s+");
      try {
        return Double.parseDouble(fields[0]);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
