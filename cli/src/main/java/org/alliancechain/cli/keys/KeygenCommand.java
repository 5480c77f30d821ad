package org.alliancechain.cli.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alliance keygen}: a new signing key for a client, an admin or a node. */
@Command(name = "keygen", header = "Generates a signing key for a client, an admin or a node.",
    description = {
    "Generates a signing key: a PKCS#8 PEM private key (owner-only permissions) and its public",
    "key, for a client identity, an organization admin or a node.",
    "Register a client key with `alliance tx submit register-client`."})
public final class KeygenCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Where to write the private key; the public key goes to FILE.pub")
  Path out;

  @Option(names = "--suite", defaultValue = "intl", paramLabel = "SUITE",
      description = "The chain's crypto suite: intl (Ed25519) or sm (SM2). Default: ${DEFAULT-VALUE}")
  String suite;

  @Option(names = "--scheme", paramLabel = "SCHEME",
      description = "A signature scheme other than the suite's default: ed25519, ecdsa-p256, sm2")
  String scheme;

  @Override
  public Integer call() throws CliException {
    SignatureScheme chosen = scheme();
    SigningKey key = SigningKey.generate(chosen, new SecureRandom());
    Path publicFile = out.resolveSibling(out.getFileName() + ".pub");
    KeyFiles.writePrivate(out, key);
    KeyFiles.writePublic(publicFile, key);
    System.out.println("private key: " + out + " (" + chosen.id() + ", readable by you only)");
    System.out.println("public key:  " + publicFile);
    System.out.println("             " + key.publicKey().toBase64());
    return ExitCode.OK;
  }

  private SignatureScheme scheme() throws CliException {
    try {
      CryptoSuite chain = CryptoSuite.fromId(suite);
      if (scheme == null) {
        return chain.defaultScheme();
      }
      SignatureScheme named = SignatureScheme.fromId(scheme);
      if (!chain.allows(named)) {
        throw CliException.badInput("a " + suite + " chain does not accept " + scheme + " keys",
            "omit --scheme to use " + chain.defaultScheme().id() + ", or pick a scheme the "
                + suite + " suite allows");
      }
      return named;
    } catch (CryptoException e) {
      throw CliException.badInput(e.getMessage(), null);
    }
  }
}
