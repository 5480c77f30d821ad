package org.alliancechain.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * A validated public key of one {@link SignatureScheme}. Immutable and thread-safe; equal when
 * scheme and encoding are equal. The decoded curve point is kept, so verifying is not slowed by
 * decoding the key again.
 */
public final class PublicKey {
  private final SignatureScheme scheme;
  private final byte[] encoded;
  private final Object decoded;

  private PublicKey(SignatureScheme scheme, byte[] encoded, Object decoded) {
    this.scheme = scheme;
    this.encoded = encoded;
    this.decoded = decoded;
  }

  /**
   * The key of {@code scheme} encoded as {@code encoded} (see {@link SignatureScheme} for the
   * encodings).
   *
   * @throws CryptoException if the bytes are not a valid key of that scheme; the message says why
   */
  public static PublicKey decode(SignatureScheme scheme, byte[] encoded) throws CryptoException {
    if (scheme == null || encoded == null) {
      throw new CryptoException("a public key needs a scheme and its bytes");
    }
    PublicKey known = DecodedKeys.get(scheme, encoded);
    if (known != null) {
      return known;
    }
    byte[] copy = encoded.clone();
    PublicKey key = new PublicKey(scheme, copy, scheme.engine().decodePublic(copy));
    DecodedKeys.put(key);
    return key;
  }

  public SignatureScheme scheme() {
    return scheme;
  }

  /** A copy of the raw encoding. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * Whether {@code signature} is this key's signature of {@code message}. Never throws: a
   * signature of the wrong length, with r = 0 or s = 0, or otherwise malformed is {@code false}.
   */
  public boolean verify(byte[] message, byte[] signature) {
    try {
      return scheme.engine().verify(decoded, encoded, message, signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether {@code signature} is this key's signature of {@code payload} in {@code domain}. */
  public boolean verify(SigningDomain domain, byte[] payload, byte[] signature) {
    return domain != null && payload != null && verify(domain.frame(payload), signature);
  }

  /**
   * This key as a JDK {@link java.security.PublicKey} (SunEC), for TLS and JDK certificate code.
   *
   * @throws CryptoException for SM2 keys, which the JDK cannot represent
   */
  public java.security.PublicKey toJcaPublicKey() throws CryptoException {
    return JcaKeys.publicKey(this);
  }

  /** Base64 of the encoding, as configuration files and logs show keys. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(encoded);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey that
        && scheme == that.scheme && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return 31 * scheme.hashCode() + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return scheme.id() + ":" + toBase64();
  }
}
