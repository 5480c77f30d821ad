package org.alliancechain.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * DER encodings of keys: PKCS#8 (RFC 5208 / 5958) for private keys and SubjectPublicKeyInfo
 * (RFC 5280) for public keys. Ed25519 per RFC 8410; ECDSA P-256 and SM2 as id-ecPublicKey with a
 * named curve (RFC 5480), the private scalar inside an RFC 5915 ECPrivateKey.
 */
final class KeyDer {
  static final ASN1ObjectIdentifier ED25519 = EdECObjectIdentifiers.id_Ed25519;
  static final ASN1ObjectIdentifier EC_PUBLIC_KEY = X9ObjectIdentifiers.id_ecPublicKey;
  static final ASN1ObjectIdentifier P256 = SECObjectIdentifiers.secp256r1;
  static final ASN1ObjectIdentifier SM2P256V1 = GMObjectIdentifiers.sm2p256v1;
  private static final int SCALAR_BITS = 256;

  private KeyDer() {}

  static AlgorithmIdentifier algorithmOf(SignatureScheme scheme) {
    return switch (scheme) {
      case ED25519 -> new AlgorithmIdentifier(ED25519);
      case ECDSA_P256 -> new AlgorithmIdentifier(EC_PUBLIC_KEY, P256);
      case SM2 -> new AlgorithmIdentifier(EC_PUBLIC_KEY, SM2P256V1);
    };
  }

  static byte[] encodePublic(PublicKey key) {
    return der(new SubjectPublicKeyInfo(algorithmOf(key.scheme()), key.encoded()));
  }

  static byte[] encodePrivate(SigningKey key) {
    byte[] raw = key.encodedPrivate();
    try {
      ASN1Encodable inner = key.scheme() == SignatureScheme.ED25519
          ? new DEROctetString(raw)
          : new ECPrivateKey(SCALAR_BITS, new BigInteger(1, raw),
              new DERBitString(key.publicKey().encoded()), null);
      return der(new PrivateKeyInfo(algorithmOf(key.scheme()), inner));
    } catch (IOException e) {
      throw new IllegalStateException("encoding a valid private key failed", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  static PublicKey decodePublic(byte[] der) throws CryptoException {
    SubjectPublicKeyInfo info;
    byte[] keyBytes;
    try {
      info = SubjectPublicKeyInfo.getInstance(parse(der));
      keyBytes = info.getPublicKeyData().getOctets();
    } catch (IOException | RuntimeException e) {
      throw new CryptoException("malformed SubjectPublicKeyInfo (SPKI) public key: "
          + e.getMessage(), e);
    }
    return PublicKey.decode(schemeOf(info.getAlgorithm(), "public key"), keyBytes);
  }

  static SigningKey decodePrivate(byte[] der) throws CryptoException {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(parse(der));
    } catch (IOException | RuntimeException e) {
      throw new CryptoException("malformed PKCS#8 private key: " + e.getMessage(), e);
    }
    SignatureScheme scheme = schemeOf(info.getPrivateKeyAlgorithm(), "private key");
    try {
      if (scheme == SignatureScheme.ED25519) {
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        SigningKey key = SigningKey.decode(scheme, seed);
        if (info.getPublicKeyData() != null) {
          requireSamePublic(key, info.getPublicKeyData().getOctets());
        }
        return key;
      }
      ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
      ASN1Primitive params = info.getPrivateKeyAlgorithm().getParameters().toASN1Primitive();
      if (ec.getParametersObject() != null
          && !ec.getParametersObject().toASN1Primitive().equals(params)) {
        throw new CryptoException("inconsistent PKCS#8 private key: the ECPrivateKey names curve "
            + ec.getParametersObject() + " but the algorithm names " + params);
      }
      return fromEcPrivateKey(scheme, ec);
    } catch (IOException | RuntimeException e) {
      throw new CryptoException("malformed PKCS#8 " + scheme.id() + " private key: "
          + e.getMessage(), e);
    }
  }

  /** An RFC 5915 ECPrivateKey ({@code EC PRIVATE KEY} as OpenSSL writes it), curve included. */
  static SigningKey decodeSec1Private(byte[] der) throws CryptoException {
    ECPrivateKey ec;
    try {
      ec = ECPrivateKey.getInstance(parse(der));
    } catch (IOException | RuntimeException e) {
      throw new CryptoException("malformed SEC 1 EC private key: " + e.getMessage(), e);
    }
    if (ec.getParametersObject() == null) {
      throw new CryptoException("SEC 1 EC private key names no curve; expected prime256v1 or"
          + " sm2p256v1 in its parameters, or use PKCS#8 ('PRIVATE KEY')");
    }
    SignatureScheme scheme = schemeOf(
        new AlgorithmIdentifier(EC_PUBLIC_KEY, ec.getParametersObject()), "private key");
    return fromEcPrivateKey(scheme, ec);
  }

  private static SigningKey fromEcPrivateKey(SignatureScheme scheme, ECPrivateKey ec)
      throws CryptoException {
    byte[] octets = ec.getPrivateKey().getOctets();
    if (octets.length > scheme.privateKeyLength()) {
      throw new CryptoException("not a valid " + scheme.id() + " private key: the scalar has "
          + octets.length + " bytes, expected at most " + scheme.privateKeyLength());
    }
    byte[] raw = new byte[scheme.privateKeyLength()];
    System.arraycopy(octets, 0, raw, raw.length - octets.length, octets.length);
    SigningKey key = SigningKey.decode(scheme, raw);
    Arrays.fill(raw, (byte) 0);
    if (ec.getPublicKey() != null) {
      requireSamePublic(key, ec.getPublicKey().getOctets());
    }
    return key;
  }

  private static void requireSamePublic(SigningKey key, byte[] embedded) throws CryptoException {
    if (!Arrays.equals(key.publicKey().encoded(), embedded)) {
      throw new CryptoException("inconsistent " + key.scheme().id() + " private key: the public"
          + " key stored with it does not belong to it");
    }
  }

  /** The scheme an algorithm identifier names, or a message saying what would be accepted. */
  static SignatureScheme schemeOf(AlgorithmIdentifier algorithm, String what)
      throws CryptoException {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    ASN1Encodable params = algorithm.getParameters();
    if (oid.equals(ED25519)) {
      if (params != null) {
        throw new CryptoException("malformed Ed25519 " + what + ": RFC 8410 forbids algorithm"
            + " parameters");
      }
      return SignatureScheme.ED25519;
    }
    if (!oid.equals(EC_PUBLIC_KEY)) {
      throw new CryptoException("unsupported " + what + " algorithm " + oid + describe(oid)
          + "; expected Ed25519 (1.3.101.112) or id-ecPublicKey (1.2.840.10045.2.1) on"
          + " prime256v1 or sm2p256v1");
    }
    if (!(params instanceof ASN1ObjectIdentifier curve)) {
      throw new CryptoException("unsupported EC " + what + ": the curve must be named by its OID"
          + " (prime256v1 1.2.840.10045.3.1.7 or sm2p256v1 1.2.156.10197.1.301), got "
          + (params == null ? "no parameters" : "explicit parameters"));
    }
    if (curve.equals(P256)) {
      return SignatureScheme.ECDSA_P256;
    }
    if (curve.equals(SM2P256V1)) {
      return SignatureScheme.SM2;
    }
    String name = ECNamedCurveTable.getName(curve);
    throw new CryptoException("unsupported curve " + curve + (name == null ? "" : " (" + name + ")")
        + " in EC " + what + "; expected prime256v1 (1.2.840.10045.3.1.7) for ECDSA P-256 or"
        + " sm2p256v1 (1.2.156.10197.1.301) for SM2");
  }

  private static String describe(ASN1ObjectIdentifier oid) {
    return switch (oid.getId()) {
      case "1.2.840.113549.1.1.1" -> " (RSA)";
      case "1.2.840.10040.4.1" -> " (DSA)";
      case "1.3.101.110" -> " (X25519)";
      case "1.3.101.111" -> " (X448)";
      case "1.3.101.113" -> " (Ed448)";
      default -> "";
    };
  }

  private static ASN1Primitive parse(byte[] der) throws IOException {
    if (der == null || der.length == 0) {
      throw new IOException("no bytes");
    }
    return ASN1Primitive.fromByteArray(der);
  }

  private static byte[] der(org.bouncycastle.asn1.ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }
}
