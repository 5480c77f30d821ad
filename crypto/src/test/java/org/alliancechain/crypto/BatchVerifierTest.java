package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchVerifierTest {
  private static final List<SigningKey> KEYS = List.of(
      TestKeys.key(SignatureScheme.ED25519, 1), TestKeys.key(SignatureScheme.ECDSA_P256, 2),
      TestKeys.key(SignatureScheme.SM2, 3), TestKeys.key(SignatureScheme.ED25519, 4));

  /** A batch of mixed schemes where the items at the returned indices are made invalid. */
  private static List<BatchVerifier.Item> batch(int size, long seed, List<Integer> invalid) {
    Random random = new Random(seed);
    List<BatchVerifier.Item> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      SigningKey key = KEYS.get(random.nextInt(KEYS.size()));
      byte[] payload = TestKeys.bytes(random, 200);
      byte[] signature = key.sign(SigningDomain.TRANSACTION, payload);
      if (random.nextInt(10) == 0) {
        invalid.add(i);
        switch (random.nextInt(3)) {
          case 0 -> signature[random.nextInt(signature.length)] ^= 1;
          case 1 -> payload = SignatureNegativeTest.flip(payload.length == 0 ? new byte[1] : payload, 0);
          default -> {
            items.add(new BatchVerifier.Item(key.publicKey(), SigningDomain.CONSENSUS, payload,
                signature));
            continue;
          }
        }
      }
      items.add(new BatchVerifier.Item(key.publicKey(), SigningDomain.TRANSACTION, payload,
          signature));
    }
    return items;
  }

  @Test
  void reportsExactlyTheInvalidItemsOfAMixedBatch() {
    for (int size : new int[] {0, 1, 7, 8, 9, 100, 1000}) {
      List<Integer> invalid = new ArrayList<>();
      List<BatchVerifier.Item> items = batch(size, size, invalid);

      BatchResult result = BatchVerifier.shared().verify(items);

      assertThat(result.size()).isEqualTo(size);
      assertThat(result.invalidIndices()).as("size %d", size).isEqualTo(invalid);
      assertThat(result.validCount()).isEqualTo(size - invalid.size());
      assertThat(result.allValid()).isEqualTo(invalid.isEmpty());
      for (int i = 0; i < size; i++) {
        BatchVerifier.Item item = items.get(i);
        assertThat(result.isValid(i))
            .isEqualTo(item.key().verify(item.domain(), item.payload(), item.signature()));
      }
    }
  }

  @Test
  void asyncVerificationGivesTheSameResult() throws Exception {
    List<Integer> invalid = new ArrayList<>();
    List<BatchVerifier.Item> items = batch(300, 7, invalid);

    BatchResult result = BatchVerifier.shared().verifyAsync(items).get(30, TimeUnit.SECONDS);

    assertThat(result.invalidIndices()).isEqualTo(invalid);
    assertThat(BatchVerifier.shared().verifyAsync(List.of()).get().size()).isZero();
  }

  @Test
  void aCallerSuppliedExecutorRunsTheChunks() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicInteger tasks = new AtomicInteger();
    try {
      BatchVerifier verifier = BatchVerifier.using(command -> {
        tasks.incrementAndGet();
        pool.execute(command);
      }, 4);
      List<Integer> invalid = new ArrayList<>();

      BatchResult result = verifier.verify(batch(400, 8, invalid));

      assertThat(result.invalidIndices()).isEqualTo(invalid);
      assertThat(tasks.get()).as("helpers besides the calling thread").isEqualTo(3);
      assertThat(verifier.chunkItems(400)).isEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSaturatedExecutorOnlyCostsSpeed() throws Exception {
    BatchVerifier refusing = BatchVerifier.using(command -> {
      throw new RejectedExecutionException("full");
    }, 8);
    List<Integer> invalid = new ArrayList<>();
    List<BatchVerifier.Item> items = batch(200, 9, invalid);

    assertThat(refusing.verify(items).invalidIndices()).isEqualTo(invalid);
    assertThat(refusing.verifyAsync(items).get(30, TimeUnit.SECONDS).invalidIndices())
        .isEqualTo(invalid);
  }

  @Test
  void aSingleThreadedExecutorCannotDeadlockABatchStartedFromItsOwnThread() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      BatchVerifier verifier = BatchVerifier.using(single, 4);
      List<Integer> invalid = new ArrayList<>();
      List<BatchVerifier.Item> items = batch(200, 10, invalid);

      BatchResult result = single.submit(() -> verifier.verify(items)).get(60, TimeUnit.SECONDS);

      assertThat(result.invalidIndices()).isEqualTo(invalid);
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void smallBatchesStayInOneChunkAndLargeOnesSpreadOverTheWorkers() {
    BatchVerifier verifier = BatchVerifier.using(Runnable::run, 2);

    assertThat(verifier.chunkItems(10)).isEqualTo(BatchVerifier.CHUNK_ITEMS_MIN);
    assertThat(verifier.chunkItems(1000)).isEqualTo(32);
    assertThat(verifier.chunkItems(100_000)).isEqualTo(3125);
    assertThat(BatchVerifier.shared().parallelism())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void rejectsNonsenseConfigurationAndItems() {
    PublicKey key = KEYS.get(0).publicKey();

    assertThatThrownBy(() -> BatchVerifier.using(Runnable::run, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new BatchVerifier.Item(key, SigningDomain.TRANSACTION, null,
        new byte[64])).isInstanceOf(NullPointerException.class).hasMessageContaining("payload");
    assertThatThrownBy(() -> new BatchVerifier.Item(null, SigningDomain.TRANSACTION, new byte[0],
        new byte[64])).isInstanceOf(NullPointerException.class).hasMessageContaining("key");
  }
}
