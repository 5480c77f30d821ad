package org.alliancechain.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The signature schemes of the crypto suites, with the fixed sizes of their encodings.
 *
 * <p>Encodings (docs/adr/0010-crypto-suites-and-encodings.md): Ed25519 public keys are the 32-byte
 * RFC 8032 encoding and signatures the 64-byte R||S; ECDSA P-256 and SM2 public keys are the
 * 65-byte uncompressed SEC 1 point (0x04||X||Y) and signatures the 64-byte big-endian r||s.
 */
public enum SignatureScheme {
  ED25519("ed25519", 32, 32, 64),
  ECDSA_P256("ecdsa-p256", 32, 65, 64),
  SM2("sm2", 32, 65, 64);

  private final String id;
  private final int privateKeyLength;
  private final int publicKeyLength;
  private final int signatureLength;

  SignatureScheme(String id, int privateKeyLength, int publicKeyLength, int signatureLength) {
    this.id = id;
    this.privateKeyLength = privateKeyLength;
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  /** The name used in configuration files: {@code ed25519}, {@code ecdsa-p256} or {@code sm2}. */
  public String id() {
    return id;
  }

  public int privateKeyLength() {
    return privateKeyLength;
  }

  public int publicKeyLength() {
    return publicKeyLength;
  }

  public int signatureLength() {
    return signatureLength;
  }

  /** The scheme named {@code id}, or a {@link CryptoException} listing the valid names. */
  public static SignatureScheme fromId(String id) throws CryptoException {
    for (SignatureScheme scheme : values()) {
      if (scheme.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
        return scheme;
      }
    }
    throw new CryptoException("unknown signature scheme '" + id + "', expected one of "
        + Arrays.stream(values()).map(SignatureScheme::id).collect(Collectors.joining(", ")));
  }

  SchemeEngine engine() {
    return switch (this) {
      case ED25519 -> Ed25519Engine.INSTANCE;
      case ECDSA_P256 -> EcdsaP256Engine.INSTANCE;
      case SM2 -> Sm2Engine.INSTANCE;
    };
  }
}
