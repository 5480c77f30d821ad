package org.alliancechain.config;

import static org.alliancechain.config.ExampleFiles.node;
import static org.alliancechain.config.ExampleFiles.parseChanged;
import static org.alliancechain.config.ExampleFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class GenesisKeysTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] exampleKey(ObjectNode genesis, int validator) {
    return Base64.getDecoder().decode(node(genesis, "validators", validator).get("publicKey").textValue());
  }

  @Test
  void keyOfWrongLengthIsReportedWithItsLength() {
    assertThat(problems(g -> node(g, "validators", 2).put("publicKey",
        base64(Arrays.copyOf(exampleKey(g, 2), 31)))))
        .containsExactly("genesis.json: validators[2].publicKey: not a valid Ed25519 key"
            + " (expected 32 bytes, base64), got 31 bytes");
  }

  @Test
  void keyThatIsNotBase64IsReported() {
    assertThat(problems(g -> node(g, "validators", 0).put("publicKey", "not base64!")))
        .containsExactly("genesis.json: validators[0].publicKey: not base64 (expected the base64 of a"
            + " 32-byte Ed25519 public key), got \"not base64!\"");
  }

  @Test
  void bytesThatAreNoCurvePointAreReported() {
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xff);
    assertThat(problems(g -> node(g, "validators", 1).put("publicKey", base64(notAPoint))))
        .containsExactly("genesis.json: validators[1].publicKey: not a valid Ed25519 key (the 32 bytes"
            + " do not encode a point of the prime-order subgroup), got \"" + base64(notAPoint) + "\"");
  }

  @Test
  void objectFormNamesAnotherSchemeOfTheSuite() throws Exception {
    PublicKey p256 = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM).publicKey();
    Genesis genesis = parseChanged(g -> {
      ObjectNode key = node(g, "validators", 3).putObject("publicKey");
      key.put("scheme", "ecdsa-p256");
      key.put("key", p256.toBase64());
    });
    assertThat(genesis.validators().get(3).publicKey()).isEqualTo(p256);
    assertThat(genesis.validators().get(0).publicKey().scheme()).isEqualTo(SignatureScheme.ED25519);
    assertThat(genesis.toJson()).contains("\"publicKey\": {\n        \"scheme\": \"ecdsa-p256\",\n        \"key\": \""
        + p256.toBase64() + "\"\n      }");
  }

  @Test
  void objectFormWithTheDefaultSchemeIsAccepted() throws Exception {
    Genesis genesis = parseChanged(g -> {
      String base64 = node(g, "validators", 0).get("publicKey").textValue();
      ObjectNode key = node(g, "validators", 0).putObject("publicKey");
      key.put("scheme", "ed25519");
      key.put("key", base64);
    });
    assertThat(genesis.validators().get(0).publicKey().scheme()).isEqualTo(SignatureScheme.ED25519);
  }

  @Test
  void objectFormKeyIsCheckedAgainstItsScheme() {
    assertThat(problems(g -> {
      String ed25519 = base64(exampleKey(g, 0));
      ObjectNode key = node(g, "validators", 0).putObject("publicKey");
      key.put("scheme", "ecdsa-p256");
      key.put("key", ed25519);
    })).containsExactly("genesis.json: validators[0].publicKey.key: not a valid ECDSA P-256 key"
        + " (expected 65 bytes: 0x04||X||Y, base64), got 32 bytes");
  }

  @Test
  void schemeOutsideTheSuiteIsRejected() {
    PublicKey sm2 = SigningKey.generate(SignatureScheme.SM2, RANDOM).publicKey();
    assertThat(problems(g -> {
      ObjectNode key = node(g, "validators", 0).putObject("publicKey");
      key.put("scheme", "sm2");
      key.put("key", sm2.toBase64());
    })).containsExactly("genesis.json: validators[0].publicKey.scheme: not allowed in suite intl"
        + " (expected one of ed25519, ecdsa-p256), got \"sm2\"");
  }

  @Test
  void unknownSchemeAndMisspeltKeyAreBothReported() {
    assertThat(problems(g -> {
      ObjectNode key = node(g, "validators", 0).putObject("publicKey");
      key.put("scheme", "rsa");
      key.put("keys", "AAAA");
    })).containsExactly(
        "genesis.json: validators[0].publicKey.keys: unknown key (did you mean \"key\"?)",
        "genesis.json: validators[0].publicKey.key: missing, expected the base64 of the public key",
        "genesis.json: validators[0].publicKey.scheme: unknown signature scheme"
            + " (expected one of ed25519, ecdsa-p256), got \"rsa\"");
  }

  @Test
  void keyOfAnotherTypeIsReported() {
    assertThat(problems(g -> node(g, "validators", 0).put("publicKey", 42)))
        .containsExactly("genesis.json: validators[0].publicKey: expected a base64 public key or"
            + " {\"scheme\": ..., \"key\": ...}, got 42");
  }

  @Test
  void adminWriterAndClientKeysAreCheckedToo() {
    assertThat(problems(g -> {
      ((ObjectNode) g.get("organizations").get(1)).putArray("admins").add("AAAA");
      ((ObjectNode) g.get("namespaces").get(0)).putArray("writers").add("AAAA");
      node(g, "clients", 0).put("publicKey", "AAAA");
    })).containsExactly(
        "genesis.json: organizations[1].admins[0]: not a valid Ed25519 key (expected 32 bytes, base64), got 3 bytes",
        "genesis.json: clients[0].publicKey: not a valid Ed25519 key (expected 32 bytes, base64), got 3 bytes",
        "genesis.json: namespaces[0].writers[0]: not a valid Ed25519 key (expected 32 bytes, base64), got 3 bytes");
  }

  @Test
  void smSuiteReadsStringKeysAsSm2() throws Exception {
    PublicKey[] keys = new PublicKey[4];
    Genesis genesis = parseChanged(g -> {
      g.put("suite", "sm");
      for (int i = 0; i < 4; i++) {
        keys[i] = SigningKey.generate(SignatureScheme.SM2, RANDOM).publicKey();
        node(g, "validators", i).put("publicKey", keys[i].toBase64());
      }
      node(g, "observers", 0).put("publicKey", SigningKey.generate(SignatureScheme.SM2, RANDOM).publicKey().toBase64());
      g.get("organizations").forEach(org -> ((ObjectNode) org).putArray("admins")
          .add(SigningKey.generate(SignatureScheme.SM2, RANDOM).publicKey().toBase64()));
      g.remove("clients");
      g.remove("namespaces");
    });
    assertThat(genesis.validators()).extracting(NodeIdentity::publicKey).containsExactly(keys);
    assertThat(genesis.genesisHash()).isEqualTo(org.alliancechain.crypto.HashAlgorithm.SM3.digest(genesis.bytes()));
  }

  @Test
  void smSuiteRejectsEd25519Keys() {
    assertThat(problems(g -> g.put("suite", "sm")))
        .contains("genesis.json: validators[0].publicKey: not a valid SM2 key (expected 65 bytes:"
            + " 0x04||X||Y, base64), got 32 bytes")
        .hasSize(5 + 4 + 1 + 1 + 1); // 5 admins, 4 validators, 1 observer, 1 client, 1 writer
  }
}
