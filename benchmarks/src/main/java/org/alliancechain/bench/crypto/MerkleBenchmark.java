package org.alliancechain.bench.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.InclusionProof;
import org.alliancechain.crypto.MerkleTree;
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

/** A block's transaction tree: 2,000 leaves of 32-byte tx ids, its root and all its proofs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MerkleBenchmark {
  private static final int LEAVES = 2000;

  @Param({"SHA_256", "SM3"})
  public HashAlgorithm hash;

  private List<byte[]> leaves;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    leaves = new ArrayList<>();
    for (int i = 0; i < LEAVES; i++) {
      byte[] leaf = new byte[32];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
  }

  @Benchmark
  public byte[] root() {
    return MerkleTree.rootOf(hash, leaves);
  }

  @Benchmark
  public int treeAndAllProofs() {
    MerkleTree tree = MerkleTree.ofLeaves(hash, leaves);
    int total = 0;
    for (int i = 0; i < LEAVES; i++) {
      InclusionProof proof = tree.proof(i);
      total += proof.pathLength();
    }
    return total;
  }
}
