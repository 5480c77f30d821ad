package org.alliancechain.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cryptographic suite of a chain, chosen once in genesis: the hash of blocks, transactions
 * and Merkle trees, and the signature scheme that validators and clients use by default.
 */
public enum CryptoSuite {
  /** SHA-256 and Ed25519 (ECDSA P-256 accepted where an HSM or PKI needs it). */
  INTL("intl", HashAlgorithm.SHA_256, SignatureScheme.ED25519),
  /** SM3 (GB/T 32905) and SM2 (GB/T 32918), as Chinese financial and government deployments require. */
  SM("sm", HashAlgorithm.SM3, SignatureScheme.SM2);

  private final String id;
  private final HashAlgorithm hash;
  private final SignatureScheme defaultScheme;

  CryptoSuite(String id, HashAlgorithm hash, SignatureScheme defaultScheme) {
    this.id = id;
    this.hash = hash;
    this.defaultScheme = defaultScheme;
  }

  /** The name used in genesis.json and on the command line: {@code intl} or {@code sm}. */
  public String id() {
    return id;
  }

  public HashAlgorithm hash() {
    return hash;
  }

  public SignatureScheme defaultScheme() {
    return defaultScheme;
  }

  /** Whether keys of {@code scheme} may sign on a chain of this suite. */
  public boolean allows(SignatureScheme scheme) {
    return switch (this) {
      case INTL -> scheme == SignatureScheme.ED25519 || scheme == SignatureScheme.ECDSA_P256;
      case SM -> scheme == SignatureScheme.SM2;
    };
  }

  /** The suite named {@code id}, or a {@link CryptoException} listing the valid names. */
  public static CryptoSuite fromId(String id) throws CryptoException {
    for (CryptoSuite suite : values()) {
      if (suite.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
        return suite;
      }
    }
    throw new CryptoException("unknown crypto suite '" + id + "', expected one of "
        + Arrays.stream(values()).map(CryptoSuite::id).collect(Collectors.joining(", ")));
  }
}
