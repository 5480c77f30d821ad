package org.alliancechain.node.api;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.config.ClientIdentity;
import org.alliancechain.config.ConsensusParams;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisBuilder;
import org.alliancechain.config.Namespace;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.Organization;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.NodeCertificateRequest;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.execution.GenesisState;
import org.alliancechain.node.runtime.ChainSetup;

/**
 * A real genesis for tests: one organization "bank" with a P-256 CA, an admin and a client;
 * {@code validators} validators with generated Ed25519 consensus keys and CA-issued TLS
 * certificates; an open namespace "trade".
 */
public final class TestGenesis {
  public static final String CHAIN_ID = "api-test";
  private static final SecureRandom RANDOM = new SecureRandom();

  public final Genesis genesis;
  public final List<SigningKey> validatorKeys;
  public final SigningKey admin;
  public final SigningKey client;
  public final SigningKey caKey;
  public final X509Certificate ca;

  private TestGenesis(Genesis genesis, List<SigningKey> validatorKeys, SigningKey admin,
      SigningKey client, SigningKey caKey, X509Certificate ca) {
    this.genesis = genesis;
    this.validatorKeys = List.copyOf(validatorKeys);
    this.admin = admin;
    this.client = client;
    this.caKey = caKey;
    this.ca = ca;
  }

  public static TestGenesis create(int validators, int window) throws Exception {
    Instant now = Instant.now();
    SigningKey caKey = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
    X509Certificate ca = Certificates.createOrganizationCa("bank", caKey,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    SigningKey admin = SigningKey.generate(SignatureScheme.ED25519, RANDOM);
    SigningKey client = SigningKey.generate(SignatureScheme.ED25519, RANDOM);
    GenesisBuilder builder = new GenesisBuilder(CHAIN_ID, CryptoSuite.INTL, now)
        .organization(new Organization("bank", "Bank", ca, List.of(admin.publicKey())))
        .client(new ClientIdentity(client.publicKey(), "bank"))
        .namespace(new Namespace("trade", "bank", List.of()))
        .consensus(new ConsensusParams(window, 16, 2000, 4 << 20, 64 << 10, 1000));
    List<SigningKey> keys = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      SigningKey key = SigningKey.generate(SignatureScheme.ED25519, RANDOM);
      keys.add(key);
      builder.validator(new NodeIdentity("v" + i, "bank", key.publicKey(), issue("v" + i,
          SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM), caKey, ca)));
    }
    return new TestGenesis(builder.build(), keys, admin, client, caKey, ca);
  }

  /** A TLS certificate of the bank CA for {@code nodeId} on 127.0.0.1, and its key. */
  public X509Certificate nodeCertificate(String nodeId, SigningKey tlsKey) throws Exception {
    return issue(nodeId, tlsKey, caKey, ca);
  }

  private static X509Certificate issue(String nodeId, SigningKey tlsKey, SigningKey caKey,
      X509Certificate ca) throws Exception {
    Instant now = Instant.now();
    return Certificates.issueNodeCertificate(new NodeCertificateRequest(nodeId, "bank",
        tlsKey.publicKey(), List.of("localhost"), List.of("127.0.0.1"),
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))), ca, caKey);
  }

  /** The state the genesis defines, as execution starts from it. */
  public GenesisState state() {
    return ChainSetup.of(genesis).genesisState();
  }
}
