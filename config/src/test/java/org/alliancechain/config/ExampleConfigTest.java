package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.junit.jupiter.api.Test;

/** The committed examples load, validate, and their key files match what genesis.json lists. */
class ExampleConfigTest {
  private static byte[] pemBody(Path file) throws Exception {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  /** The Ed25519 public key of an OpenSSL PKCS#8 file, whose last 32 bytes are the RFC 8032 seed. */
  private static PublicKey ed25519PublicKey(Path pkcs8Pem) throws Exception {
    byte[] der = pemBody(pkcs8Pem);
    assertThat(der).hasSize(48);
    return SigningKey.decode(SignatureScheme.ED25519, Arrays.copyOfRange(der, 16, 48)).publicKey();
  }

  @Test
  void exampleNodeAndGenesisLoadAndAgree() throws Exception {
    ChainConfig chain = ChainConfig.load(ExampleFiles.NODE_TOML);
    assertThat(chain.node().node().id()).isEqualTo("validator-a");
    assertThat(chain.genesis().validators()).hasSize(4);
    assertThat(chain.node().p2p().peers()).extracting(Peer::id)
        .containsExactly("validator-b", "validator-c", "validator-d");
    assertThat(chain.node().validate()).isEmpty();
    assertThat(ChainConfig.check(chain.node(), chain.genesis())).isEmpty();
  }

  @Test
  void exampleNodeTomlSpellsOutTheDefaults() throws Exception {
    NodeConfig config = NodeConfig.load(ExampleFiles.NODE_TOML);
    NodeConfig defaults = NodeConfig.defaults(config.node());
    assertThat(config.withP2p(config.p2p().withPeers(List.of()))).isEqualTo(defaults);
  }

  @Test
  void exampleGenesisIsInTheWritersCanonicalForm() throws Exception {
    Genesis genesis = Genesis.load(ExampleFiles.GENESIS);
    assertThat(genesis.toJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(ExampleFiles.genesisBytes());
  }

  @Test
  void signingKeyFilesMatchTheGenesisKeys() throws Exception {
    Genesis genesis = Genesis.load(ExampleFiles.GENESIS);
    Path keys = ExampleFiles.DIR.resolve("keys");
    for (NodeIdentity node : genesis.validators()) {
      assertThat(ed25519PublicKey(keys.resolve(node.id() + ".key.pem"))).isEqualTo(node.publicKey());
    }
    for (NodeIdentity node : genesis.observers()) {
      assertThat(ed25519PublicKey(keys.resolve(node.id() + ".key.pem"))).isEqualTo(node.publicKey());
    }
    for (Organization org : genesis.organizations()) {
      assertThat(org.admins()).containsExactly(ed25519PublicKey(keys.resolve(org.id() + "-admin.key.pem")));
    }
    assertThat(genesis.clients().get(0).publicKey()).isEqualTo(ed25519PublicKey(keys.resolve("client-a.key.pem")));
  }

  @Test
  void tlsKeyFilesMatchTheirCertificates() throws Exception {
    Genesis genesis = Genesis.load(ExampleFiles.GENESIS);
    byte[] message = "example".getBytes(StandardCharsets.US_ASCII);
    for (String id : new String[] {"validator-a", "validator-b", "validator-c", "validator-d", "observer-regulator"}) {
      X509Certificate certificate = genesis.node(id).orElseThrow().tlsCertificate();
      assertThat(certificate).isEqualTo(ExampleFiles.certificate(id + ".crt.pem"));
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
          new PKCS8EncodedKeySpec(pemBody(ExampleFiles.DIR.resolve("tls").resolve(id + ".key.pem"))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(message);
      assertThat(verifier.verify(signature)).as(id).isTrue();
    }
  }
}
