package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPemTest {
  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void privateAndPublicKeysRoundTripThroughPem(SignatureScheme scheme) throws CryptoException {
    for (int seed = 0; seed < 40; seed++) {
      SigningKey key = TestKeys.key(scheme, seed);

      String privatePem = KeyPem.encodePrivate(key);
      String publicPem = KeyPem.encodePublic(key.publicKey());

      assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n")
          .endsWith("-----END PRIVATE KEY-----\n");
      assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
      SigningKey decoded = KeyPem.decodePrivate(privatePem, scheme);
      assertThat(decoded.scheme()).isEqualTo(scheme);
      assertThat(decoded.encodedPrivate()).isEqualTo(key.encodedPrivate());
      assertThat(KeyPem.decodePublic(publicPem, scheme)).isEqualTo(key.publicKey());
      assertThat(KeyPem.decodePrivateDer(KeyPem.encodePrivateDer(key)).publicKey())
          .isEqualTo(key.publicKey());
      assertThat(KeyPem.decodePublicDer(KeyPem.encodePublicDer(key.publicKey())))
          .isEqualTo(key.publicKey());
    }
  }

  @Test
  void readsWhatOpenSslWritesAndVerifiesWhatItSigns() throws Exception {
    byte[] message = TestKeys.resource("openssl/message.txt");

    SigningKey ed = KeyPem.decodePrivate(TestKeys.text("openssl/ed25519.key.pem"));
    PublicKey edPublic = KeyPem.decodePublic(TestKeys.text("openssl/ed25519.pub.pem"));
    assertThat(ed.publicKey()).isEqualTo(edPublic);
    assertThat(edPublic.verify(message, TestKeys.resource("openssl/ed25519.sig"))).isTrue();
    assertThat(ed.sign(message)).isEqualTo(TestKeys.resource("openssl/ed25519.sig"));

    SigningKey p256 = KeyPem.decodePrivate(TestKeys.text("openssl/p256.key.pem"));
    SigningKey p256Sec1 = KeyPem.decodePrivate(TestKeys.text("openssl/p256.sec1.pem"));
    PublicKey p256Public = KeyPem.decodePublic(TestKeys.text("openssl/p256.pub.pem"));
    assertThat(p256.scheme()).isEqualTo(SignatureScheme.ECDSA_P256);
    assertThat(p256.publicKey()).isEqualTo(p256Public).isEqualTo(p256Sec1.publicKey());
    assertThat(p256Public.verify(message, rawSignature(TestKeys.resource("openssl/p256.sig.der"))))
        .isTrue();

    SigningKey sm2 = KeyPem.decodePrivate(TestKeys.text("openssl/sm2.key.pem"));
    PublicKey sm2Public = KeyPem.decodePublic(TestKeys.text("openssl/sm2.pub.pem"));
    assertThat(sm2.scheme()).isEqualTo(SignatureScheme.SM2);
    assertThat(sm2.publicKey()).isEqualTo(sm2Public);
    assertThat(sm2Public.verify(message, rawSignature(TestKeys.resource("openssl/sm2.sig.der"))))
        .isTrue();
  }

  @Test
  void writesPkcs8AsOpenSslDoesForP256AndSm2() throws CryptoException {
    // OpenSSL keeps the public key inside the ECPrivateKey and names the curve once, outside.
    for (String name : new String[] {"openssl/p256.key.pem", "openssl/sm2.key.pem",
        "openssl/ed25519.key.pem"}) {
      String pem = TestKeys.text(name);
      assertThat(KeyPem.encodePrivate(KeyPem.decodePrivate(pem))).isEqualTo(pem);
      String publicName = name.replace(".key.", ".pub.");
      assertThat(KeyPem.encodePublic(KeyPem.decodePublic(TestKeys.text(publicName))))
          .isEqualTo(TestKeys.text(publicName));
    }
  }

  @Test
  void rejectsKeysOfUnsupportedAlgorithmsAndCurvesByName() {
    assertThatThrownBy(() -> KeyPem.decodePrivate(TestKeys.text("openssl/rsa.key.pem")))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("unsupported private key algorithm 1.2.840.113549.1.1.1 (RSA)");
    assertThatThrownBy(() -> KeyPem.decodePublic(TestKeys.text("openssl/rsa.pub.pem")))
        .isInstanceOf(CryptoException.class).hasMessageContaining("(RSA)");
    assertThatThrownBy(() -> KeyPem.decodePrivate(TestKeys.text("openssl/p384.key.pem")))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("unsupported curve 1.3.132.0.34 (secp384r1)");
    assertThatThrownBy(() -> KeyPem.decodePrivate(TestKeys.text("openssl/p256-explicit.key.pem")))
        .isInstanceOf(CryptoException.class).hasMessageContaining("explicit parameters");
    assertThatThrownBy(() -> KeyPem.decodePrivate(TestKeys.text("openssl/p256.encrypted.pem")))
        .isInstanceOf(CryptoException.class).hasMessageContaining("encrypted private keys");
  }

  @Test
  void rejectsAKeyOfTheWrongScheme() {
    String p256 = TestKeys.text("openssl/p256.key.pem");

    assertThatThrownBy(() -> KeyPem.decodePrivate(p256, SignatureScheme.ED25519))
        .isInstanceOf(CryptoException.class)
        .hasMessage("wrong key type: expected a ed25519 private key, got a ecdsa-p256 key");
    assertThatThrownBy(() -> KeyPem.decodePublic(TestKeys.text("openssl/sm2.pub.pem"),
        SignatureScheme.ECDSA_P256)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("expected a ecdsa-p256 public key, got a sm2 key");
    assertThatThrownBy(() -> KeyPem.decodePublic(p256)).isInstanceOf(CryptoException.class)
        .hasMessage("expected a PEM block 'PUBLIC KEY', found 'PRIVATE KEY'");
    assertThatThrownBy(() -> KeyPem.decodePrivate(TestKeys.text("openssl/p256.pub.pem")))
        .isInstanceOf(CryptoException.class)
        .hasMessage("expected a PEM block 'PRIVATE KEY', found 'PUBLIC KEY'");
  }

  @Test
  void rejectsMalformedPemWithTheReason() {
    String good = KeyPem.encodePublic(TestKeys.key(SignatureScheme.ED25519, 1).publicKey());
    String body = good.lines().skip(1).findFirst().orElseThrow();

    assertThatThrownBy(() -> KeyPem.decodePublic("")).hasMessageContaining("no PEM block found");
    assertThatThrownBy(() -> KeyPem.decodePublic(null)).hasMessageContaining("no PEM text");
    assertThatThrownBy(() -> KeyPem.decodePublic(good.replace("-----END PUBLIC KEY-----", "")))
        .hasMessageContaining("has no '-----END PUBLIC KEY-----' line");
    assertThatThrownBy(() -> KeyPem.decodePublic(good.replace("END PUBLIC", "END PRIVATE")))
        .hasMessageContaining("is ended by 'PRIVATE KEY'");
    assertThatThrownBy(() -> KeyPem.decodePublic(good.replace(body, body.replace('A', '*'))))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> KeyPem.decodePublic(good + good))
        .hasMessageContaining("exactly one PEM block");
    assertThatThrownBy(() -> KeyPem.decodePublic(
        "-----BEGIN PUBLIC KEY-----\nProc-Type: 4,ENCRYPTED\n" + body + "\n-----END PUBLIC KEY-----"))
        .hasMessageContaining("is a header");
    assertThatThrownBy(() -> KeyPem.decodePublic("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----"))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> KeyPem.decodePublic("-----END PUBLIC KEY-----"))
        .hasMessageContaining("never begun");
  }

  @Test
  void acceptsExplanatoryTextAndWindowsLineEndings() throws CryptoException {
    PublicKey key = TestKeys.key(SignatureScheme.SM2, 2).publicKey();
    String pem = "Subject: node-1\r\n" + KeyPem.encodePublic(key).replace("\n", "\r\n") + "trailer";

    assertThat(KeyPem.decodePublic(pem)).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void truncatedOrCorruptedDerIsATypedErrorNeverACrash(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 3);
    byte[] privateDer = KeyPem.encodePrivateDer(key);
    byte[] publicDer = KeyPem.encodePublicDer(key.publicKey());
    Random random = new Random(scheme.ordinal());

    for (int length = 0; length < privateDer.length; length++) {
      byte[] truncated = Arrays.copyOf(privateDer, length);
      assertThatThrownBy(() -> KeyPem.decodePrivateDer(truncated)).isInstanceOf(CryptoException.class);
    }
    for (int length = 0; length < publicDer.length; length++) {
      byte[] truncated = Arrays.copyOf(publicDer, length);
      assertThatThrownBy(() -> KeyPem.decodePublicDer(truncated)).isInstanceOf(CryptoException.class);
    }
    for (int i = 0; i < 500; i++) {
      byte[] corrupted = privateDer.clone();
      corrupted[random.nextInt(corrupted.length)] ^= (byte) (1 + random.nextInt(255));
      try {
        KeyPem.decodePrivateDer(corrupted);
      } catch (CryptoException expected) {
        // Either outcome is fine (a changed scalar can still be a valid key); a crash is not.
      }
      byte[] corruptedPublic = publicDer.clone();
      corruptedPublic[random.nextInt(corruptedPublic.length)] ^= (byte) (1 + random.nextInt(255));
      try {
        KeyPem.decodePublicDer(corruptedPublic);
      } catch (CryptoException expected) {
        // as above
      }
    }
  }

  @Test
  void rejectsAPkcs8KeyWhoseStoredPublicKeyIsAnotherKeys() throws Exception {
    SigningKey key = TestKeys.key(SignatureScheme.ECDSA_P256, 4);
    byte[] der = KeyPem.encodePrivateDer(key);
    byte[] otherPublic = TestKeys.key(SignatureScheme.ECDSA_P256, 5).publicKey().encoded();
    byte[] ownPublic = key.publicKey().encoded();
    int at = indexOf(der, ownPublic);
    System.arraycopy(otherPublic, 0, der, at, otherPublic.length);

    assertThatThrownBy(() -> KeyPem.decodePrivateDer(der)).isInstanceOf(CryptoException.class)
        .hasMessageContaining("does not belong to it");
  }

  @Test
  void p256AndEd25519KeysBecomeJdkKeysThatInteroperate() throws Exception {
    byte[] message = {4, 2};
    SigningKey p256 = TestKeys.key(SignatureScheme.ECDSA_P256, 6);
    Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
    jdk.initSign(p256.toJcaPrivateKey());
    jdk.update(message);
    assertThat(p256.publicKey().verify(message, jdk.sign())).isTrue();
    jdk.initVerify(p256.publicKey().toJcaPublicKey());
    jdk.update(message);
    assertThat(jdk.verify(p256.sign(message))).isTrue();
    assertThat(p256.toJcaPrivateKey().getAlgorithm()).isEqualTo("EC");

    SigningKey ed = TestKeys.key(SignatureScheme.ED25519, 7);
    Signature jdkEd = Signature.getInstance("Ed25519");
    jdkEd.initVerify(ed.publicKey().toJcaPublicKey());
    jdkEd.update(message);
    assertThat(jdkEd.verify(ed.sign(message))).isTrue();
    jdkEd.initSign(ed.toJcaPrivateKey());
    jdkEd.update(message);
    assertThat(jdkEd.sign()).isEqualTo(ed.sign(message));
  }

  @Test
  void readsKeysTheJdkGenerates() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    java.security.KeyPair pair = generator.generateKeyPair();

    SigningKey key = KeyPem.decodePrivateDer(pair.getPrivate().getEncoded());

    assertThat(key.publicKey()).isEqualTo(KeyPem.decodePublicDer(pair.getPublic().getEncoded()));
    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(KeyPem.encodePrivateDer(key)));
  }

  @Test
  void sm2KeysHaveNoJdkForm() {
    SigningKey sm2 = TestKeys.key(SignatureScheme.SM2, 8);

    assertThatThrownBy(sm2::toJcaPrivateKey).isInstanceOf(CryptoException.class)
        .hasMessageContaining("SM2 keys have no JDK representation");
    assertThatThrownBy(() -> sm2.publicKey().toJcaPublicKey()).isInstanceOf(CryptoException.class);
  }

  private static byte[] rawSignature(byte[] der) {
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    BigInteger r = org.bouncycastle.asn1.ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    BigInteger s = org.bouncycastle.asn1.ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    byte[] out = new byte[64];
    org.bouncycastle.util.BigIntegers.asUnsignedByteArray(r, out, 0, 32);
    org.bouncycastle.util.BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
        return i;
      }
    }
    throw new AssertionError("not found: " + Base64.getEncoder().encodeToString(needle));
  }
}
