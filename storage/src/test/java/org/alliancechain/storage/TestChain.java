package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.proto.v1.TransactionStatus;

/**
 * Builds a chain of well-formed blocks for tests. Storage never verifies signatures or executes
 * transactions (the node does), so transactions carry real bodies and filler signature bytes,
 * and the state changes of a block are chosen by the test.
 */
final class TestChain {
  static final String CHAIN_ID = "test-chain";
  static final HashAlgorithm HASH = HashAlgorithm.SHA_256;
  static final byte[] GENESIS_HASH = HASH.digest("genesis.json".getBytes(StandardCharsets.UTF_8));

  private byte[] previousHash = GENESIS_HASH;
  private long height;

  TestChain() {}

  /** A chain that continues after {@code tip}, as a restarted node does. */
  TestChain(ChainTip tip) {
    this.height = tip.height();
    this.previousHash = tip.blockHash();
  }

  /** A committed block's pieces, as the node would have them. */
  record Built(long height, byte[] hash, byte[] block, byte[] certificate, List<byte[]> results,
      List<byte[]> transactionIds, List<byte[]> transactions) {
    BlockCommit commit(List<StateChange> changes) {
      return new BlockCommit(block, certificate, results, changes);
    }
  }

  static StorageOptions options() {
    return StorageOptions.of(CHAIN_ID, GENESIS_HASH, HASH).withTuning(StorageTuning.forTests());
  }

  /** The next block, with {@code transactions} random KvPut transactions from {@code seed}. */
  Built next(int transactions, long seed) {
    Random random = new Random(seed);
    List<byte[]> signed = new ArrayList<>();
    List<byte[]> ids = new ArrayList<>();
    List<byte[]> results = new ArrayList<>();
    for (int i = 0; i < transactions; i++) {
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      byte[] body = TransactionBody.newBuilder()
          .setChainId(CHAIN_ID)
          .setNonce(ByteString.copyFrom(nonce))
          .setExpiryHeight(height + 100)
          .setKvPut(KvPut.newBuilder().setNamespace("test")
              .setKey(ByteString.copyFromUtf8("key-" + random.nextInt(1000)))
              .setValue(ByteString.copyFromUtf8("value-" + i)))
          .build().toByteArray();
      byte[] signature = new byte[64];
      random.nextBytes(signature);
      signed.add(SignedTransaction.newBuilder().setBody(ByteString.copyFrom(body))
          .setSignature(ByteString.copyFrom(signature)).build().toByteArray());
      byte[] id = HASH.digest(body);
      ids.add(id);
      results.add(TransactionResult.newBuilder().setTransactionId(ByteString.copyFrom(id))
          .setStatus(TransactionStatus.TRANSACTION_STATUS_SUCCESS).build().toByteArray());
    }
    return build(signed, ids, results);
  }

  /** The next block, carrying {@code transactions} (SignedTransaction bytes) again. */
  Built next(List<byte[]> transactions) throws Exception {
    List<byte[]> ids = new ArrayList<>();
    List<byte[]> results = new ArrayList<>();
    for (byte[] transaction : transactions) {
      byte[] id = HASH.digest(SignedTransaction.parseFrom(transaction).getBody().toByteArray());
      ids.add(id);
      results.add(TransactionResult.newBuilder().setTransactionId(ByteString.copyFrom(id))
          .setStatus(TransactionStatus.TRANSACTION_STATUS_SUCCESS).build().toByteArray());
    }
    return build(transactions, ids, results);
  }

  private Built build(List<byte[]> signed, List<byte[]> ids, List<byte[]> results) {
    height++;
    // Storage does not check the transactions root (the node validates blocks before they
    // commit); a hash over the transactions keeps blocks with different contents apart.
    HashAlgorithm.Incremental transactionsRoot = HASH.incremental();
    signed.forEach(transactionsRoot::update);
    byte[] header = BlockHeader.newBuilder()
        .setChainId(CHAIN_ID)
        .setHeight(height)
        .setPreviousHash(ByteString.copyFrom(previousHash))
        .setTimestampMs(1_700_000_000_000L + height)
        .setTransactionCount(signed.size())
        .setTransactionsRoot(ByteString.copyFrom(transactionsRoot.finish()))
        .build().toByteArray();
    Block.Builder block = Block.newBuilder().setHeader(ByteString.copyFrom(header));
    signed.forEach(tx -> block.addTransactions(ByteString.copyFrom(tx)));
    byte[] hash = HASH.digest(header);
    byte[] certificate = CommitCertificate.newBuilder().setHeight(height).setView(0)
        .setBlockHash(ByteString.copyFrom(hash)).build().toByteArray();
    previousHash = hash;
    return new Built(height, hash, block.build().toByteArray(), certificate, results, ids,
        List.copyOf(signed));
  }

  /** {@code count} deterministic changes for a version: puts to a pool of keys, some deletes. */
  static List<StateChange> changes(long seed, int count, int keySpace) {
    Random random = new Random(seed);
    List<StateChange> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] key = ("k" + random.nextInt(keySpace)).getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(5) == 0) {
        changes.add(StateChange.delete(key));
      } else {
        byte[] value = new byte[1 + random.nextInt(40)];
        random.nextBytes(value);
        changes.add(StateChange.put(key, value));
      }
    }
    return changes;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
