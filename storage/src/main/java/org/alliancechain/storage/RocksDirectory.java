package org.alliancechain.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The data directory around a RocksDB database: what open checks, and its size. */
final class RocksDirectory {
  private RocksDirectory() {}

  /** Refuses a path that is a file, or a non-empty directory without a database. */
  static void check(Path directory) throws StorageException {
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE, "data directory "
            + directory + " is a file; point the data directory at a directory");
      }
      Files.createDirectories(directory);
      boolean hasDatabase = Files.exists(directory.resolve("CURRENT"));
      boolean empty;
      try (Stream<Path> entries = Files.list(directory)) {
        empty = entries.findAny().isEmpty();
      }
      if (!hasDatabase && !empty) {
        throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE, "data directory "
            + directory + " is not empty and holds no AllianceChain storage (no CURRENT file);"
            + " point the data directory at an empty or existing storage directory");
      }
    } catch (IOException e) {
      throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE,
          "cannot use data directory " + directory + ": " + e, e);
    }
  }

  /** The column families of the database in {@code directory}; none for a new one. */
  static List<byte[]> existingFamilies(Path directory) throws StorageException {
    if (!Files.exists(directory.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, directory.toString());
    } catch (RocksDBException e) {
      throw RocksErrors.openFailure(directory, e);
    }
  }

  /** Bytes of every file in the directory, as an operator's du counts them; -1 if unreadable. */
  static long sizeBytes(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(RocksDirectory::sizeOrZero).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted by a compaction meanwhile
    }
  }
}
