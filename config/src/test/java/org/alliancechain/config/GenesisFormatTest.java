package org.alliancechain.config;

import static org.alliancechain.config.ExampleFiles.parseChanged;
import static org.alliancechain.config.ExampleFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import org.alliancechain.crypto.CryptoSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genesis.json as a file: syntax, keys, top-level fields, consensus parameters, the hash. */
class GenesisFormatTest {
  private static String message(byte[] bytes) {
    return assertThrows(ConfigException.class, () -> Genesis.parse(bytes, "genesis.json")).getMessage();
  }

  @Test
  void exampleFieldsAreRead() throws Exception {
    Genesis genesis = Genesis.load(ExampleFiles.GENESIS);
    assertThat(genesis.chainId()).isEqualTo("example-local");
    assertThat(genesis.suite()).isEqualTo(CryptoSuite.INTL);
    assertThat(genesis.organizations()).extracting(Organization::id)
        .containsExactly("bank-a", "bank-b", "bank-c", "bank-d", "regulator");
    assertThat(genesis.validators()).extracting(NodeIdentity::id)
        .containsExactly("validator-a", "validator-b", "validator-c", "validator-d");
    assertThat(genesis.observers()).extracting(NodeIdentity::id).containsExactly("observer-regulator");
    assertThat(genesis.isValidator("observer-regulator")).isFalse();
    assertThat(genesis.node("observer-regulator")).isPresent();
    assertThat(genesis.organization("regulator").orElseThrow().name()).isEqualTo("Regulator");
  }

  @Test
  void genesisHashIsTheSuiteHashOfTheExactFileBytes() throws Exception {
    byte[] bytes = ExampleFiles.genesisBytes();
    Genesis genesis = Genesis.parse(bytes, "genesis.json");
    assertThat(genesis.genesisHash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(genesis.bytes()).isEqualTo(bytes);

    byte[] reformatted = (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    Genesis same = Genesis.parse(reformatted, "genesis.json");
    assertThat(same.validators()).isEqualTo(genesis.validators());
    assertThat(same.genesisHash()).isNotEqualTo(genesis.genesisHash());
    assertThat(same).isNotEqualTo(genesis); // another file is another chain
    assertThat(Genesis.parse(bytes.clone(), "genesis.json")).isEqualTo(genesis).hasSameHashCodeAs(genesis);
  }

  @Test
  void consensusDefaultsApplyToAbsentKeys() throws Exception {
    Genesis genesis = parseChanged(g -> g.remove("consensus"));
    assertThat(genesis.consensus()).isEqualTo(ConsensusParams.defaults());
    ConsensusParams d = ConsensusParams.defaults();
    assertThat(d.window()).isEqualTo(2);
    assertThat(d.checkpointInterval()).isEqualTo(16);
    assertThat(d.blockTransactionsMax()).isEqualTo(2000);
    assertThat(d.blockBytesMax()).isEqualTo(4 * 1024 * 1024);
    assertThat(d.transactionBytesMax()).isEqualTo(64 * 1024);
    assertThat(d.transactionLifetimeBlocks()).isEqualTo(1000);
    assertThat(parseChanged(g -> ((ObjectNode) g.get("consensus")).put("window", 4)).consensus().window()).isEqualTo(4);
  }

  @Test
  void consensusParametersAreBounded() {
    assertThat(problems(g -> {
      ObjectNode consensus = (ObjectNode) g.get("consensus");
      consensus.put("window", 17);
      consensus.put("checkpointInterval", 0);
      consensus.put("maxBlockTransactions", "2000");
      consensus.put("maxBlockBytes", 1024);
      consensus.put("transactionLifetimeBlocks", 2.5);
    })).containsExactly(
        "genesis.json: consensus.maxBlockBytes: expected an integer in 16384..134217728 (16 KiB..128 MiB), got 1024",
        "genesis.json: consensus.window: expected an integer in 1..16, got 17",
        "genesis.json: consensus.checkpointInterval: expected an integer in 1..1000000, got 0",
        "genesis.json: consensus.maxBlockTransactions: expected an integer in 1..1000000, got \"2000\"",
        "genesis.json: consensus.transactionLifetimeBlocks: expected an integer in 1..1000000, got 2.5");
  }

  @Test
  void transactionMustFitInABlock() {
    assertThat(problems(g -> {
      ObjectNode consensus = (ObjectNode) g.get("consensus");
      consensus.put("maxBlockBytes", 65536);
      consensus.put("maxTransactionBytes", 65537);
    })).containsExactly("genesis.json: consensus.maxTransactionBytes: expected at most consensus.maxBlockBytes (65536), got 65537");
  }

  @Test
  void topLevelFieldsAreChecked() {
    assertThat(problems(g -> {
      g.put("chainId", "Example Chain");
      g.put("suite", "rsa");
      g.put("genesisTime", "2026-02-30T00:00:00Z");
    })).containsExactly(
        "genesis.json: chainId: expected 1..64 characters of a-z, 0-9, '.', '_', '-', got \"Example Chain\"",
        "genesis.json: suite: unknown crypto suite (expected \"intl\" or \"sm\"), got \"rsa\"",
        "genesis.json: genesisTime: expected an RFC 3339 time such as \"2026-01-01T00:00:00Z\", got \"2026-02-30T00:00:00Z\"");
  }

  @Test
  void genesisTimeAcceptsOffsets() throws Exception {
    Genesis genesis = parseChanged(g -> g.put("genesisTime", "2027-01-01T08:00:00+08:00"));
    assertThat(genesis.genesisTime()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void missingFieldsSayWhatIsExpected() {
    assertThat(problems(g -> {
      g.remove("chainId");
      g.remove("suite");
      ObjectNode validator = (ObjectNode) g.get("validators").get(0);
      validator.remove("tlsCertificate");
    })).containsExactly(
        "genesis.json: chainId: missing, expected the chain id (1..64 characters of a-z, 0-9, '.', '_', '-')",
        "genesis.json: suite: missing, expected the crypto suite: \"intl\" or \"sm\"",
        "genesis.json: validators[0].tlsCertificate: missing, expected the node's PEM TLS certificate");
  }

  @Test
  void unknownKeysAreProblemsWithASuggestionWhenClose() {
    assertThat(problems(g -> {
      g.set("chain_id", g.remove("chainId"));
      ((ObjectNode) g.get("consensus")).put("windw", 3);
      ((ObjectNode) g.get("validators").get(0)).put("comment", "x");
    })).containsExactly(
        "genesis.json: chain_id: unknown key (did you mean \"chainId\"?)",
        "genesis.json: chainId: missing, expected the chain id (1..64 characters of a-z, 0-9, '.', '_', '-')",
        "genesis.json: validators[0].comment: unknown key (valid keys here: id, organization, publicKey, tlsCertificate)",
        "genesis.json: consensus.windw: unknown key (did you mean \"window\"?)");
  }

  @Test
  void syntaxErrorsGiveLineAndColumn() {
    assertThat(message("{\n  \"chainId\": \"x\",\n  \"suite\": }\n".getBytes(StandardCharsets.UTF_8)))
        .startsWith("genesis.json: line 3, column 12: JSON syntax error: Unexpected character ('}' (code 125))");
    assertThat(message("{\"chainId\": \"a\",\n \"chainId\": \"b\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("genesis.json: line 2, column 11: JSON syntax error: Duplicate field 'chainId'");
    assertThat(message("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("genesis.json: line 1, column 4: JSON syntax error: more content after the end of the"
            + " document (expected a single object)");
  }

  @Test
  void documentMustBeAnObject() {
    assertThat(message("[]".getBytes(StandardCharsets.UTF_8)))
        .startsWith("genesis.json: expected an object at the top level, got an array\n");
    assertThat(message(new byte[0])).startsWith("genesis.json: chainId: missing");
    assertThat(message(new byte[] {'{', (byte) 0xff, '}'}))
        .isEqualTo("genesis.json: not UTF-8 text (expected a UTF-8 encoded file)");
  }

  @Test
  void missingFileSaysWhichPathWasTried(@TempDir Path directory) {
    Path file = directory.resolve("nowhere").resolve("genesis.json");
    assertThat(assertThrows(ConfigException.class, () -> Genesis.load(file)).getMessage())
        .isEqualTo(file + ": file not found (tried " + file.toAbsolutePath() + ")");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(problems(g -> {
      g.put("chainId", "");
      ((ObjectNode) g.get("validators").get(1)).put("organization", "nobody");
      ((ObjectNode) g.get("validators").get(2)).put("publicKey", "AAAA");
      ((ObjectNode) g.get("consensus")).put("window", 0);
      g.put("extra", true);
    })).hasSize(5);
  }
}
