package org.alliancechain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems of one file while it is read, so that all are reported at once. */
final class Problems {
  private static final int QUOTED_CHARS_MAX = 60;

  private final String file;
  private final List<ConfigProblem> list = new ArrayList<>();
  private final Set<String> fields = new HashSet<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void add(String field, String value, String expected) {
    list.add(new ConfigProblem(file, field, value, expected));
    fields.add(field);
  }

  void missing(String field, String what) {
    add(field, null, "missing, expected " + what);
  }

  /** Adds {@code problem} unless a problem was already reported for its field. */
  void addUnlessReported(ConfigProblem problem) {
    if (!fields.contains(problem.field())) {
      list.add(problem);
      fields.add(problem.field());
    }
  }

  boolean reported(String field) {
    return fields.contains(field);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<ConfigProblem> list() {
    return List.copyOf(list);
  }

  void throwIfAny() throws ConfigException {
    if (!list.isEmpty()) {
      throw new ConfigException(list);
    }
  }

  /** A string as the reader should see it: quoted, escaped, and cut if long. */
  static String quote(String text) {
    String cut = text.length() > QUOTED_CHARS_MAX ? text.substring(0, QUOTED_CHARS_MAX) + "..." : text;
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A parsed value as the reader should see it, naming containers by their kind in the file. */
  static String describe(JsonNode node, Syntax syntax) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return quote(node.textValue());
    }
    if (node.isObject()) {
      return syntax.objectNoun();
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.asText();
  }
}
