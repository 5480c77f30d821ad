package org.alliancechain.cli.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.alliancechain.cli.CliException;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.SigningKey;

/** Reads and writes PEM key files with errors that say which file and what to do. */
public final class KeyFiles {
  private KeyFiles() {}

  /** The private key in {@code file} (PKCS#8 PEM, any scheme the crypto module knows). */
  public static SigningKey loadPrivate(Path file, String role) throws CliException {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw CliException.badInput("the " + role + " key file " + file + " does not exist",
          "pass the path of a PKCS#8 PEM private key (alliance keygen writes one; network init"
              + " writes clients/client1.key.pem and organizations/<org>/admin.key.pem)");
    } catch (IOException e) {
      throw CliException.badInput("cannot read the " + role + " key file " + file + ": " + e,
          "check the path and its permissions");
    }
    try {
      return KeyPem.decodePrivate(pem);
    } catch (CryptoException e) {
      throw CliException.badInput(file + " is not a usable private key: " + e.getMessage(),
          "pass a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----), e.g. one from"
              + " alliance keygen");
    }
  }

  /** Writes a private key readable by its owner only; never overwrites an existing file. */
  public static void writePrivate(Path file, SigningKey key) throws CliException {
    write(file, KeyPem.encodePrivate(key), true);
  }

  /** Writes a public key PEM; never overwrites an existing file. */
  public static void writePublic(Path file, SigningKey key) throws CliException {
    write(file, KeyPem.encodePublic(key.publicKey()), false);
  }

  private static void write(Path file, String pem, boolean secret) throws CliException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      if (secret) {
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the operator protects the directory instead
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw CliException.badInput(file + " already exists; a key is never overwritten",
          "choose another file name, or move the old key away first");
    } catch (IOException e) {
      throw CliException.badInput("cannot write " + file + ": " + e, "check the directory's permissions");
    }
  }
}
