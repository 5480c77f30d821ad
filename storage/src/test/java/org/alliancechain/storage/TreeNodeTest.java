package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.alliancechain.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node changed in some slots is the node built whole from the resulting children: the same
 * hashes at every position and the same stored bytes, whichever slots changed or emptied.
 */
class TreeNodeTest {
  private static final TreeHasher HASHER = new TreeHasher(HashAlgorithm.SHA_256);

  static LongStream seeds() {
    return Seeds.of(300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aChangedNodeIsTheNodeBuiltFromItsNewChildren(long seed) {
    Seeds.check(seed, () -> new SplittableRandom(seed), random -> {
      TreeChild[] before = children(random, Seeds.size(random, 1, 16));
      TreeChild[] changes = new TreeChild[16];
      TreeChild[] after = before.clone();
      int changedSlots = random.nextInt(1 << 16);
      for (int slot = 0; slot < 16; slot++) {
        if ((changedSlots & (1 << slot)) != 0) {
          changes[slot] = random.nextInt(3) == 0 ? null : child(random);
          after[slot] = changes[slot];
        } else if (random.nextBoolean()) {
          changes[slot] = child(random); // outside changedSlots: must be ignored
        }
      }
      if (occupied(after) == 0) {
        return;
      }

      TreeNode changed = TreeNode.of(before, HASHER).withChanges(changes, changedSlots, HASHER);
      TreeNode whole = TreeNode.of(after, HASHER);

      assertSameNode(changed, whole);
    });
  }

  @Test
  void aNodeWithOneNodeChildHashesThroughItsEmptySiblings() {
    TreeChild[] children = new TreeChild[16];
    byte[] childHash = HASHER.hash(new byte[] {1});
    children[5] = new TreeChild.Node(childHash, 3);

    TreeNode node = TreeNode.of(children, HASHER);

    byte[] expected = childHash;
    int position = 16 + 5;
    for (; position > 1; position >>= 1) {
      expected = (position & 1) == 0 ? HASHER.internal(expected, TreeHasher.EMPTY)
          : HASHER.internal(TreeHasher.EMPTY, expected);
    }
    assertThat(node.hash()).isEqualTo(expected);
    assertThat(node.childVersion(5)).isEqualTo(3);
  }

  @Test
  void aNodeDecodedFromStorageKeepsItsBytes() throws StorageException {
    SplittableRandom random = new SplittableRandom(11);
    TreeNode node = TreeNode.of(children(random, 9), HASHER);

    TreeNode decoded = TreeCodec.decodeNode(TreeCodec.encodeNode(node),
        new NodeKey(1, NibblePath.root()), node.hash());

    assertSameNode(decoded, node);
  }

  private static void assertSameNode(TreeNode actual, TreeNode expected) {
    for (int position = 1; position < 32; position++) {
      assertThat(actual.hashAt(position)).as("position %d", position)
          .isEqualTo(expected.hashAt(position));
    }
    assertThat(actual.packed()).isEqualTo(expected.packed());
    assertThat(TreeCodec.encodeNode(actual)).isEqualTo(TreeCodec.encodeNode(expected));
  }

  private static TreeChild[] children(SplittableRandom random, int count) {
    TreeChild[] children = new TreeChild[16];
    for (int placed = 0; placed < count; ) {
      int slot = random.nextInt(16);
      if (children[slot] == null) {
        children[slot] = child(random);
        placed++;
      }
    }
    return children;
  }

  private static TreeChild child(SplittableRandom random) {
    return random.nextBoolean() ? new TreeChild.Node(bytes(random), random.nextLong(1L << 40))
        : new TreeChild.Leaf(bytes(random), bytes(random), bytes(random));
  }

  private static int occupied(TreeChild[] children) {
    int occupied = 0;
    for (int slot = 0; slot < 16; slot++) {
      occupied |= children[slot] != null ? 1 << slot : 0;
    }
    return occupied;
  }

  private static byte[] bytes(SplittableRandom random) {
    byte[] bytes = new byte[HashAlgorithm.DIGEST_LENGTH];
    random.nextBytes(bytes);
    return bytes;
  }
}
