package org.alliancechain.node.receipt;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.TransactionReceipt;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageCorruptionException;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.TransactionLocation;

/**
 * Builds receipts and state anchors from the committed chain in storage
 * (docs/adr/0002-execution-roots-lag.md): a transaction of height h is proven by header h, its
 * inclusion proof, headers h+1..h+W, the result's proof against header h+W and the certificate
 * of h+W. Thread-safe.
 */
public final class ReceiptBuilder {
  private static final int CACHED_TREES = 16;

  private final Storage storage;
  private final ChainRules rules;
  private final TreeCache trees;

  public ReceiptBuilder(Storage storage, ChainRules rules) {
    this.storage = storage;
    this.rules = rules;
    this.trees = new TreeCache(rules.hash(), CACHED_TREES);
  }

  /** The receipt of transaction {@code id}, or empty when it is not committed here. */
  public Optional<CommittedReceipt> build(TransactionId id) throws StorageException {
    Optional<TransactionLocation> location = storage.blocks().locate(id.toByteArray());
    if (location.isEmpty()) {
      return Optional.empty();
    }
    long height = location.get().height();
    int index = location.get().index();
    Block block = block(height);
    MerkleTree transactions = trees.transactions(height, () -> leaves(block.getTransactionsList()));
    ByteString result = ByteString.copyFrom(storage.blocks().result(height, index).orElseThrow(
        () -> corrupt("transaction " + id + " is indexed at height " + height + " index " + index
            + " but that block has no result there")));
    TransactionReceipt.Builder receipt = TransactionReceipt.newBuilder()
        .setTransaction(block.getTransactions(index))
        .setHeight(height)
        .setIndex(index)
        .setBlockHeader(block.getHeader())
        .setTransactionProof(ProofCodec.toProto(transactions.proof(index)))
        .setResult(result);
    long certifiedHeight = height + rules.window();
    boolean complete = tipHeight() >= certifiedHeight;
    if (complete) {
      certify(receipt, height, index, certifiedHeight);
    }
    return Optional.of(new CommittedReceipt(height, index, result, receipt.build(), complete));
  }

  private void certify(TransactionReceipt.Builder receipt, long height, int index,
      long certifiedHeight) throws StorageException {
    ByteString lastHeader = ByteString.EMPTY;
    for (long following = height + 1; following <= certifiedHeight; following++) {
      lastHeader = block(following).getHeader();
      receipt.addFollowingHeaders(lastHeader);
    }
    MerkleTree results = trees.results(height, () -> storage.blocks().results(height));
    ByteString resultsRoot = header(lastHeader, certifiedHeight).getResultsRoot();
    if (!resultsRoot.equals(ByteString.copyFrom(results.root()))) {
      // Serving a receipt that cannot verify would mislead the client; the chain is inconsistent.
      throw corrupt("the stored results of height " + height + " hash to "
          + HexFormat.of().formatHex(results.root()) + " but header " + certifiedHeight
          + " carries results_root " + HexFormat.of().formatHex(resultsRoot.toByteArray()));
    }
    receipt.setResultProof(ProofCodec.toProto(results.proof(index)))
        .setCertificate(certificate(certifiedHeight));
  }

  /**
   * The committed header that carries the state root after {@code executedHeight} (the header
   * of executedHeight + W; of height 1 for the genesis state), with its certificate; empty until
   * that header is committed.
   */
  public Optional<StateAnchor> anchorFor(long executedHeight) throws StorageException {
    long anchorHeight = executedHeight == 0 ? 1 : executedHeight + rules.window();
    if (anchorHeight > tipHeight()) {
      return Optional.empty();
    }
    ByteString header = block(anchorHeight).getHeader();
    if (header(header, anchorHeight).getExecutedHeight() != executedHeight) {
      throw corrupt("header " + anchorHeight + " should carry the roots of height "
          + executedHeight + " but carries those of " + header(header, anchorHeight)
          .getExecutedHeight());
    }
    return Optional.of(new StateAnchor(header, certificate(anchorHeight)));
  }

  /** A committed header and its certificate, anchoring a state root. */
  public record StateAnchor(ByteString header, CommitCertificate certificate) {}

  private long tipHeight() {
    return storage.blocks().tip().map(ChainTip::height).orElse(0L);
  }

  private Block block(long height) throws StorageException {
    byte[] bytes = storage.blocks().block(height)
        .orElseThrow(() -> corrupt("block " + height + " is below the tip but not stored"));
    try {
      return Block.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw corrupt("stored block " + height + " does not parse: " + e.getMessage());
    }
  }

  private CommitCertificate certificate(long height) throws StorageException {
    byte[] bytes = storage.blocks().certificate(height)
        .orElseThrow(() -> corrupt("block " + height + " is stored without its certificate"));
    try {
      return CommitCertificate.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw corrupt("stored certificate " + height + " does not parse: " + e.getMessage());
    }
  }

  private static BlockHeader header(ByteString bytes, long height) throws StorageException {
    try {
      return BlockHeader.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw corrupt("stored header " + height + " does not parse: " + e.getMessage());
    }
  }

  private static List<byte[]> leaves(List<ByteString> items) {
    List<byte[]> leaves = new ArrayList<>(items.size());
    for (ByteString item : items) {
      leaves.add(item.toByteArray());
    }
    return leaves;
  }

  private static StorageCorruptionException corrupt(String message) {
    return new StorageCorruptionException(message);
  }
}
