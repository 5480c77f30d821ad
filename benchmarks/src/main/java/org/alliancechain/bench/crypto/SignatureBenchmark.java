package org.alliancechain.bench.crypto;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signatures per second of each scheme through the module's API, over a 200-byte payload (about
 * a transaction body) in the transaction domain. Keys are shared and immutable, so running with
 * {@code -t 2} measures two threads verifying concurrently.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {
  static final int PAYLOAD_BYTES = 200;

  @Param({"ED25519", "ECDSA_P256", "SM2"})
  public SignatureScheme scheme;

  private SigningKey key;
  private PublicKey publicKey;
  private byte[] payload;
  private byte[] signature;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    key = SigningKey.generate(scheme, random);
    publicKey = key.publicKey();
    payload = new byte[PAYLOAD_BYTES];
    random.nextBytes(payload);
    signature = key.sign(SigningDomain.TRANSACTION, payload);
    if (!publicKey.verify(SigningDomain.TRANSACTION, payload, signature)) {
      throw new IllegalStateException("benchmark signature does not verify");
    }
  }

  @Benchmark
  public byte[] sign() {
    return key.sign(SigningDomain.TRANSACTION, payload);
  }

  @Benchmark
  public boolean verify() {
    return publicKey.verify(SigningDomain.TRANSACTION, payload, signature);
  }
}
