package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentDigestTest {
  @TempDir
  Path directory;

  @Test
  void digestsMatchPublishedVectorsOfAbc() throws Exception {
    Path abc = Files.writeString(directory.resolve("abc.txt"), "abc");
    // FIPS 180-2 appendix B.1
    assertThat(hex(DocumentDigest.of(abc, "sha-256")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // GB/T 32905-2016 appendix A.1
    assertThat(hex(DocumentDigest.of(abc, "sm3")))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    // FIPS 202 example (SHA3-256 of "abc")
    assertThat(hex(DocumentDigest.of(abc, "sha3-256")))
        .isEqualTo("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  }

  @Test
  void unknownAlgorithmAndMissingFileAreBadInput() throws Exception {
    Path abc = Files.writeString(directory.resolve("abc.txt"), "abc");
    Path missing = directory.resolve("missing.pdf");
    assertThat(exitCodeOf(() -> DocumentDigest.of(missing, "sha-256")))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(exitCodeOf(() -> DocumentDigest.of(abc, "md5")))
        .isEqualTo(ExitCode.BAD_INPUT);
  }

  private interface Action {
    void run() throws CliException;
  }

  private static int exitCodeOf(Action action) {
    try {
      action.run();
      return ExitCode.OK;
    } catch (CliException e) {
      return e.exitCode();
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
