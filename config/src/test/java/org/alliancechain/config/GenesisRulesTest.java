package org.alliancechain.config;

import static org.alliancechain.config.ExampleFiles.node;
import static org.alliancechain.config.ExampleFiles.parseChanged;
import static org.alliancechain.config.ExampleFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The genesis rules that span entries, each with its exact message. */
class GenesisRulesTest {
  private static final String ORGS = "bank-a, bank-b, bank-c, bank-d, regulator";

  @Test
  void nodeIdsAreUniqueAcrossValidatorsAndObservers() {
    assertThat(problems(g -> node(g, "observers", 0).put("id", "validator-b")))
        .containsExactly("genesis.json: observers[0].id: duplicate node id (already validators[1]), got \"validator-b\"");
  }

  @Test
  void organizationIdsAreUnique() {
    assertThat(problems(g -> node(g, "organizations", 4).put("id", "bank-a")))
        .contains("genesis.json: organizations[4].id: duplicate organization id (already organizations[0]), got \"bank-a\"");
  }

  @Test
  void nodeNamesAnExistingOrganization() {
    assertThat(problems(g -> node(g, "validators", 1).put("organization", "bank-x")))
        .containsExactly("genesis.json: validators[1].organization: not an organization of this genesis"
            + " (expected one of " + ORGS + "), got \"bank-x\"");
  }

  @Test
  void clientNamesAnExistingOrganization() {
    assertThat(problems(g -> node(g, "clients", 0).put("organization", "bank-z")))
        .containsExactly("genesis.json: clients[0].organization: not an organization of this genesis"
            + " (expected one of " + ORGS + "), got \"bank-z\"");
  }

  @Test
  void tlsCertificateMustBeIssuedByTheNodesOrganization() {
    assertThat(problems(g -> node(g, "validators", 0).put("organization", "bank-b")))
        .containsExactly("genesis.json: validators[0].tlsCertificate: not issued by organization bank-b's CA"
            + " (the signature does not verify with its key), got \"CN=validator-a,O=Bank A\"");
  }

  @Test
  void certificatesMustBeValidAtGenesisTime() throws Exception {
    X509Certificate ca = ExampleFiles.certificate("bank-a-ca.crt.pem");
    X509Certificate tls = ExampleFiles.certificate("validator-a.crt.pem");
    assertThat(problems(g -> g.put("genesisTime", "2000-01-01T00:00:00Z")))
        .contains(
            "genesis.json: organizations[0].caCertificate: not valid at genesisTime 2000-01-01T00:00:00Z"
                + " (valid from " + ca.getNotBefore().toInstant() + " to " + ca.getNotAfter().toInstant()
                + "), got \"CN=Bank A AllianceChain CA,O=Bank A\"",
            "genesis.json: validators[0].tlsCertificate: not valid at genesisTime 2000-01-01T00:00:00Z"
                + " (valid from " + tls.getNotBefore().toInstant() + " to " + tls.getNotAfter().toInstant()
                + "), got \"CN=validator-a,O=Bank A\"")
        .hasSize(5 + 5); // five CAs, four validators and one observer
  }

  @Test
  void certificateExpiredAtGenesisTimeIsRejected() throws Exception {
    X509Certificate tls = ExampleFiles.certificate("validator-a.crt.pem");
    String afterExpiry = tls.getNotAfter().toInstant().plusSeconds(86_400).toString();
    assertThat(problems(g -> g.put("genesisTime", afterExpiry)))
        .anyMatch(line -> line.startsWith("genesis.json: validators[0].tlsCertificate: not valid at genesisTime " + afterExpiry));
  }

  @Test
  void caCertificateMustBeACa() {
    assertThat(problems(g -> node(g, "organizations", 0).put("caCertificate", ExampleFiles.pem("validator-a.crt.pem"))))
        .containsExactly(
            "genesis.json: organizations[0].caCertificate: not a CA certificate (expected basicConstraints CA:TRUE),"
                + " got \"CN=validator-a,O=Bank A\"",
            "genesis.json: validators[0].tlsCertificate: not issued by organization bank-a's CA"
                + " (the signature does not verify with its key), got \"CN=validator-a,O=Bank A\"");
  }

  @Test
  void certificateMustBePem() {
    assertThat(problems(g -> node(g, "validators", 2).put("tlsCertificate", "hello")))
        .containsExactly("genesis.json: validators[2].tlsCertificate: not a valid PEM X.509 certificate"
            + " (expected -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), got \"hello\"");
  }

  @Test
  void corruptCertificateIsReported() {
    assertThat(problems(g -> node(g, "validators", 2).put("tlsCertificate",
        "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n")))
        .singleElement().asString()
        .startsWith("genesis.json: validators[2].tlsCertificate: not a valid PEM X.509 certificate (");
  }

  @Test
  void nodeKeysAndCertificatesAreDistinct() {
    assertThat(problems(g -> {
      ObjectNode first = node(g, "validators", 0);
      ObjectNode second = node(g, "validators", 1);
      second.put("organization", "bank-a");
      second.set("publicKey", first.get("publicKey"));
      second.set("tlsCertificate", first.get("tlsCertificate"));
    })).containsExactly(
        "genesis.json: validators[1].publicKey: the same key as validators[0] (expected a distinct key per node), got \""
            + ExampleFiles.genesisTree().get("validators").get(0).get("publicKey").textValue() + "\"",
        "genesis.json: validators[1].tlsCertificate: the same certificate as validators[0]"
            + " (expected a distinct certificate per node), got \"CN=validator-a,O=Bank A\"");
  }

  @Test
  void atLeastOneValidator() {
    assertThat(problems(g -> g.putArray("validators")))
        .containsExactly("genesis.json: validators: expected at least one validator, got an empty array");
    assertThat(problems(g -> g.remove("validators")))
        .containsExactly("genesis.json: validators: missing, expected at least one validator");
  }

  @Test
  void organizationNamesAreSingleLinesOfText() {
    assertThat(problems(g -> {
      node(g, "organizations", 0).put("name", "Bank A\nINFO forged log line");
      node(g, "organizations", 1).put("name", " ");
    })).containsExactly(
        "genesis.json: organizations[0].name: expected 1..256 characters without control characters,"
            + " got \"Bank A\\nINFO forged log line\"",
        "genesis.json: organizations[1].name: expected 1..256 characters without control characters, got \" \"");
  }

  @Test
  void everyOrganizationHasAnAdmin() {
    assertThat(problems(g -> node(g, "organizations", 3).putArray("admins")))
        .containsExactly("genesis.json: organizations[3].admins: expected at least one admin public key, got an empty array");
  }

  @Test
  void namespacesAreUniqueAndWellNamed() {
    assertThat(problems(g -> {
      node(g, "namespaces", 1).put("name", "evidence");
      ((ArrayNode) g.get("namespaces")).addObject().put("name", "Bad Name");
    })).containsExactly(
        "genesis.json: namespaces[2].name: expected 1..64 characters of a-z, 0-9, '.', '_', '-', got \"Bad Name\"",
        "genesis.json: namespaces[1].name: duplicate namespace (already namespaces[0])"
            + ", got \"evidence\"");
  }

  @Test
  void aNamespaceOwnerIsAnOrganization() {
    assertThat(problems(g -> node(g, "namespaces", 0).put("owner", "bank-z")))
        .containsExactly("genesis.json: namespaces[0].owner: not an organization of this genesis"
            + " (expected one of bank-a, bank-b, bank-c, bank-d, regulator), got \"bank-z\"");
  }

  @Test
  void aNamespaceWithoutOwnerBelongsToTheFirstOrganization() throws Exception {
    Genesis genesis = parseChanged(g -> node(g, "namespaces", 1).remove("owner"));
    assertThat(genesis.namespaces().get(1).owner()).isEqualTo("bank-a");
  }

  @Test
  void clientsAreListedOnce() {
    assertThat(problems(g -> ((ArrayNode) g.get("clients")).add(node(g, "clients", 0).deepCopy())))
        .containsExactly("genesis.json: clients[1].publicKey: the same key as clients[0] (expected each client once), got \""
            + ExampleFiles.genesisTree().get("clients").get(0).get("publicKey").textValue() + "\"");
  }

  @Test
  void emptyWritersMeanAnyIdentity() throws Exception {
    Genesis genesis = parseChanged(g -> { });
    Namespace evidence = genesis.namespaces().get(0);
    assertThat(evidence.writers()).isEmpty();
    assertThat(evidence.allowsWriter(genesis.clients().get(0).publicKey())).isTrue();
    Namespace registry = genesis.namespaces().get(1);
    assertThat(registry.allowsWriter(genesis.organizations().get(0).admins().get(0))).isTrue();
    assertThat(registry.allowsWriter(genesis.clients().get(0).publicKey())).isFalse();
  }
}
