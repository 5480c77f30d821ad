package org.alliancechain.bench.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.alliancechain.storage.BlockCommit;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.StateProof;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageOptions;
import org.alliancechain.storage.StorageTuning;

/**
 * Storage throughput on RocksDB: blocks of 1,000 KvPut transactions (1,000 changed keys of 200
 * bytes each) committed with fsync on, over a state preloaded with {@code bench.keys} keys; then
 * state proof generation and verification. Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -q -B -Pbench -pl benchmarks -am -DskipTests package
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *     org.alliancechain.bench.storage.StorageBenchmark
 * </pre>
 *
 * System properties: bench.dir (default: a new temporary directory, deleted after),
 * bench.keys (1000000), bench.blocks (200), bench.transactions (1000), bench.valueBytes (200),
 * bench.newKeyShare (0.2), bench.sync (true), bench.retained (100), bench.proofs (20000),
 * bench.compression (LZ4), bench.cacheMiB (512), bench.bloomBits (10), bench.nodeCache (16384),
 * bench.writeBufferMiB (64).
 */
public final class StorageBenchmark {
  private static final int PRELOAD_BLOCK_KEYS = 20_000;
  private static final String KEY_COUNT_FILE = "bench-key-count";

  private StorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    long keys = Long.getLong("bench.keys", 1_000_000);
    int blocks = Integer.getInteger("bench.blocks", 200);
    int transactions = Integer.getInteger("bench.transactions", 1000);
    int valueBytes = Integer.getInteger("bench.valueBytes", 200);
    double newKeyShare = Double.parseDouble(System.getProperty("bench.newKeyShare", "0.2"));
    boolean sync = Boolean.parseBoolean(System.getProperty("bench.sync", "true"));
    String dirProperty = System.getProperty("bench.dir");
    Path directory = dirProperty != null ? Path.of(dirProperty)
        : Files.createTempDirectory("storage-bench");
    StorageTuning tuning = StorageTuning.defaults()
        .withCompression(StorageTuning.Compression.valueOf(
            System.getProperty("bench.compression", "LZ4")))
        .withBlockCacheBytes(Long.getLong("bench.cacheMiB", 512) << 20)
        .withBloomBitsPerKey(Integer.getInteger("bench.bloomBits", 10))
        .withTreeNodeCacheNodes(Integer.getInteger("bench.nodeCache", 16_384));
    long writeBufferMiB = Long.getLong("bench.writeBufferMiB", 64);
    tuning = tuning.withWriteBuffers(writeBufferMiB << 20, Math.max(8 * writeBufferMiB << 20,
        tuning.writeBuffersTotalBytesMax()));
    StorageOptions options = StorageOptions.of(BenchChain.CHAIN_ID, BenchChain.GENESIS_HASH,
        BenchChain.HASH).withTuning(tuning)
        .withRetainedStateVersions(Integer.getInteger("bench.retained", 100));
    System.out.printf(Locale.ROOT, "storage benchmark: %s, %,d keys, blocks of %,d"
        + " transactions with %d-byte values (%.0f%% new keys), sync %s, %s%n", directory, keys,
        transactions, valueBytes, newKeyShare * 100, sync, tuning);
    try {
      long preloaded = preload(directory, options, keys, valueBytes);
      try (Storage storage = Storage.open(directory, options.withSyncWrites(sync))) {
        // Each run draws new keys and values (seeded by the tip height): rewriting what a
        // previous run wrote would make many puts no-ops, which storage skips.
        ChainTip tip = storage.blocks().tip().orElseThrow();
        BenchChain chain = new BenchChain(tip, preloaded, valueBytes, tip.height());
        commitBlocks(storage, chain, blocks, transactions, newKeyShare);
        saveKeyCount(directory, chain.keyCount());
        proofs(storage, chain.keyCount(), Integer.getInteger("bench.proofs", 20_000));
        System.out.printf(Locale.ROOT, "directory size: %,.1f MiB%n",
            storage.sizeBytes() / 1048576.0);
      }
    } finally {
      if (dirProperty == null) {
        deleteRecursively(directory);
      }
    }
  }

  /** Fills the state to {@code keys} keys with unsynced commits; returns the keys present. */
  private static long preload(Path directory, StorageOptions options, long keys, int valueBytes)
      throws Exception {
    try (Storage storage = Storage.open(directory, options.withSyncWrites(false))) {
      if (storage.blocks().tip().isEmpty()) {
        storage.commitGenesis(List.of());
      }
      ChainTip tip = storage.blocks().tip().orElseThrow();
      if (tip.height() > 0) {
        long existing = Long.parseLong(
            Files.readString(directory.resolve(KEY_COUNT_FILE)).strip());
        System.out.printf(Locale.ROOT, "reusing the state of an earlier run: height %d, %,d"
            + " keys%n", tip.height(), existing);
        return existing;
      }
      long start = System.nanoTime();
      BenchChain chain = new BenchChain(tip, 0, valueBytes, 1);
      while (chain.keyCount() < keys) {
        int count = (int) Math.min(PRELOAD_BLOCK_KEYS, keys - chain.keyCount());
        storage.commitBlock(chain.next(count, 1.0));
      }
      System.out.printf(Locale.ROOT, "preloaded %,d keys in %.1f s%n", chain.keyCount(),
          (System.nanoTime() - start) / 1e9);
      saveKeyCount(directory, chain.keyCount());
      return chain.keyCount();
    }
  }

  private static void commitBlocks(Storage storage, BenchChain chain, int blocks,
      int transactions, double newKeyShare) throws Exception {
    for (int warmup = 0; warmup < Math.min(20, blocks / 5); warmup++) {
      storage.commitBlock(chain.next(transactions, newKeyShare));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] latencyNs = new long[blocks];
    long total = 0;
    long cpuNs = 0;
    for (int i = 0; i < blocks; i++) {
      BlockCommit commit = chain.next(transactions, newKeyShare);
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      storage.commitBlock(commit);
      latencyNs[i] = System.nanoTime() - start;
      cpuNs += threads.getCurrentThreadCpuTime() - cpuStart;
      total += latencyNs[i];
    }
    Arrays.sort(latencyNs);
    double seconds = total / 1e9;
    System.out.printf(Locale.ROOT, "commit: %d blocks in %.2f s = %.1f blocks/s, %,.0f"
        + " transactions and state writes/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        blocks, seconds, blocks / seconds, blocks * (double) transactions / seconds,
        latencyNs[blocks / 2] / 1e6, latencyNs[blocks * 99 / 100] / 1e6,
        latencyNs[blocks - 1] / 1e6);
    System.out.printf(Locale.ROOT, "commit thread CPU: %.1f ms per block (the rest of the"
        + " latency is fsync, I/O and waiting for a core)%n", cpuNs / 1e6 / blocks);
  }

  private static void proofs(Storage storage, long keyCount, int count) throws Exception {
    long version = storage.state().latestVersion();
    byte[] root = storage.state().root(version);
    SplittableRandom random = new SplittableRandom(3);
    StateProof[] proofs = new StateProof[count];
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      // One in ten proofs is of an absent key.
      long key = i % 10 == 9 ? keyCount + random.nextLong(keyCount) : random.nextLong(keyCount);
      proofs[i] = storage.state().prove(BenchChain.stateKey(key), version);
    }
    double generateSeconds = (System.nanoTime() - start) / 1e9;
    double siblings = Arrays.stream(proofs).mapToInt(p -> p.proof().siblings().size()).average()
        .orElse(0);
    System.out.printf(Locale.ROOT, "proofs: %,.0f generated/s (one thread, %.1f siblings on"
        + " average)%n", count / generateSeconds, siblings);
    start = System.nanoTime();
    int verified = 0;
    for (StateProof proof : proofs) {
      verified += proof.verify(BenchChain.HASH) ? 1 : 0;
    }
    double verifySeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "proofs: %,.0f verified/s (one thread, crypto's"
        + " SparseMerkleProof); %d of %d verified against root %s%n", count / verifySeconds,
        verified, count, HexFormat.of().formatHex(root));
  }

  /** The benchmark's own note of how many keys the directory holds, for a later run. */
  private static void saveKeyCount(Path directory, long keyCount) throws IOException {
    Files.writeString(directory.resolve(KEY_COUNT_FILE), Long.toString(keyCount));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
