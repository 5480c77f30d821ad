package org.alliancechain.bench.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;

/**
 * CPU time per operation, measured with the thread's CPU clock, for a machine too busy for
 * wall-clock benchmarks to mean much: time the scheduler gives to other processes is not counted.
 * Prints microseconds of CPU per operation and what that makes per core-second; the JMH
 * benchmarks of this package remain the wall-clock measurement. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.alliancechain.bench.crypto.CpuCost}.
 */
public final class CpuCost {
  private static final int WARMUP_OPS = 3000;
  /** Enough operations per round (~0.25 s of CPU) that clock granularity does not matter. */
  private static final int MEASURED_OPS = 3000;
  private static final int ROUNDS = 5;
  private static final int FRESH_WARMUP_OPS = 1000;
  private static final int FRESH_MEASURED_OPS = 600;
  private static final int MERKLE_LEAVES = 2000;
  private static final int MERKLE_OPS = 100;

  /** One operation to time; throws only if the benchmark itself is broken. */
  private interface Operation {
    boolean run() throws Exception;
  }

  private CpuCost() {}

  public static void main(String[] args) throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] payload = new byte[SignatureBenchmark.PAYLOAD_BYTES];
    random.nextBytes(payload);
    System.out.printf(Locale.ROOT, "%-34s %12s %14s%n", "operation", "CPU us/op", "ops/core-s");
    for (SignatureScheme scheme : SignatureScheme.values()) {
      SigningKey key = SigningKey.generate(scheme, random);
      PublicKey publicKey = key.publicKey();
      byte[] signature = key.sign(SigningDomain.TRANSACTION, payload);
      byte[] encoded = publicKey.encoded();
      report(scheme.id() + " sign", () -> key.sign(SigningDomain.TRANSACTION, payload).length > 0);
      report(scheme.id() + " verify",
          () -> publicKey.verify(SigningDomain.TRANSACTION, payload, signature));
      report(scheme.id() + " decode known key", () -> decode(scheme, encoded));
      if (scheme != SignatureScheme.SM2) {
        byte[][] fresh = freshKeys(scheme);
        int[] next = {0};
        report(scheme.id() + " decode new key", () -> decode(scheme, fresh[next[0]++]),
            FRESH_WARMUP_OPS, FRESH_MEASURED_OPS);
      }
    }
    jdk(random, payload);
    batch(random);
    merkle(random);
  }

  /** A block's transaction tree: 2,000 leaves of 32-byte tx ids. */
  private static void merkle(SecureRandom random) throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < MERKLE_LEAVES; i++) {
      byte[] leaf = new byte[32];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
    for (HashAlgorithm hash : HashAlgorithm.values()) {
      report("merkle root, 2000 leaves, " + hash.displayName(),
          () -> MerkleTree.rootOf(hash, leaves).length == 32, MERKLE_OPS, MERKLE_OPS);
      report("merkle tree + 2000 proofs, " + hash.displayName(), () -> {
        MerkleTree tree = MerkleTree.ofLeaves(hash, leaves);
        int total = 0;
        for (int i = 0; i < MERKLE_LEAVES; i++) {
          total += tree.proof(i).pathLength();
        }
        return total > 0;
      }, MERKLE_OPS, MERKLE_OPS);
    }
  }

  /**
   * CPU of the whole process (every thread) per signature of a 1,000-signature Ed25519 batch:
   * what the pool's hand-offs add on top of the verifications themselves.
   */
  private static void batch(SecureRandom random) throws Exception {
    List<BatchVerifier.Item> items = new ArrayList<>();
    SigningKey client = SigningKey.generate(SignatureScheme.ED25519, random);
    for (int i = 0; i < BatchVerifyBenchmark.BATCH; i++) {
      byte[] payload = new byte[SignatureBenchmark.PAYLOAD_BYTES];
      random.nextBytes(payload);
      items.add(new BatchVerifier.Item(client.publicKey(), SigningDomain.TRANSACTION, payload,
          client.sign(SigningDomain.TRANSACTION, payload)));
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (BatchVerifier verifier : List.of(BatchVerifier.using(Runnable::run, 1),
        BatchVerifier.shared())) {
      for (int i = 0; i < 5; i++) {
        verifier.verify(items);
      }
      long start = os.getProcessCpuTime();
      int batches = 10;
      for (int i = 0; i < batches; i++) {
        if (!verifier.verify(items).allValid()) {
          throw new IllegalStateException("benchmark batch does not verify");
        }
      }
      double perSignature = (os.getProcessCpuTime() - start) / 1000.0
          / (batches * BatchVerifyBenchmark.BATCH);
      System.out.printf(Locale.ROOT, "%-34s %12.1f %14.0f%n", "batch of 1000 ed25519, "
          + (verifier == BatchVerifier.shared() ? "shared pool" : "calling thread"), perSignature,
          1_000_000 / perSignature);
    }
  }

  private static void jdk(SecureRandom random, byte[] payload) throws Exception {
    SigningKey ed = SigningKey.generate(SignatureScheme.ED25519, random);
    byte[] edSignature = ed.sign(payload);
    Signature jdkEd = Signature.getInstance("Ed25519");
    jdkEd.initVerify(ed.publicKey().toJcaPublicKey());
    report("JDK Ed25519 verify", () -> verify(jdkEd, payload, edSignature));
    SigningKey p256 = SigningKey.generate(SignatureScheme.ECDSA_P256, random);
    byte[] p256Signature = p256.sign(payload);
    Signature jdkP256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    jdkP256.initVerify(p256.publicKey().toJcaPublicKey());
    report("JDK ECDSA P-256 verify", () -> verify(jdkP256, payload, p256Signature));
  }

  private static boolean verify(Signature verifier, byte[] payload, byte[] signature)
      throws GeneralSecurityException {
    verifier.update(payload);
    return verifier.verify(signature);
  }

  /**
   * Distinct public keys made by the JDK (a SigningKey would put its key into PublicKey's cache
   * of validated keys), one per decode, so that each decode pays for the validation. The JDK
   * has no SM2; an SM2 key is checked like a P-256 one (on the curve, not infinity).
   */
  private static byte[][] freshKeys(SignatureScheme scheme) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(
        scheme == SignatureScheme.ED25519 ? "Ed25519" : "EC");
    if (scheme == SignatureScheme.ECDSA_P256) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    byte[][] keys = new byte[FRESH_WARMUP_OPS + ROUNDS * FRESH_MEASURED_OPS][];
    for (int i = 0; i < keys.length; i++) {
      byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
      // The raw key ends the SubjectPublicKeyInfo: 32 bytes for Ed25519, 65 for a P-256 point.
      keys[i] = Arrays.copyOfRange(spki, spki.length - scheme.publicKeyLength(), spki.length);
    }
    return keys;
  }

  private static boolean decode(SignatureScheme scheme, byte[] encoded) throws CryptoException {
    return PublicKey.decode(scheme, encoded) != null;
  }

  private static void report(String name, Operation operation) throws Exception {
    report(name, operation, WARMUP_OPS, MEASURED_OPS);
  }

  /** Median over rounds of the CPU time per operation of this thread. */
  private static void report(String name, Operation operation, int warmupOps, int measuredOps)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmupOps; i++) {
      check(operation);
    }
    List<Double> perOp = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < measuredOps; i++) {
        check(operation);
      }
      perOp.add((threads.getCurrentThreadCpuTime() - start) / 1000.0 / measuredOps);
    }
    double[] sorted = perOp.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "%-34s %12.1f %14.0f   (rounds %s)%n", name, median,
        1_000_000 / median, Arrays.toString(Arrays.stream(sorted)
            .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toArray()));
  }

  private static void check(Operation operation) throws Exception {
    if (!operation.run()) {
      throw new IllegalStateException("a benchmark operation failed");
    }
  }
}
