package org.alliancechain.bench.storage;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.proto.v1.TransactionStatus;
import org.alliancechain.storage.BlockCommit;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.StateChange;

/**
 * Blocks of KvPut transactions as the node would commit them: one state change per
 * transaction, a value of {@code valueBytes} random bytes under "bench" || 0x00 || key. Storage
 * verifies no signature, so transactions carry 64 random signature bytes.
 */
final class BenchChain {
  static final String CHAIN_ID = "bench-chain";
  static final HashAlgorithm HASH = HashAlgorithm.SHA_256;
  static final byte[] GENESIS_HASH = HASH.digest("bench genesis".getBytes(StandardCharsets.UTF_8));

  private final SplittableRandom random;
  private final int valueBytes;
  private long height;
  private byte[] previousHash;
  /** Keys 0 .. keyCount - 1 exist in the state. */
  private long keyCount;

  BenchChain(ChainTip tip, long keyCount, int valueBytes, long seed) {
    this.height = tip.height();
    this.previousHash = tip.blockHash();
    this.keyCount = keyCount;
    this.valueBytes = valueBytes;
    this.random = new SplittableRandom(seed);
  }

  static byte[] stateKey(long key) {
    return ("bench\0key-" + key).getBytes(StandardCharsets.UTF_8);
  }

  long keyCount() {
    return keyCount;
  }

  /**
   * The next block: {@code transactions} puts, a share {@code newKeyShare} of them to new keys
   * and the rest to random existing ones.
   */
  BlockCommit next(int transactions, double newKeyShare) {
    List<byte[]> signed = new ArrayList<>(transactions);
    List<byte[]> results = new ArrayList<>(transactions);
    List<StateChange> changes = new ArrayList<>(transactions);
    for (int i = 0; i < transactions; i++) {
      long key = random.nextDouble() < newKeyShare || keyCount == 0 ? keyCount++
          : random.nextLong(keyCount);
      byte[] value = new byte[valueBytes];
      random.nextBytes(value);
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      byte[] body = TransactionBody.newBuilder().setChainId(CHAIN_ID)
          .setNonce(ByteString.copyFrom(nonce)).setExpiryHeight(height + 100)
          .setKvPut(KvPut.newBuilder().setNamespace("bench")
              .setKey(ByteString.copyFromUtf8("key-" + key)).setValue(ByteString.copyFrom(value)))
          .build().toByteArray();
      byte[] signature = new byte[64];
      random.nextBytes(signature);
      signed.add(SignedTransaction.newBuilder().setBody(ByteString.copyFrom(body))
          .setSignature(ByteString.copyFrom(signature)).build().toByteArray());
      results.add(TransactionResult.newBuilder()
          .setTransactionId(ByteString.copyFrom(HASH.digest(body)))
          .setStatus(TransactionStatus.TRANSACTION_STATUS_SUCCESS).build().toByteArray());
      changes.add(StateChange.put(stateKey(key), value));
    }
    return commit(signed, results, changes);
  }

  private BlockCommit commit(List<byte[]> signed, List<byte[]> results,
      List<StateChange> changes) {
    height++;
    byte[] header = BlockHeader.newBuilder().setChainId(CHAIN_ID).setHeight(height)
        .setPreviousHash(ByteString.copyFrom(previousHash))
        .setTimestampMs(System.currentTimeMillis()).setTransactionCount(signed.size())
        .setTransactionsRoot(ByteString.copyFrom(HASH.digest(signed.toArray(byte[][]::new))))
        .build().toByteArray();
    Block.Builder block = Block.newBuilder().setHeader(ByteString.copyFrom(header));
    signed.forEach(transaction -> block.addTransactions(ByteString.copyFrom(transaction)));
    byte[] hash = HASH.digest(header);
    byte[] certificate = CommitCertificate.newBuilder().setHeight(height)
        .setBlockHash(ByteString.copyFrom(hash)).build().toByteArray();
    previousHash = hash;
    return new BlockCommit(block.build().toByteArray(), certificate, results, changes);
  }
}
