package org.alliancechain.node.codec;

import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;

/** Maps public keys between the crypto module and the alliance.v1 PublicKey message. */
public final class ProtoKeys {
  private ProtoKeys() {}

  public static org.alliancechain.proto.v1.PublicKey toProto(PublicKey key) {
    return org.alliancechain.proto.v1.PublicKey.newBuilder()
        .setScheme(toProto(key.scheme()))
        .setKey(com.google.protobuf.ByteString.copyFrom(key.encoded()))
        .build();
  }

  public static org.alliancechain.proto.v1.SignatureScheme toProto(SignatureScheme scheme) {
    return switch (scheme) {
      case ED25519 -> org.alliancechain.proto.v1.SignatureScheme.SIGNATURE_SCHEME_ED25519;
      case ECDSA_P256 -> org.alliancechain.proto.v1.SignatureScheme.SIGNATURE_SCHEME_ECDSA_P256;
      case SM2 -> org.alliancechain.proto.v1.SignatureScheme.SIGNATURE_SCHEME_SM2;
    };
  }

  /** The key a message names; the exception says what is wrong with it. */
  public static PublicKey fromProto(org.alliancechain.proto.v1.PublicKey key) throws CryptoException {
    SignatureScheme scheme = switch (key.getScheme()) {
      case SIGNATURE_SCHEME_ED25519 -> SignatureScheme.ED25519;
      case SIGNATURE_SCHEME_ECDSA_P256 -> SignatureScheme.ECDSA_P256;
      case SIGNATURE_SCHEME_SM2 -> SignatureScheme.SM2;
      default -> throw new CryptoException("unknown signature scheme " + key.getSchemeValue()
          + ", expected ED25519, ECDSA_P256 or SM2");
    };
    return PublicKey.decode(scheme, key.getKey().toByteArray());
  }
}
