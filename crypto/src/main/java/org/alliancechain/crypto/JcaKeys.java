package org.alliancechain.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Keys as the JDK's own providers (SunEC) see them, for the JDK's TLS stack. The JDK knows
 * Ed25519 and P-256 but not the SM2 curve, which is why TLS keys are P-256 in both suites.
 */
final class JcaKeys {
  private JcaKeys() {}

  static java.security.PrivateKey privateKey(SigningKey key) throws CryptoException {
    byte[] der = KeyDer.encodePrivate(key);
    try {
      return factory(key.scheme()).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("the JDK refused a valid " + key.scheme().id() + " private key: "
          + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(der, (byte) 0);
    }
  }

  static java.security.PublicKey publicKey(PublicKey key) throws CryptoException {
    try {
      return factory(key.scheme()).generatePublic(new X509EncodedKeySpec(KeyDer.encodePublic(key)));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("the JDK refused a valid " + key.scheme().id() + " public key: "
          + e.getMessage(), e);
    }
  }

  private static KeyFactory factory(SignatureScheme scheme) throws CryptoException {
    try {
      return switch (scheme) {
        case ED25519 -> KeyFactory.getInstance("Ed25519");
        case ECDSA_P256 -> KeyFactory.getInstance("EC");
        case SM2 -> throw new CryptoException("SM2 keys have no JDK representation (the JDK knows"
            + " no SM2 curve); TLS keys are ECDSA P-256 in both suites, see"
            + " docs/adr/0011-certificates-and-tls-keys.md");
      };
    } catch (GeneralSecurityException e) {
      throw new CryptoException("this JDK has no " + scheme.id() + " key factory", e);
    }
  }
}
