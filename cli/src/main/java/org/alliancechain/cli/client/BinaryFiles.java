package org.alliancechain.cli.client;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.alliancechain.cli.CliException;

/** Reading and writing the CLI's binary files (receipts, blocks) with errors that help. */
public final class BinaryFiles {
  private BinaryFiles() {}

  public static void write(Path file, byte[] bytes, String what) throws CliException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      java.nio.file.Files.createDirectories(parent);
      java.nio.file.Files.write(file, bytes);
    } catch (IOException e) {
      throw CliException.badInput("cannot save the " + what + " to " + file + ": " + e,
          "check the path and the directory's permissions");
    }
  }

  public static byte[] read(Path file, String what, String fix) throws CliException {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliException.badInput("the " + what + " file " + file + " does not exist", fix);
    } catch (IOException e) {
      throw CliException.badInput("cannot read the " + what + " file " + file + ": " + e, fix);
    }
  }
}
