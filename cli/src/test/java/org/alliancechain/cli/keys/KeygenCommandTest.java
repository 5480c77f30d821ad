package org.alliancechain.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
  @TempDir
  Path directory;

  @Test
  void writesAPrivateKeyOnlyItsOwnerReadsAndTheMatchingPublicKey() throws Exception {
    Path file = directory.resolve("client.key.pem");
    CliRun run = CliRun.run("keygen", "--out", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    SigningKey key = KeyPem.decodePrivate(Files.readString(file));
    assertThat(key.scheme()).isEqualTo(SignatureScheme.ED25519);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    var publicKey = KeyPem.decodePublic(Files.readString(directory.resolve("client.key.pem.pub")));
    byte[] signature = key.sign(SigningDomain.TRANSACTION, new byte[] {1, 2, 3});
    assertThat(publicKey.verify(SigningDomain.TRANSACTION, new byte[] {1, 2, 3}, signature)).isTrue();
    assertThat(run.out()).contains(publicKey.toBase64());
  }

  @Test
  void smSuiteKeysAreSm2() throws Exception {
    Path file = directory.resolve("sm.key.pem");
    assertThat(CliRun.run("keygen", "--suite", "sm", "--out", file.toString()).exitCode()).isZero();
    assertThat(KeyPem.decodePrivate(Files.readString(file)).scheme()).isEqualTo(SignatureScheme.SM2);
  }

  @Test
  void neverOverwritesAKey() throws Exception {
    Path file = directory.resolve("k.pem");
    Files.writeString(file, "precious");
    CliRun run = CliRun.run("keygen", "--out", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("already exists").contains("fix:");
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void refusesASchemeTheSuiteDoesNotAllow() {
    CliRun run = CliRun.run("keygen", "--suite", "sm", "--scheme", "ed25519", "--out",
        directory.resolve("x.pem").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("does not accept ed25519");
  }
}
