package org.alliancechain.node.ledger;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.chain.ExecutionRoots;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;

/**
 * The execution roots of recent heights, which proposals carry and validators compare: kept in
 * memory for the last heights, read back from storage after a restart, and awaited when a
 * proposal refers to a height this node has not executed yet.
 */
final class ExecutionRootsBook {
  private static final int KEPT_HEIGHTS = 256;

  private final ChainRules rules;
  private final Storage storage;
  private final TreeMap<Long, ExecutionRoots> recent = new TreeMap<>();
  private final Map<Long, CompletableFuture<ExecutionRoots>> awaited = new HashMap<>();

  ExecutionRootsBook(ChainRules rules, Storage storage) {
    this.rules = rules;
    this.storage = storage;
  }

  synchronized void record(ExecutionRoots roots) {
    recent.put(roots.height(), roots);
    while (recent.size() > KEPT_HEIGHTS) {
      recent.pollFirstEntry();
    }
    CompletableFuture<ExecutionRoots> waiting = awaited.remove(roots.height());
    if (waiting != null) {
      waiting.complete(roots);
    }
  }

  synchronized CompletableFuture<ExecutionRoots> await(long height) {
    ExecutionRoots known = recent.get(height);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    long stored = storage.blocks().tip().map(tip -> tip.height()).orElse(-1L);
    if (height <= stored) {
      try {
        return CompletableFuture.completedFuture(load(height));
      } catch (StorageException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return awaited.computeIfAbsent(height, h -> new CompletableFuture<>());
  }

  private ExecutionRoots load(long height) throws StorageException {
    byte[] stateRoot = storage.state().root(height);
    byte[] resultsRoot = MerkleTree.rootOf(rules.hash(), storage.blocks().results(height));
    ExecutionRoots roots = new ExecutionRoots(height, ByteString.copyFrom(stateRoot),
        ByteString.copyFrom(resultsRoot));
    recent.put(height, roots);
    return roots;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
