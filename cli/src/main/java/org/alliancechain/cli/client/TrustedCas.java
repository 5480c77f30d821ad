package org.alliancechain.cli.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancechain.cli.CliException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.Organization;
import org.alliancechain.crypto.CertificatePem;

/**
 * The CA certificates the CLI trusts for a TLS API: one given file ({@code --tls-ca}), or the
 * organization CAs of the node's genesis (a node's API certificate is its TLS certificate,
 * issued by its organization's CA, which genesis lists).
 *
 * @param source where the certificates came from, for messages
 * @param pem the certificates, PEM
 */
public record TrustedCas(String source, byte[] pem) {
  static TrustedCas file(Path file) throws CliException {
    if (!Files.isReadable(file)) {
      throw CliException.badInput("the CA certificate " + file + " cannot be read",
          "pass --tls-ca with the PEM certificate of the CA that issued the node's API certificate");
    }
    try {
      return new TrustedCas("--tls-ca " + file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw CliException.badInput("cannot read " + file + ": " + e.getMessage(),
          "pass --tls-ca with a readable PEM X.509 certificate");
    }
  }

  static TrustedCas organizationsOf(Genesis genesis, Path genesisFile) {
    StringBuilder pem = new StringBuilder();
    for (Organization organization : genesis.organizations()) {
      pem.append(CertificatePem.encode(organization.caCertificate()));
    }
    return new TrustedCas("the organization CAs of " + genesisFile,
        pem.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
