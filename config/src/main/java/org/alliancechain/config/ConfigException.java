package org.alliancechain.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration that cannot be used. Carries every problem found, not only the first, so that an
 * operator fixes a file in one pass; the message lists them one per line.
 */
public class ConfigException extends Exception {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order as far as the checks allow. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().map(ConfigProblem::line).collect(Collectors.joining("\n"));
  }
}
