package org.alliancechain.crypto;

import java.util.List;

/**
 * PEM files of keys, as OpenSSL and the JDK write them: {@code PRIVATE KEY} (unencrypted PKCS#8)
 * and {@code PUBLIC KEY} (SubjectPublicKeyInfo). The scheme is told from the OIDs inside:
 * Ed25519 (1.3.101.112), ECDSA P-256 (id-ecPublicKey + prime256v1) and SM2 (id-ecPublicKey +
 * sm2p256v1, 1.2.156.10197.1.301). Decoding also accepts OpenSSL's {@code EC PRIVATE KEY}
 * (SEC 1). Every failure is a {@link CryptoException} saying what was wrong.
 */
public final class KeyPem {
  static final String PRIVATE_LABEL = "PRIVATE KEY";
  static final String PUBLIC_LABEL = "PUBLIC KEY";
  private static final String SEC1_LABEL = "EC PRIVATE KEY";
  private static final String ENCRYPTED_LABEL = "ENCRYPTED PRIVATE KEY";

  private KeyPem() {}

  /** {@code key} as a {@code PRIVATE KEY} PEM block (PKCS#8, unencrypted). Keep it secret. */
  public static String encodePrivate(SigningKey key) {
    return Pem.encode(PRIVATE_LABEL, KeyDer.encodePrivate(key));
  }

  /** {@code key} as a {@code PUBLIC KEY} PEM block (SubjectPublicKeyInfo). */
  public static String encodePublic(PublicKey key) {
    return Pem.encode(PUBLIC_LABEL, KeyDer.encodePublic(key));
  }

  /** The PKCS#8 DER bytes of {@code key}. */
  public static byte[] encodePrivateDer(SigningKey key) {
    return KeyDer.encodePrivate(key);
  }

  /** The SubjectPublicKeyInfo DER bytes of {@code key}. */
  public static byte[] encodePublicDer(PublicKey key) {
    return KeyDer.encodePublic(key);
  }

  /**
   * The private key in {@code pem}: one {@code PRIVATE KEY} (PKCS#8) or {@code EC PRIVATE KEY}
   * block, of any supported scheme.
   */
  public static SigningKey decodePrivate(String pem) throws CryptoException {
    List<Pem.Block> blocks = Pem.decodeAll(pem, PRIVATE_LABEL);
    if (blocks.size() != 1) {
      throw new CryptoException("expected exactly one PEM block '" + PRIVATE_LABEL + "', found "
          + blocks.size());
    }
    Pem.Block block = blocks.get(0);
    return switch (block.label()) {
      case PRIVATE_LABEL -> KeyDer.decodePrivate(block.der());
      case SEC1_LABEL -> KeyDer.decodeSec1Private(block.der());
      case ENCRYPTED_LABEL -> throw new CryptoException("encrypted private keys are not supported;"
          + " decrypt it first, e.g. 'openssl pkcs8 -in key.pem -out plain.pem'");
      default -> throw new CryptoException("expected a PEM block '" + PRIVATE_LABEL + "', found '"
          + block.label() + "'");
    };
  }

  /** The private key in {@code pem}, which must be of {@code expected} scheme. */
  public static SigningKey decodePrivate(String pem, SignatureScheme expected)
      throws CryptoException {
    SigningKey key = decodePrivate(pem);
    requireScheme(expected, key.scheme(), "private");
    return key;
  }

  /** The public key in {@code pem}: one {@code PUBLIC KEY} block, of any supported scheme. */
  public static PublicKey decodePublic(String pem) throws CryptoException {
    return KeyDer.decodePublic(Pem.decodeOne(pem, PUBLIC_LABEL));
  }

  /** The public key in {@code pem}, which must be of {@code expected} scheme. */
  public static PublicKey decodePublic(String pem, SignatureScheme expected)
      throws CryptoException {
    PublicKey key = decodePublic(pem);
    requireScheme(expected, key.scheme(), "public");
    return key;
  }

  /** The private key in PKCS#8 DER bytes. */
  public static SigningKey decodePrivateDer(byte[] der) throws CryptoException {
    return KeyDer.decodePrivate(der);
  }

  /** The public key in SubjectPublicKeyInfo DER bytes. */
  public static PublicKey decodePublicDer(byte[] der) throws CryptoException {
    return KeyDer.decodePublic(der);
  }

  private static void requireScheme(SignatureScheme expected, SignatureScheme actual, String what)
      throws CryptoException {
    if (expected != actual) {
      throw new CryptoException("wrong key type: expected a " + expected.id() + " " + what
          + " key, got a " + actual.id() + " key");
    }
  }
}
