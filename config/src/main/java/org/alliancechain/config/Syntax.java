package org.alliancechain.config;

/** The two file formats, for the words their error messages use. */
enum Syntax {
  TOML("a table", "TOML"),
  JSON("an object", "JSON");

  private final String objectNoun;
  private final String displayName;

  Syntax(String objectNoun, String displayName) {
    this.objectNoun = objectNoun;
    this.displayName = displayName;
  }

  String objectNoun() {
    return objectNoun;
  }

  String displayName() {
    return displayName;
  }
}
