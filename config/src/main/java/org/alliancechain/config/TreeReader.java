package org.alliancechain.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values out of one table (TOML) or object (JSON) of a parsed tree. A value of the
 * wrong type or out of range is reported to {@link Problems} and the fallback is returned, so that
 * reading goes on and every problem of the file is found in one pass.
 */
final class TreeReader {
  private final Problems problems;
  private final Syntax syntax;
  private final JsonNode node;
  private final String path;

  private TreeReader(Problems problems, Syntax syntax, JsonNode node, String path) {
    this.problems = problems;
    this.syntax = syntax;
    this.node = node;
    this.path = path;
  }

  /** The reader of the document root; a root that is not a table/object is a problem. */
  static TreeReader root(JsonNode root, Problems problems, Syntax syntax) {
    if (root == null || root.isMissingNode()) {
      return new TreeReader(problems, syntax, JsonNodeFactory.instance.objectNode(), "");
    }
    if (!root.isObject()) {
      problems.add("", Problems.describe(root, syntax), "expected " + syntax.objectNoun() + " at the top level");
      return new TreeReader(problems, syntax, JsonNodeFactory.instance.objectNode(), "");
    }
    return new TreeReader(problems, syntax, root, "");
  }

  /** The reader of an array element that is a table/object (the caller has checked it is). */
  static TreeReader of(Element element, Problems problems, Syntax syntax) {
    return new TreeReader(problems, syntax, element.node(), element.field());
  }

  /** The dotted path of {@code key} in this table, as problems name it. */
  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  Syntax syntax() {
    return syntax;
  }

  boolean has(String key) {
    return node.has(key);
  }

  /** Reports every key that is not one of {@code known}, with a suggestion when one is close. */
  void allowOnly(Collection<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = Suggestions.closest(name, known)
            .map(s -> "unknown key (did you mean \"" + s + "\"?)")
            .orElseGet(() -> "unknown key (valid keys here: " + String.join(", ", known) + ")");
        problems.add(field(name), null, hint);
      }
    }
  }

  /** The string at {@code key}, or {@code fallback} when absent or not a string. */
  String text(String key, String fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      problems.add(field(key), Problems.describe(value, syntax), "expected a string");
      return fallback;
    }
    return value.textValue();
  }

  /** The string at {@code key}; {@code null} (and a problem) when absent or not a string. */
  String requiredText(String key, String what) {
    if (!node.has(key)) {
      problems.missing(field(key), what);
      return null;
    }
    return text(key, null);
  }

  Optional<String> optionalText(String key) {
    return Optional.ofNullable(text(key, null));
  }

  /** The integer at {@code key} within {@code bounds}, or {@code fallback}. */
  long integer(String key, Bounds bounds, long fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber()) {
      problems.add(field(key), Problems.describe(value, syntax), bounds.expected());
      return fallback;
    }
    if (!value.canConvertToLong() || !bounds.contains(value.longValue())) {
      problems.add(field(key), value.asText(), bounds.expected());
      return fallback;
    }
    return value.longValue();
  }

  int integerInt(String key, Bounds bounds, int fallback) {
    return (int) integer(key, bounds, fallback);
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problems.add(field(key), Problems.describe(value, syntax), "expected true or false");
      return fallback;
    }
    return value.booleanValue();
  }

  /** The table at {@code key}; an absent one reads as empty so that its defaults apply. */
  TreeReader table(String key) {
    JsonNode value = node.get(key);
    if (value != null && !value.isObject()) {
      problems.add(field(key), Problems.describe(value, syntax), "expected " + syntax.objectNoun());
      value = null;
    }
    JsonNode table = value == null ? JsonNodeFactory.instance.objectNode() : value;
    return new TreeReader(problems, syntax, table, field(key));
  }

  /** The tables of the array at {@code key} (absent = empty); elements of another type are problems. */
  List<TreeReader> tables(String key) {
    List<TreeReader> tables = new ArrayList<>();
    for (Element element : elements(key)) {
      if (element.node().isObject()) {
        tables.add(of(element, problems, syntax));
      } else {
        problems.add(element.field(), Problems.describe(element.node(), syntax),
            "expected " + syntax.objectNoun());
      }
    }
    return tables;
  }

  /** The value at {@code key} with its field path; its node is {@code null} when absent. */
  Element element(String key) {
    return new Element(field(key), node.get(key));
  }

  /** The elements of the array at {@code key}, each with its field path; absent = empty. */
  List<Element> elements(String key) {
    JsonNode value = node.get(key);
    List<Element> elements = new ArrayList<>();
    if (value == null) {
      return elements;
    }
    if (!value.isArray()) {
      problems.add(field(key), Problems.describe(value, syntax), "expected an array");
      return elements;
    }
    for (int i = 0; i < value.size(); i++) {
      elements.add(new Element(field(key) + "[" + i + "]", value.get(i)));
    }
    return elements;
  }

  /** One element of an array with the path that problems name it by. */
  record Element(String field, JsonNode node) {}
}
