package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad signatures are {@code false}, bad keys a {@link CryptoException}; nothing unchecked. */
class SignatureNegativeTest {
  private static final byte[] MESSAGE = "pay 10 to bob".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void everyFlippedBitOfMessageOrSignatureIsRejected(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 1);
    byte[] signature = key.sign(MESSAGE);
    assertThat(key.publicKey().verify(MESSAGE, signature)).isTrue();

    for (int bit = 0; bit < MESSAGE.length * 8; bit++) {
      assertThat(key.publicKey().verify(flip(MESSAGE, bit), signature)).as("message bit %d", bit)
          .isFalse();
    }
    for (int bit = 0; bit < signature.length * 8; bit++) {
      assertThat(key.publicKey().verify(MESSAGE, flip(signature, bit)))
          .as("signature bit %d", bit).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aFlippedBitOfThePublicKeyIsEitherInvalidOrDoesNotVerify(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 2);
    byte[] signature = key.sign(MESSAGE);
    byte[] encoded = key.publicKey().encoded();

    for (int bit = 0; bit < encoded.length * 8; bit++) {
      PublicKey other;
      try {
        other = PublicKey.decode(scheme, flip(encoded, bit));
      } catch (CryptoException e) {
        assertThat(e).hasMessageContaining("not a valid");
        continue;
      }
      assertThat(other.verify(MESSAGE, signature)).as("key bit %d", bit).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aSignatureByAnotherKeyOrInAnotherDomainIsRejected(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 3);
    SigningKey other = TestKeys.key(scheme, 4);

    assertThat(other.publicKey().verify(MESSAGE, key.sign(MESSAGE))).isFalse();
    byte[] vote = key.sign(SigningDomain.CONSENSUS, MESSAGE);
    assertThat(key.publicKey().verify(SigningDomain.CONSENSUS, MESSAGE, vote)).isTrue();
    assertThat(key.publicKey().verify(SigningDomain.TRANSACTION, MESSAGE, vote)).isFalse();
    assertThat(key.publicKey().verify(MESSAGE, vote)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void malformedSignaturesAreFalseNotExceptions(SignatureScheme scheme) {
    PublicKey key = TestKeys.key(scheme, 5).publicKey();
    byte[] good = TestKeys.key(scheme, 5).sign(MESSAGE);

    assertThat(key.verify(MESSAGE, null)).isFalse();
    assertThat(key.verify(null, good)).isFalse();
    assertThat(key.verify(MESSAGE, new byte[0])).isFalse();
    assertThat(key.verify(MESSAGE, Arrays.copyOf(good, 63))).isFalse();
    assertThat(key.verify(MESSAGE, Arrays.copyOf(good, 65))).isFalse();
    assertThat(key.verify(MESSAGE, new byte[64])).isFalse();
    byte[] ones = new byte[64];
    Arrays.fill(ones, (byte) 0xff);
    assertThat(key.verify(MESSAGE, ones)).isFalse();
    assertThat(key.verify(null, MESSAGE, good)).isFalse();
    assertThat(key.verify(SigningDomain.TRANSACTION, null, good)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = SignatureScheme.class, names = {"ECDSA_P256", "SM2"})
  void ecdsaAndSm2RejectROrSOutsideOneToNMinusOne(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 6);
    byte[] good = key.sign(MESSAGE);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(good, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(good, 32, 64));
    BigInteger n = CustomNamedCurves.getByName(scheme == SignatureScheme.SM2 ? "sm2p256v1"
        : "secp256r1").getN();

    for (BigInteger[] rs : new BigInteger[][] {
        {BigInteger.ZERO, s}, {r, BigInteger.ZERO}, {BigInteger.ZERO, BigInteger.ZERO},
        {n, s}, {r, n}, {r.add(n), s}, {r, s.add(n)}, {n.subtract(BigInteger.ONE), s}}) {
      if (rs[0].bitLength() > 256 || rs[1].bitLength() > 256) {
        continue;
      }
      assertThat(key.publicKey().verify(MESSAGE, join(rs[0], rs[1])))
          .as("r=%s s=%s", rs[0].toString(16), rs[1].toString(16)).isFalse();
    }
  }

  @org.junit.jupiter.api.Test
  void ed25519RejectsTheNonCanonicalSPlusL() {
    SigningKey key = TestKeys.key(SignatureScheme.ED25519, 13);
    byte[] signature = key.sign(MESSAGE);
    // L = 2^252 + 27742317777372353535851937790883648493, the order of the base point.
    BigInteger order = BigInteger.TWO.pow(252)
        .add(new BigInteger("27742317777372353535851937790883648493"));
    byte[] sLittleEndian = Arrays.copyOfRange(signature, 32, 64);
    BigInteger s = new BigInteger(1, reverse(sLittleEndian));
    byte[] malleable = signature.clone();
    System.arraycopy(reverse(BigIntegers.asUnsignedByteArray(32, s.add(order))), 0, malleable, 32,
        32);

    assertThat(key.publicKey().verify(MESSAGE, malleable)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void malformedPublicKeysAreTypedErrors(SignatureScheme scheme) {
    byte[] good = TestKeys.key(scheme, 7).publicKey().encoded();

    assertThatThrownBy(() -> PublicKey.decode(scheme, new byte[0]))
        .isInstanceOf(CryptoException.class).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> PublicKey.decode(scheme, Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(CryptoException.class).hasMessageContaining("expected");
    assertThatThrownBy(() -> PublicKey.decode(scheme, Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> PublicKey.decode(scheme, null)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> PublicKey.decode(null, good)).isInstanceOf(CryptoException.class);
  }

  @ParameterizedTest
  @EnumSource(value = SignatureScheme.class, names = {"ECDSA_P256", "SM2"})
  void curvePointsMustBeOnTheCurveAndUncompressed(SignatureScheme scheme) {
    byte[] good = TestKeys.key(scheme, 8).publicKey().encoded();
    byte[] offCurve = good.clone();
    offCurve[64] ^= 1;
    byte[] compressed = Arrays.copyOf(good, 33);
    compressed[0] = (byte) (2 + (good[64] & 1));
    byte[] xTooLarge = good.clone();
    Arrays.fill(xTooLarge, 1, 33, (byte) 0xff);
    byte[] infinity = new byte[65];
    infinity[0] = 4;

    for (byte[] bad : new byte[][] {offCurve, compressed, xTooLarge, infinity}) {
      assertThatThrownBy(() -> PublicKey.decode(scheme, bad)).isInstanceOf(CryptoException.class)
          .hasMessageContaining("not a valid " + (scheme == SignatureScheme.SM2 ? "SM2" : "ECDSA"));
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aKeyOfAnotherSchemeIsATypedError(SignatureScheme scheme) {
    // A P-256 point is not on the SM2 curve and vice versa; Ed25519 keys have another length.
    for (SignatureScheme other : SignatureScheme.values()) {
      if (other != scheme) {
        byte[] foreign = TestKeys.key(other, 9).publicKey().encoded();
        assertThatThrownBy(() -> PublicKey.decode(scheme, foreign))
            .isInstanceOf(CryptoException.class).hasMessageContaining("not a valid");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = SignatureScheme.class, names = {"ECDSA_P256", "SM2"})
  void privateScalarsOutOfRangeAreTypedErrors(SignatureScheme scheme) {
    BigInteger n = CustomNamedCurves.getByName(scheme == SignatureScheme.SM2 ? "sm2p256v1"
        : "secp256r1").getN();

    for (BigInteger d : new BigInteger[] {BigInteger.ZERO, n, n.add(BigInteger.ONE)}) {
      if (d.bitLength() <= 256) {
        assertThatThrownBy(() -> SigningKey.decode(scheme, BigIntegers.asUnsignedByteArray(32, d)))
            .isInstanceOf(CryptoException.class).hasMessageContaining("out of range");
      }
    }
    assertThatThrownBy(() -> SigningKey.decode(scheme, new byte[31]))
        .isInstanceOf(CryptoException.class).hasMessageContaining("expected 32 bytes");
  }

  static byte[] flip(byte[] data, int bit) {
    byte[] out = data.clone();
    out[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    return out;
  }

  private static byte[] reverse(byte[] data) {
    byte[] out = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[data.length - 1 - i];
    }
    return out;
  }

  private static byte[] join(BigInteger r, BigInteger s) {
    byte[] out = new byte[64];
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
    return out;
  }
}
