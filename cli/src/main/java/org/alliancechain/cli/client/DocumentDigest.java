package org.alliancechain.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.alliancechain.cli.CliException;
import org.alliancechain.crypto.HashAlgorithm;

/** The digest of a document to anchor, in one of the algorithms an evidence anchor names. */
public final class DocumentDigest {
  private DocumentDigest() {}

  /** The digest of {@code file} with {@code algorithm}: sha-256, sm3, sha-512 or sha3-256. */
  public static byte[] of(Path file, String algorithm) throws CliException {
    String name = algorithm.toLowerCase(Locale.ROOT);
    if (!List.of("sha-256", "sm3", "sha-512", "sha3-256").contains(name)) {
      throw CliException.badInput("unknown digest algorithm '" + algorithm + "'",
          "use sha-256, sm3, sha-512 or sha3-256");
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (name.equals("sm3")) {
        HashAlgorithm.Incremental sm3 = HashAlgorithm.SM3.incremental();
        pump(in, sm3::update);
        return sm3.finish();
      }
      MessageDigest digest = MessageDigest.getInstance(switch (name) {
        case "sha-256" -> "SHA-256";
        case "sha-512" -> "SHA-512";
        default -> "SHA3-256";
      });
      pump(in, digest::update);
      return digest.digest();
    } catch (NoSuchFileException e) {
      throw CliException.badInput("the document " + file + " does not exist",
          "pass the file whose digest to anchor with --file");
    } catch (IOException e) {
      throw CliException.badInput("cannot read the document " + file + ": " + e, null);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private interface Sink {
    void update(byte[] data, int offset, int length);
  }

  private static void pump(InputStream in, Sink sink) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      sink.update(buffer, 0, read);
    }
  }
}
