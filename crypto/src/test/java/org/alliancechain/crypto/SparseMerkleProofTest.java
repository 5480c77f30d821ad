package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SparseMerkleProofTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void emptyTreeProvesEveryKeyAbsent(HashAlgorithm hash) {
    ReferenceSparseTree tree = new ReferenceSparseTree(hash);
    SparseMerkleProof proof = tree.prove(utf8("k"));

    assertThat(tree.root()).isEqualTo(new byte[32]);
    assertThat(proof.leaf()).isEmpty();
    assertThat(proof.siblings()).isEmpty();
    assertThat(proof.verifyNonInclusion(hash, new byte[32], utf8("k"))).isTrue();
    assertThat(proof.verifyInclusion(hash, new byte[32], utf8("k"), utf8("v"))).isFalse();
  }

  @Test
  void theFormulasOfTheSpecHoldForATwoLeafTree() {
    HashAlgorithm hash = HashAlgorithm.SHA_256;
    ReferenceSparseTree tree = new ReferenceSparseTree(hash);
    tree.put(utf8("alice"), utf8("10"));
    tree.put(utf8("bob"), utf8("20"));
    byte[] alice = hash.digest(utf8("alice"));
    byte[] bob = hash.digest(utf8("bob"));
    byte[] aliceLeaf = hash.digest(new byte[] {0}, alice, hash.digest(utf8("10")));
    byte[] bobLeaf = hash.digest(new byte[] {0}, bob, hash.digest(utf8("20")));
    int split = SparseMerkleProof.commonPrefixBits(alice, bob);
    boolean aliceRight = SparseMerkleProof.bit(alice, split);
    byte[] expected = hash.digest(new byte[] {1}, aliceRight ? bobLeaf : aliceLeaf,
        aliceRight ? aliceLeaf : bobLeaf);
    for (int depth = split - 1; depth >= 0; depth--) {
      expected = SparseMerkleProof.bit(alice, depth)
          ? hash.digest(new byte[] {1}, new byte[32], expected)
          : hash.digest(new byte[] {1}, expected, new byte[32]);
    }

    assertThat(tree.root()).isEqualTo(expected);
    SparseMerkleProof proof = tree.prove(utf8("alice"));
    assertThat(proof.siblings()).hasSize(split + 1);
    assertThat(proof.siblings().get(split)).isEqualTo(bobLeaf);
    assertThat(proof.verifyInclusion(hash, expected, utf8("alice"), utf8("10"))).isTrue();
  }

  /**
   * A frozen vector of this format for the storage module's implementation to reproduce: keys
   * "a", "b", "c" with values "1", "2", "3" (docs/adr/0012-merkle-trees.md).
   */
  @Test
  void frozenRootsOfTheSpecVector() {
    assertThat(HEX.formatHex(abcTree(HashAlgorithm.SHA_256).root()))
        .isEqualTo(SpecVector.SHA_256_ROOT);
    assertThat(HEX.formatHex(abcTree(HashAlgorithm.SM3).root())).isEqualTo(SpecVector.SM3_ROOT);
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void randomTreesProveEveryKeyPresentAndOthersAbsent(HashAlgorithm hash) {
    for (int seed = 0; seed < 60; seed++) {
      Random random = new Random(seed);
      ReferenceSparseTree tree = new ReferenceSparseTree(hash);
      List<byte[]> keys = new ArrayList<>();
      List<byte[]> values = new ArrayList<>();
      for (int i = random.nextInt(seed < 30 ? 8 : 120); i > 0; i--) {
        byte[] key = TestKeys.bytes(random, 12);
        byte[] value = TestKeys.bytes(random, 20);
        if (keys.stream().noneMatch(k -> java.util.Arrays.equals(k, key))) {
          keys.add(key);
          values.add(value);
          tree.put(key, value);
        }
      }
      byte[] root = tree.root();
      for (int i = 0; i < keys.size(); i++) {
        SparseMerkleProof proof = tree.prove(keys.get(i));
        assertThat(proof.verifyInclusion(hash, root, keys.get(i), values.get(i)))
            .as("seed %d key %d", seed, i).isTrue();
        assertThat(proof.verifyNonInclusion(hash, root, keys.get(i))).isFalse();
        assertThat(proof.verifyInclusion(hash, root, keys.get(i), utf8("other"))).isFalse();
      }
      for (int i = 0; i < 20; i++) {
        byte[] absent = ("absent-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8);
        SparseMerkleProof proof = tree.prove(absent);
        assertThat(proof.verifyNonInclusion(hash, root, absent)).as("seed %d", seed).isTrue();
        assertThat(proof.verifyInclusion(hash, root, absent, utf8("x"))).isFalse();
        if (!keys.isEmpty()) {
          assertThat(proof.verifyNonInclusion(hash, root, keys.get(0))).isFalse();
        }
      }
    }
  }

  @Test
  void keysSharingALongPrefixGetPlaceholderSiblingsAndStillVerify() {
    HashAlgorithm hash = HashAlgorithm.SHA_256;
    byte[] first = utf8("key-0");
    byte[] second = null;
    for (int i = 1; second == null; i++) {
      byte[] candidate = utf8("key-" + i);
      if (SparseMerkleProof.commonPrefixBits(hash.digest(first), hash.digest(candidate)) >= 12) {
        second = candidate;
      }
    }
    ReferenceSparseTree tree = new ReferenceSparseTree(hash);
    tree.put(first, utf8("1"));
    tree.put(second, utf8("2"));
    SparseMerkleProof proof = tree.prove(first);

    assertThat(proof.siblings().size()).isGreaterThan(12);
    assertThat(proof.siblings().get(0)).isEqualTo(new byte[32]);
    assertThat(proof.verifyInclusion(hash, tree.root(), first, utf8("1"))).isTrue();
    assertThat(proof.verifyInclusion(hash, tree.root(), second, utf8("2"))).isFalse();
  }

  @Test
  void tamperedProofsAreRejected() {
    HashAlgorithm hash = HashAlgorithm.SM3;
    ReferenceSparseTree tree = abcTree(hash);
    byte[] root = tree.root();
    SparseMerkleProof proof = tree.prove(utf8("a"));
    List<byte[]> siblings = proof.siblings();
    SparseMerkleProof.Leaf leaf = proof.leaf().orElseThrow();

    for (int i = 0; i < siblings.size(); i++) {
      List<byte[]> flipped = proof.siblings();
      flipped.get(i)[31] ^= 1;
      assertThat(SparseMerkleProof.of(proof.leaf(), flipped)
          .verifyInclusion(hash, root, utf8("a"), utf8("1"))).isFalse();
    }
    List<byte[]> longer = new ArrayList<>(siblings);
    longer.add(new byte[32]);
    assertThat(SparseMerkleProof.of(proof.leaf(), longer)
        .verifyInclusion(hash, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(SparseMerkleProof.of(proof.leaf(), siblings.subList(1, siblings.size()))
        .verifyInclusion(hash, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(SparseMerkleProof.of(Optional.empty(), siblings)
        .verifyNonInclusion(hash, root, utf8("a"))).isFalse();
    // A leaf of another key that does not share the proof's prefix proves nothing.
    SparseMerkleProof foreignLeaf = SparseMerkleProof.of(tree.prove(utf8("b")).leaf(), siblings);
    assertThat(foreignLeaf.verifyNonInclusion(hash, root, utf8("a"))).isFalse();
    assertThat(proof.verifyInclusion(hash, flip(root), utf8("a"), utf8("1"))).isFalse();
    assertThat(proof.verifyInclusion(HashAlgorithm.SHA_256, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(leaf).isEqualTo(new SparseMerkleProof.Leaf(leaf.keyHash(), leaf.valueHash()));
    assertThat(SparseMerkleProof.of(proof.leaf(), proof.siblings())).isEqualTo(proof)
        .hasSameHashCodeAs(proof).isNotEqualTo(SparseMerkleProof.of(Optional.empty(), siblings));
  }

  @Test
  void garbageIsFalseNeverAnException() {
    HashAlgorithm hash = HashAlgorithm.SHA_256;
    byte[] root = abcTree(hash).root();
    SparseMerkleProof good = abcTree(hash).prove(utf8("a"));
    List<byte[]> tooMany = Collections.nCopies(257, new byte[32]);
    List<byte[]> shortSibling = new ArrayList<>(good.siblings());
    shortSibling.set(0, new byte[31]);
    Optional<SparseMerkleProof.Leaf> shortLeaf =
        Optional.of(new SparseMerkleProof.Leaf(new byte[31], new byte[32]));

    assertThat(SparseMerkleProof.of(good.leaf(), tooMany)
        .verifyInclusion(hash, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(SparseMerkleProof.of(Optional.empty(), tooMany)
        .verifyNonInclusion(hash, root, utf8("a"))).isFalse();
    assertThat(SparseMerkleProof.of(good.leaf(), shortSibling)
        .verifyInclusion(hash, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(SparseMerkleProof.of(shortLeaf, good.siblings())
        .verifyNonInclusion(hash, root, utf8("a"))).isFalse();
    assertThat(good.verifyInclusion(hash, new byte[31], utf8("a"), utf8("1"))).isFalse();
    assertThat(good.verifyInclusion(hash, null, utf8("a"), utf8("1"))).isFalse();
    assertThat(good.verifyInclusion(null, root, utf8("a"), utf8("1"))).isFalse();
    assertThat(good.verifyInclusion(hash, root, null, utf8("1"))).isFalse();
    assertThat(good.verifyInclusion(hash, root, utf8("a"), null)).isFalse();
    assertThat(good.verifyNonInclusion(hash, root, null)).isFalse();
    List<byte[]> exactly256 = Collections.nCopies(256, new byte[32]);
    assertThat(SparseMerkleProof.of(Optional.empty(), exactly256)
        .verifyNonInclusion(hash, root, utf8("a"))).isFalse();
  }

  @Test
  void bitsAreReadMostSignificantFirst() {
    byte[] keyHash = new byte[32];
    keyHash[0] = (byte) 0b1000_0001;
    keyHash[1] = (byte) 0b0100_0000;

    assertThat(SparseMerkleProof.bit(keyHash, 0)).isTrue();
    assertThat(SparseMerkleProof.bit(keyHash, 1)).isFalse();
    assertThat(SparseMerkleProof.bit(keyHash, 7)).isTrue();
    assertThat(SparseMerkleProof.bit(keyHash, 9)).isTrue();
    assertThat(SparseMerkleProof.commonPrefixBits(keyHash, new byte[32])).isZero();
    assertThat(SparseMerkleProof.commonPrefixBits(new byte[32], new byte[32])).isEqualTo(256);
  }

  static ReferenceSparseTree abcTree(HashAlgorithm hash) {
    ReferenceSparseTree tree = new ReferenceSparseTree(hash);
    tree.put(utf8("a"), utf8("1"));
    tree.put(utf8("b"), utf8("2"));
    tree.put(utf8("c"), utf8("3"));
    return tree;
  }

  private static byte[] flip(byte[] data) {
    byte[] out = data.clone();
    out[0] ^= 1;
    return out;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Computed independently of this code (a 15-line Python script over hashlib), then frozen. */
  private static final class SpecVector {
    static final String SHA_256_ROOT =
        "8e2a164a410203f51300d7c6645b7a37f549768457be109acc126c63573a9e0a";
    static final String SM3_ROOT =
        "1ffcb8e886a820fb323bfed9ee6d9d92d717a648c091383f509e42449b82b366";
  }
}
