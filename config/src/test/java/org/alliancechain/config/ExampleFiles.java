package org.alliancechain.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/** The committed example material, and genesis variants made from it for the rule tests. */
final class ExampleFiles {
  static final Path DIR = Path.of("examples");
  static final Path GENESIS = DIR.resolve("genesis.json");
  static final Path NODE_TOML = DIR.resolve("node.toml");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExampleFiles() {}

  static byte[] genesisBytes() {
    try {
      return Files.readAllBytes(GENESIS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, mutable tree of the example genesis. */
  static ObjectNode genesisTree() {
    try {
      return (ObjectNode) MAPPER.readTree(genesisBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode node(ObjectNode genesis, String array, int index) {
    return (ObjectNode) genesis.get(array).get(index);
  }

  static byte[] bytes(ObjectNode tree) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example genesis changed by {@code change}, parsed. */
  static Genesis parseChanged(Consumer<ObjectNode> change) throws ConfigException {
    ObjectNode tree = genesisTree();
    change.accept(tree);
    return Genesis.parse(bytes(tree), "genesis.json");
  }

  /** The problem lines of the example genesis changed by {@code change}; fails if it parses. */
  static List<String> problems(Consumer<ObjectNode> change) {
    ObjectNode tree = genesisTree();
    change.accept(tree);
    ConfigException e = assertThrows(ConfigException.class, () -> Genesis.parse(bytes(tree), "genesis.json"));
    return e.problems().stream().map(ConfigProblem::line).toList();
  }

  static String pem(String name) {
    try {
      return Files.readString(DIR.resolve("tls").resolve(name), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static X509Certificate certificate(String name) throws Exception {
    return Certificates.parsePem(pem(name));
  }
}
