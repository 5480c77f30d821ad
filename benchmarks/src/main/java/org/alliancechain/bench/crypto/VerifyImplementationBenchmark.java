package org.alliancechain.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The evidence for the choice of implementation: the same verification by this module
 * (BouncyCastle, public point decoded once and kept) and by the JDK's built-in providers
 * (SunEC), for Ed25519 and for P-256. Per-thread state, since a JDK {@link Signature} is not
 * thread-safe. (The benchmarks module may not import BouncyCastle itself.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerifyImplementationBenchmark {
  private byte[] message;
  private PublicKey moduleKey;
  private byte[] signature;
  private Signature jdkEd25519;
  private PublicKey p256Key;
  private byte[] p256Signature;
  private Signature jdkP256;

  @Setup
  public void setUp() throws GeneralSecurityException, CryptoException {
    SecureRandom random = new SecureRandom();
    message = new byte[SignatureBenchmark.PAYLOAD_BYTES];
    random.nextBytes(message);
    SigningKey key = SigningKey.generate(SignatureScheme.ED25519, random);
    moduleKey = KeyPem.decodePublicDer(KeyPem.encodePublicDer(key.publicKey()));
    signature = key.sign(message);
    jdkEd25519 = Signature.getInstance("Ed25519");
    jdkEd25519.initVerify(moduleKey.toJcaPublicKey());

    SigningKey p256 = SigningKey.generate(SignatureScheme.ECDSA_P256, random);
    p256Key = p256.publicKey();
    p256Signature = p256.sign(message);
    jdkP256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    jdkP256.initVerify(p256Key.toJcaPublicKey());
    if (!jdkEd25519Verify() || !jdkP256Verify()) {
      throw new IllegalStateException("benchmark signatures do not verify");
    }
  }

  @Benchmark
  public boolean moduleEd25519Verify() {
    return moduleKey.verify(message, signature);
  }

  @Benchmark
  public boolean jdkEd25519Verify() throws GeneralSecurityException {
    jdkEd25519.update(message);
    return jdkEd25519.verify(signature);
  }

  @Benchmark
  public boolean moduleP256Verify() {
    return p256Key.verify(message, p256Signature);
  }

  @Benchmark
  public boolean jdkP256Verify() throws GeneralSecurityException {
    jdkP256.update(message);
    return jdkP256.verify(p256Signature);
  }
}
