package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  // GB/T 32905-2016 (GM/T 0004-2012) Appendix A, example 1: "abc".
  @Test
  void sm3OfAbcMatchesTheStandardExample() {
    assertThat(HEX.formatHex(HashAlgorithm.SM3.digest(ascii("abc"))))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  // GB/T 32905-2016 (GM/T 0004-2012) Appendix A, example 2: "abcd" repeated 16 times (64 bytes).
  @Test
  void sm3OfSixtyFourBytesMatchesTheStandardExample() {
    assertThat(HEX.formatHex(HashAlgorithm.SM3.digest(ascii("abcd".repeat(16)))))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  // FIPS 180-4 example "abc" (NIST CSRC examples), and SHA-256 of the empty string.
  @Test
  void sha256MatchesFipsExamples() {
    assertThat(HEX.formatHex(HashAlgorithm.SHA_256.digest(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HEX.formatHex(HashAlgorithm.SHA_256.digest(new byte[0])))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void incrementalAndPartsEqualOneShot() {
    byte[] data = ascii("abcd".repeat(16));
    for (HashAlgorithm hash : HashAlgorithm.values()) {
      HashAlgorithm.Incremental incremental = hash.incremental();
      incremental.update(data, 0, 10).update(data[10]).update(java.util.Arrays.copyOfRange(data, 11, 64));
      byte[] expected = hash.digest(data);
      assertThat(incremental.finish()).isEqualTo(expected);
      assertThat(incremental.update(data).finish()).as("reusable after finish").isEqualTo(expected);
      assertThat(hash.digest(java.util.Arrays.copyOf(data, 30), java.util.Arrays.copyOfRange(data, 30, 64)))
          .isEqualTo(expected);
      assertThat(hash.digest(new byte[] {9, 9, 9, 1, 2, 9}, 3, 2)).isEqualTo(hash.digest(new byte[] {1, 2}));
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
