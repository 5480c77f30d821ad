package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6962 trees. The vectors are Certificate Transparency's reference data (the 8 leaves, the
 * tree heads for sizes 1 to 8 and the audit paths of its merkle tree tests, as republished in
 * transparency-dev/merkle proof/verify_test.go), used here as data.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final HashAlgorithm SHA = HashAlgorithm.SHA_256;
  private static final List<byte[]> CT_LEAVES = Stream.of("", "00", "10", "2021", "3031",
      "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
      .map(HEX::parseHex).toList();
  private static final String[] CT_ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

  @Test
  void treeHeadsMatchCertificateTransparency() {
    assertThat(HEX.formatHex(MerkleTree.rootOf(SHA, List.of())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int size = 1; size <= 8; size++) {
      assertThat(HEX.formatHex(MerkleTree.rootOf(SHA, CT_LEAVES.subList(0, size))))
          .as("size %d", size).isEqualTo(CT_ROOTS[size - 1]);
    }
  }

  // Leaf indices are 0-based here; the Go test data numbers leaves from 1.
  static Stream<Arguments> ctAuditPaths() {
    return Stream.of(
        Arguments.of(0, 8, List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(5, 8, List.of(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 3, List.of(
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(1, 5, List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @MethodSource("ctAuditPaths")
  void auditPathsMatchCertificateTransparencyAndVerify(int index, int size, List<String> path) {
    MerkleTree tree = MerkleTree.ofLeaves(SHA, CT_LEAVES.subList(0, size));
    byte[] root = HEX.parseHex(CT_ROOTS[size - 1]);

    InclusionProof proof = tree.proof(index);

    assertThat(proof.path().stream().map(HEX::formatHex).toList()).isEqualTo(path);
    assertThat(proof.leafIndex()).isEqualTo(index);
    assertThat(proof.treeSize()).isEqualTo(size);
    assertThat(MerkleTree.verifyInclusion(SHA, CT_LEAVES.get(index), proof, root)).isTrue();
    assertThat(MerkleTree.verifyInclusionOfLeafHash(SHA, tree.leafHash(index), proof, root))
        .isTrue();
    for (InclusionProof corrupted : corruptions(proof, root)) {
      assertThat(MerkleTree.verifyInclusion(SHA, CT_LEAVES.get(index), corrupted, root))
          .as("%s", corrupted).isFalse();
    }
    assertThat(MerkleTree.verifyInclusion(SHA, new byte[] {1}, proof, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(SHA, CT_LEAVES.get(index), proof, new byte[32]))
        .isFalse();
  }

  @Test
  void singleLeafTreeHasAnEmptyPathAndTheLeafHashAsRoot() {
    MerkleTree tree = MerkleTree.ofLeaves(SHA, List.of(new byte[] {7}));

    assertThat(tree.root()).isEqualTo(MerkleTree.leafHash(SHA, new byte[] {7}));
    assertThat(tree.proof(0).path()).isEmpty();
    assertThat(MerkleTree.verifyInclusion(SHA, new byte[] {7}, tree.proof(0), tree.root())).isTrue();
  }

  @Test
  void everyProofOfRandomTreesVerifiesAndMatchesTheRecursiveDefinition() {
    for (HashAlgorithm hash : HashAlgorithm.values()) {
      for (int seed = 0; seed < 120; seed++) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(seed < 60 ? 40 : 300);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          leaves.add(TestKeys.bytes(random, 40));
        }
        MerkleTree tree = MerkleTree.ofLeaves(hash, leaves);
        byte[] root = tree.root();
        assertThat(root).as("seed %d", seed).isEqualTo(ReferenceMerkle.root(hash, leaves));
        for (int index = 0; index < size; index++) {
          InclusionProof proof = tree.proof(index);
          if (index < 3 || index >= size - 3 || index % 17 == 0) {
            assertThat(proof.path()).usingElementComparator(Arrays::compare)
                .as("seed %d index %d", seed, index)
                .containsExactlyElementsOf(ReferenceMerkle.path(hash, index, leaves));
          }
          assertThat(MerkleTree.verifyInclusion(hash, leaves.get(index), proof, root))
              .as("seed %d index %d", seed, index).isTrue();
          int other = random.nextInt(size);
          if (!Arrays.equals(leaves.get(other), leaves.get(index))) {
            assertThat(MerkleTree.verifyInclusion(hash, leaves.get(other), proof, root)).isFalse();
          }
        }
      }
    }
  }

  @Test
  void ofLeafHashesBuildsTheSameTree() {
    List<byte[]> leaves = CT_LEAVES;
    List<byte[]> leafHashes = leaves.stream().map(l -> MerkleTree.leafHash(SHA, l)).toList();

    assertThat(MerkleTree.ofLeafHashes(SHA, leafHashes).root())
        .isEqualTo(MerkleTree.rootOf(SHA, leaves));
    assertThatThrownBy(() -> MerkleTree.ofLeafHashes(SHA, List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 32");
  }

  @Test
  void garbageProofsAreFalseNeverExceptions() {
    byte[] root = HEX.parseHex(CT_ROOTS[7]);
    byte[] leaf = CT_LEAVES.get(0);
    List<byte[]> path = MerkleTree.ofLeaves(SHA, CT_LEAVES).proof(0).path();

    for (InclusionProof bad : List.of(
        new InclusionProof(-1, 8, path), new InclusionProof(8, 8, path),
        new InclusionProof(0, 0, List.of()), new InclusionProof(0, -5, path),
        new InclusionProof(0, Long.MAX_VALUE, path), new InclusionProof(Long.MAX_VALUE, 1, path),
        new InclusionProof(0, 8, List.of(new byte[0], new byte[0], new byte[0])),
        new InclusionProof(0, 8, List.of(new byte[33], path.get(1), path.get(2))))) {
      assertThat(MerkleTree.verifyInclusion(SHA, leaf, bad, root)).as("%s", bad).isFalse();
    }
    InclusionProof good = new InclusionProof(0, 8, path);
    assertThat(MerkleTree.verifyInclusion(SHA, leaf, good, new byte[31])).isFalse();
    assertThat(MerkleTree.verifyInclusion(SHA, leaf, null, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(SHA, null, good, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(null, leaf, good, root)).isFalse();
    assertThat(MerkleTree.verifyInclusionOfLeafHash(SHA, new byte[5], good, root)).isFalse();
  }

  @Test
  void proofsAreImmutableValues() {
    byte[] hash = new byte[32];
    List<byte[]> path = new ArrayList<>(List.of(hash));
    InclusionProof proof = new InclusionProof(0, 2, path);
    hash[0] = 1;
    path.clear();
    proof.path().get(0)[1] = 1;

    assertThat(proof.pathLength()).isEqualTo(1);
    assertThat(proof.pathElement(0)).isEqualTo(new byte[32]);
    assertThat(proof).isEqualTo(new InclusionProof(0, 2, List.of(new byte[32])))
        .hasSameHashCodeAs(new InclusionProof(0, 2, List.of(new byte[32])))
        .isNotEqualTo(new InclusionProof(1, 2, List.of(new byte[32])));
  }

  @Test
  void aBlockOfTwoThousandLeavesAndAllItsProofsIsQuick() {
    List<byte[]> leaves = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < 2000; i++) {
      byte[] leaf = new byte[32];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
    MerkleTree tree = MerkleTree.ofLeaves(SHA, leaves);
    byte[] root = tree.root();
    for (int i = 0; i < leaves.size(); i++) {
      // 2000 = 1024 + 512 + 256 + 128 + 64 + 16: paths are 11 levels long, shorter at the end.
      assertThat(tree.proof(i).pathLength()).isBetween(9, 11);
      assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(i), tree.proof(i), root)).isTrue();
    }
  }

  /** Probes after transparency-dev/merkle's corruptInclusionProof: each must fail. */
  private static List<InclusionProof> corruptions(InclusionProof proof, byte[] root) {
    long index = proof.leafIndex();
    long size = proof.treeSize();
    List<byte[]> path = proof.path();
    List<InclusionProof> out = new ArrayList<>(List.of(
        new InclusionProof(index - 1, size, path), new InclusionProof(index + 1, size, path),
        new InclusionProof(index ^ 2, size, path), new InclusionProof(index, size * 2, path),
        new InclusionProof(index, size / 2, path),
        new InclusionProof(index, size, append(path, new byte[0], false)),
        new InclusionProof(index, size, append(path, root, false)),
        new InclusionProof(index, size, append(path, new byte[0], true)),
        new InclusionProof(index, size, append(path, root, true))));
    for (int i = 0; i < path.size(); i++) {
      List<byte[]> flipped = proof.path();
      flipped.get(i)[0] ^= 8;
      out.add(new InclusionProof(index, size, flipped));
    }
    if (!path.isEmpty()) {
      out.add(new InclusionProof(index, size, path.subList(0, path.size() - 1)));
    }
    return out;
  }

  private static List<byte[]> append(List<byte[]> path, byte[] element, boolean front) {
    List<byte[]> out = new ArrayList<>(path);
    out.add(front ? 0 : out.size(), element);
    return out;
  }
}
