package org.alliancechain.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;

/** Deterministic keys and randomness for tests: every failure replays from its seed. */
final class TestKeys {
  private TestKeys() {}

  /** A SecureRandom that is seeded, so generated keys are the same on every run. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static SigningKey key(SignatureScheme scheme, long seed) {
    return SigningKey.generate(scheme, seeded(seed));
  }

  static byte[] bytes(Random random, int lengthMax) {
    byte[] out = new byte[random.nextInt(lengthMax + 1)];
    random.nextBytes(out);
    return out;
  }

  static byte[] resource(String path) {
    try (InputStream in = TestKeys.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(resource(path), StandardCharsets.US_ASCII);
  }
}
