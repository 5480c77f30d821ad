package org.alliancechain.crypto;

import java.security.SecureRandom;

/**
 * A private key that signs, with its public key. Immutable and thread-safe. Its bytes leave
 * this module only through {@link KeyPem} (PKCS#8), never through {@code toString}.
 */
public final class SigningKey {
  private final SignatureScheme scheme;
  private final byte[] encoded;
  private final Object decoded;
  private final PublicKey publicKey;

  private SigningKey(SignatureScheme scheme, byte[] encoded, Object decoded) throws CryptoException {
    this.scheme = scheme;
    this.encoded = encoded;
    this.decoded = decoded;
    this.publicKey = PublicKey.decode(scheme, scheme.engine().publicOf(decoded));
  }

  /** A new key of {@code scheme} drawn from {@code random}. */
  public static SigningKey generate(SignatureScheme scheme, SecureRandom random) {
    try {
      return decode(scheme, scheme.engine().generatePrivate(random));
    } catch (CryptoException e) {
      throw new IllegalStateException("a freshly generated " + scheme.id() + " key is invalid", e);
    }
  }

  /**
   * The key of {@code scheme} whose raw private encoding is {@code encoded}: the 32-byte seed for
   * Ed25519, the 32-byte big-endian scalar for ECDSA P-256 and SM2.
   *
   * @throws CryptoException if the bytes are not a valid private key of that scheme
   */
  public static SigningKey decode(SignatureScheme scheme, byte[] encoded) throws CryptoException {
    if (scheme == null || encoded == null) {
      throw new CryptoException("a private key needs a scheme and its bytes");
    }
    byte[] copy = encoded.clone();
    return new SigningKey(scheme, copy, scheme.engine().decodePrivate(copy));
  }

  public SignatureScheme scheme() {
    return scheme;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The signature of {@code message}, in the scheme's fixed-length encoding. */
  public byte[] sign(byte[] message) {
    return scheme.engine().sign(decoded, publicKey.encoded(), message);
  }

  /** The signature of {@code payload} framed for {@code domain} (see {@link SigningDomain}). */
  public byte[] sign(SigningDomain domain, byte[] payload) {
    return sign(domain.frame(payload));
  }

  /**
   * This key as a JDK {@link java.security.PrivateKey} (SunEC), for building a JDK or Netty TLS
   * context from a P-256 TLS key. Ed25519 keys convert too; SM2 keys have no JDK form.
   *
   * @throws CryptoException for SM2 keys, which the JDK cannot represent
   */
  public java.security.PrivateKey toJcaPrivateKey() throws CryptoException {
    return JcaKeys.privateKey(this);
  }

  /** The raw private encoding; package-private so that only the PEM codec can export it. */
  byte[] encodedPrivate() {
    return encoded.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[" + publicKey + "]";
  }
}
