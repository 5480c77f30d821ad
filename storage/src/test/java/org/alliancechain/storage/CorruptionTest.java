package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.RocksDB;

/** Bytes flipped in SST files are reported, never served. */
class CorruptionTest {
  @TempDir
  Path directory;

  @BeforeEach
  void populate() throws Exception {
    TestChain chain = new TestChain();
    try (Storage storage = Storage.open(directory, TestChain.options())) {
      storage.commitGenesis(TestChain.changes(0, 200, 300));
      for (int height = 1; height <= 30; height++) {
        storage.commitBlock(chain.next(20, height).commit(TestChain.changes(height, 50, 300)));
      }
    } // closing flushes every column family into SST files
  }

  @Test
  void flippedBytesInTheBlocksFileAreReportedAtOpen() throws Exception {
    Path file = sstFileOf(Column.BLOCKS);
    flipBytes(file, Files.size(file) - 48); // all but the footer
    assertThatThrownBy(() -> Storage.open(directory, TestChain.options()))
        .isInstanceOf(StorageCorruptionException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("restore the directory from a backup");
  }

  @Test
  void aFullCheckAtOpenFindsDamageThatTheTipCheckDoesNotRead() throws Exception {
    Path file = sstFileOf(Column.STATE_HISTORY);
    flipBytes(file, Files.size(file) / 2); // data blocks only: the file still opens
    // The quick open reads the tip only, and the damaged file holds none of it...
    try (Storage storage = Storage.open(directory, TestChain.options())) {
      // ...but reading the damaged data reports it rather than serving it...
      assertThatThrownBy(() -> readEveryRetainedVersion(storage))
          .isInstanceOf(StorageCorruptionException.class)
          .hasMessageContaining(file.getFileName().toString());
      // ...and so does the full check, on demand or at open.
      assertThatThrownBy(storage::verifyChecksums)
          .isInstanceOf(StorageCorruptionException.class)
          .hasMessageContaining(file.getFileName().toString());
    }
    assertThatThrownBy(() -> Storage.open(directory,
        TestChain.options().withVerifyChecksumsOnOpen(true)))
        .isInstanceOf(StorageCorruptionException.class)
        .hasMessageContaining(file.getFileName().toString());
  }

  @Test
  void anIntactDirectoryPassesTheFullCheck() throws Exception {
    try (Storage storage = Storage.open(directory,
        TestChain.options().withVerifyChecksumsOnOpen(true))) {
      storage.verifyChecksums();
      assertThat(storage.blocks().tip().orElseThrow().height()).isEqualTo(30);
    }
  }

  private static void readEveryRetainedVersion(Storage storage) throws StorageException {
    StateStore state = storage.state();
    for (long version = state.oldestRetainedVersion(); version <= state.latestVersion();
        version++) {
      for (int key = 0; key < 300; key++) {
        state.get(TestChain.utf8("k" + key), version);
      }
    }
  }

  /** Flips one byte in every 256 of {@code file} before {@code end}. */
  private static void flipBytes(Path file, long end) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      for (long position = 16; position < end; position += 256) {
        one.clear();
        channel.read(one, position);
        one.flip();
        one.put(0, (byte) (one.get(0) ^ 0x5a));
        channel.write(one, position);
      }
    }
  }

  /** The largest live SST file of {@code column}, as RocksDB's metadata lists it. */
  private Path sstFileOf(Column column) throws Exception {
    RocksDB.loadLibrary();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    for (Column each : Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(each.familyNameBytes()));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    Map<String, Long> sizes = new HashMap<>();
    try (DBOptions options = new DBOptions();
        RocksDB db = RocksDB.openReadOnly(options, directory.toString(), descriptors, handles)) {
      for (LiveFileMetaData file : db.getLiveFilesMetaData()) {
        if (new String(file.columnFamilyName()).equals(column.familyName())) {
          sizes.put(file.fileName(), file.size());
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    }
    String largest = sizes.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow(() -> new AssertionError("no SST file for " + column)).getKey();
    return directory.resolve(largest.startsWith("/") ? largest.substring(1) : largest);
  }
}
