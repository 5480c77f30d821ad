package org.alliancechain.node.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.NodeSection;
import org.alliancechain.crypto.CertificatePem;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.p2p.TlsIdentity;

/** The node's consensus signing key and TLS identity, read from its files and checked. */
record NodeKeys(SigningKey signingKey, TlsIdentity tls) {

  static NodeKeys load(NodeSection node, NodeIdentity identity) throws NodeStartException {
    SigningKey signingKey = readKey(node.keyFile(), identity.publicKey().scheme(), "key_file");
    if (!signingKey.publicKey().equals(identity.publicKey())) {
      throw new NodeStartException(node.keyFile() + " (key_file) holds the key "
          + signingKey.publicKey() + ", but genesis lists " + identity.publicKey() + " for node "
          + node.id() + ": use the key generated for this node");
    }
    SigningKey tlsKey = readKey(node.tlsKeyFile(), SignatureScheme.ECDSA_P256, "tls_key_file");
    List<X509Certificate> chain;
    try {
      chain = CertificatePem.decodeChain(read(node.tlsCertFile(), "tls_cert_file"));
      if (chain.isEmpty()) {
        throw new NodeStartException(node.tlsCertFile() + " (tls_cert_file) holds no certificate");
      }
      if (!org.alliancechain.crypto.Certificates.publicKeyOf(chain.get(0))
          .equals(tlsKey.publicKey())) {
        throw new NodeStartException(node.tlsKeyFile() + " (tls_key_file) is not the key of the"
            + " certificate in " + node.tlsCertFile() + ": use the pair generated together");
      }
      return new NodeKeys(signingKey, new TlsIdentity(node.id(), tlsKey.toJcaPrivateKey(), chain));
    } catch (CryptoException e) {
      throw new NodeStartException(node.tlsCertFile() + " (tls_cert_file): " + e.getMessage(), e);
    }
  }

  /** The consensus key only when this node is a validator. */
  Optional<SigningKey> validatorKey(boolean validator) {
    return validator ? Optional.of(signingKey) : Optional.empty();
  }

  private static SigningKey readKey(Path file, SignatureScheme scheme, String field)
      throws NodeStartException {
    try {
      return KeyPem.decodePrivate(read(file, field), scheme);
    } catch (CryptoException e) {
      throw new NodeStartException(file + " (" + field + "): " + e.getMessage(), e);
    }
  }

  private static String read(Path file, String field) throws NodeStartException {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new NodeStartException("cannot read " + field + " " + file + ": " + e.getMessage(), e);
    }
  }
}
