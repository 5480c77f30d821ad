package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign/verify properties over random keys and messages. Each case comes from a fixed seed, so a
 * failure names the seed that replays it.
 */
class SignaturePropertiesTest {
  private static final int CASES = 150;

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void whatAKeySignsItsPublicKeyVerifies(SignatureScheme scheme) throws CryptoException {
    for (int seed = 0; seed < CASES; seed++) {
      Random random = new Random(seed);
      SigningKey key = TestKeys.key(scheme, random.nextLong());
      byte[] message = TestKeys.bytes(random, 300);
      SigningDomain domain = SigningDomain.values()[random.nextInt(SigningDomain.values().length)];

      byte[] signature = key.sign(domain, message);

      assertThat(signature).hasSize(scheme.signatureLength());
      assertThat(key.publicKey().verify(domain, message, signature)).as("seed %d", seed).isTrue();
      PublicKey decoded = PublicKey.decode(scheme, key.publicKey().encoded());
      assertThat(decoded).isEqualTo(key.publicKey()).hasSameHashCodeAs(key.publicKey());
      assertThat(decoded.verify(domain, message, signature)).as("seed %d", seed).isTrue();
      SigningKey reloaded = SigningKey.decode(scheme, key.encodedPrivate());
      assertThat(reloaded.publicKey()).isEqualTo(key.publicKey());
    }
  }

  @ParameterizedTest
  @EnumSource(value = SignatureScheme.class, names = {"ED25519", "ECDSA_P256"})
  void deterministicSchemesSignTheSameMessageIdentically(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 11);
    byte[] message = {1, 2, 3};

    assertThat(key.sign(message)).isEqualTo(key.sign(message));
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void keysDoNotLeakThroughToString(SignatureScheme scheme) {
    SigningKey key = TestKeys.key(scheme, 12);

    assertThat(key.toString()).startsWith("SigningKey[" + scheme.id() + ":")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(key.encodedPrivate()));
  }
}
