package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ECPoint;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * SM2 signature examples of the standards.
 *
 * <p>The example on the recommended curve sm2p256v1 is GM/T 0003.5-2012 (reproduced as GB/T
 * 32918.5-2017) Annex A, with the default user id 1234567812345678: it runs through this module's
 * own code, verifying the published signature and signing it again with the published nonce.
 * GB/T 32918.2-2016 Annex A's worked example uses a 256-bit test curve of its own and the id
 * ALICE123@YAHOO.COM, which no deployment uses and the module's API does not offer; it runs
 * through the same engine class built for that curve and id (a package-private constructor), and
 * through BouncyCastle's own SM2 signer as a cross-check.
 */
class Sm2VectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

  // GM/T 0003.5-2012 Annex A (GB/T 32918.5-2017 Annex A), curve sm2p256v1.
  private static final String D_A = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
  private static final String X_A = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
  private static final String Y_A = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
  private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
  private static final String R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
  private static final String S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

  @Test
  void verifiesTheRecommendedCurveExampleThroughTheModuleApi() throws CryptoException {
    PublicKey key = PublicKey.decode(SignatureScheme.SM2, HEX.parseHex("04" + X_A + Y_A));

    assertThat(key.verify(MESSAGE, HEX.parseHex(R + S))).isTrue();
    assertThat(key.verify("message digesT".getBytes(StandardCharsets.US_ASCII),
        HEX.parseHex(R + S))).isFalse();
  }

  @Test
  void derivesTheExamplePublicKeyFromItsPrivateKey() throws CryptoException {
    SigningKey key = SigningKey.decode(SignatureScheme.SM2, HEX.parseHex(D_A));

    assertThat(HEX.formatHex(key.publicKey().encoded())).isEqualToIgnoringCase("04" + X_A + Y_A);
    assertThat(key.publicKey().verify(MESSAGE, key.sign(MESSAGE))).isTrue();
  }

  @Test
  void signsTheRecommendedCurveExampleExactlyWithTheExampleNonce() {
    byte[] signature = Sm2Engine.INSTANCE.signWithNonce(new BigInteger(D_A, 16),
        HEX.parseHex("04" + X_A + Y_A), MESSAGE, new BigInteger(K, 16));

    assertThat(HEX.formatHex(signature)).isEqualToIgnoringCase(R + S);
  }

  @Test
  void bouncyCastlesSignerAgreesOnTheRecommendedCurve() throws Exception {
    ECDomainParameters domain = new ECDomainParameters(CustomNamedCurves.getByName("sm2p256v1"));

    byte[] signature = signWithNonce(domain, D_A, "1234567812345678", K);

    assertThat(HEX.formatHex(signature)).isEqualToIgnoringCase(R + S);
  }


  // GB/T 32918.2-2016 Annex A (GM/T 0003.2-2012 Annex A): the Fp-256 test curve, ID ALICE123@YAHOO.COM.
  @Test
  void reproducesTheTestCurveExampleOfPartTwo() throws Exception {
    ECCurve curve = new ECCurve.Fp(
        new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16),
        new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16),
        new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16),
        new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16),
        BigInteger.ONE);
    ECPoint g = curve.createPoint(
        new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
        new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
    ECDomainParameters domain = new ECDomainParameters(curve, g, curve.getOrder());
    String expected = "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
        + "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7";

    byte[] signature = signWithNonce(domain,
        "128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", "ALICE123@YAHOO.COM",
        "6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F");

    assertThat(HEX.formatHex(signature)).isEqualToIgnoringCase(expected);
    Sm2Engine testCurveEngine = new Sm2Engine(new X9ECParameters(curve, new X9ECPoint(g, false),
        curve.getOrder(), BigInteger.ONE), "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII));
    byte[] publicKey = HEX.parseHex("04"
        + "0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A"
        + "7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857");
    assertThat(HEX.formatHex(testCurveEngine.signWithNonce(
        new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16),
        publicKey, MESSAGE,
        new BigInteger("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F", 16))))
        .isEqualToIgnoringCase(expected);
    Object decoded = testCurveEngine.decodePublic(publicKey);
    assertThat(testCurveEngine.verify(decoded, publicKey, MESSAGE, HEX.parseHex(expected)))
        .isTrue();
    assertThat(testCurveEngine.verify(decoded, publicKey, "message digesT".getBytes(
        StandardCharsets.US_ASCII), HEX.parseHex(expected))).isFalse();
    ECPoint publicPoint = curve.createPoint(
        new BigInteger("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A", 16),
        new BigInteger("7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857", 16));
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(publicPoint, domain),
        "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII)));
    verifier.update(MESSAGE, 0, MESSAGE.length);
    assertThat(verifier.verifySignature(HEX.parseHex(expected))).isTrue();
  }

  private static byte[] signWithNonce(ECDomainParameters domain, String privateHex, String userId,
      String nonceHex) throws Exception {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(privateHex, 16), domain);
    signer.init(true, new ParametersWithID(
        new ParametersWithRandom(key, new FixedRandom(HEX.parseHex(nonceHex))),
        userId.getBytes(StandardCharsets.US_ASCII)));
    signer.update(MESSAGE, 0, MESSAGE.length);
    return signer.generateSignature();
  }

  /** Hands out the example's nonce k as the "random" bytes, as the standard's example fixes it. */
  private static final class FixedRandom extends SecureRandom {
    private final byte[] bytes;

    FixedRandom(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public void nextBytes(byte[] out) {
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
