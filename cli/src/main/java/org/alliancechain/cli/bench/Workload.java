package org.alliancechain.cli.bench;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alliancechain.cli.client.TransactionFactory;
import org.alliancechain.config.Genesis;
import org.alliancechain.crypto.SigningKey;

/**
 * The bench's transactions, all signed before the clock starts: key-value puts of about
 * {@code payloadBytes} encoded bytes each, spread round-robin over the client keys. Signing runs
 * on every core.
 */
final class Workload {
  final List<byte[]> transactions;
  final List<ByteString> ids;
  final Map<ByteString, Integer> indexOfId;
  final int encodedBytes;

  private Workload(List<byte[]> transactions, List<ByteString> ids) {
    this.transactions = transactions;
    this.ids = ids;
    this.indexOfId = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      indexOfId.put(ids.get(i), i);
    }
    this.encodedBytes = transactions.isEmpty() ? 0 : transactions.get(0).length;
  }

  static Workload sign(Genesis genesis, List<SigningKey> clients, int count, int payloadBytes,
      long expiryHeight) {
    List<TransactionFactory> factories = clients.stream().map(key -> new TransactionFactory(
        genesis.chainId(), genesis.suite().hash(), key)).toList();
    String run = Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    int valueBytes = valueBytesFor(factories.get(0), run, payloadBytes, expiryHeight);
    byte[][] signed = new byte[count][];
    ByteString[] ids = new ByteString[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      TransactionFactory factory = factories.get(i % factories.size());
      byte[] value = new byte[valueBytes];
      java.util.concurrent.ThreadLocalRandom.current().nextBytes(value);
      signed[i] = factory.put("default", key(run, i), ByteString.copyFrom(value), expiryHeight);
      ids[i] = factory.id(signed[i]);
    });
    return new Workload(List.of(signed), List.of(ids));
  }

  private static ByteString key(String run, int index) {
    return ByteString.copyFromUtf8(String.format("bench/%s/%08d", run, index));
  }

  /** The value length that makes a put about {@code payloadBytes} long once signed. */
  private static int valueBytesFor(TransactionFactory factory, String run, int payloadBytes,
      long expiryHeight) {
    int empty = factory.put("default", key(run, 0), ByteString.EMPTY, expiryHeight).length;
    return Math.max(1, payloadBytes - empty - 1);
  }

  int size() {
    return transactions.size();
  }

  /** Batches of consecutive indexes. */
  List<int[]> batches(int batchSize) {
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start < size(); start += batchSize) {
      int end = Math.min(size(), start + batchSize);
      batches.add(IntStream.range(start, end).toArray());
    }
    return batches;
  }
}
