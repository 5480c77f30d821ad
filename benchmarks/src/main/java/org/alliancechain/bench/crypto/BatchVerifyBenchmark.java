package org.alliancechain.bench.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.BatchResult;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signatures verified per second when a block-sized batch of 1,000 Ed25519 transaction
 * signatures (from 100 clients) goes through the batch verifier on all cores, against the same
 * batch verified in the calling thread alone. Run with {@code -t 1}: the verifier itself uses
 * every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchVerifyBenchmark {
  static final int BATCH = 1000;
  private static final int CLIENTS = 100;

  private List<BatchVerifier.Item> items;
  private final BatchVerifier callerOnly = BatchVerifier.using(Runnable::run, 1);

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    List<SigningKey> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(SigningKey.generate(SignatureScheme.ED25519, random));
    }
    items = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      SigningKey client = clients.get(i % CLIENTS);
      byte[] payload = new byte[SignatureBenchmark.PAYLOAD_BYTES];
      random.nextBytes(payload);
      items.add(new BatchVerifier.Item(client.publicKey(), SigningDomain.TRANSACTION, payload,
          client.sign(SigningDomain.TRANSACTION, payload)));
    }
    if (!BatchVerifier.shared().verify(items).allValid()) {
      throw new IllegalStateException("benchmark batch does not verify");
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchResult sharedPool() {
    return BatchVerifier.shared().verify(items);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchResult callingThreadOnly() {
    return callerOnly.verify(items);
  }
}
