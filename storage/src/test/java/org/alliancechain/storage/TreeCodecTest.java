package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.TreeChildRecord;
import org.alliancechain.proto.v1.TreeLeafRecord;
import org.alliancechain.proto.v1.TreeNodeRecord;
import org.alliancechain.proto.v1.TreeRootRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct node encoder writes exactly the bytes protobuf's builders write for the same
 * TreeNodeRecord (the stored format must not move), and decoding gives the node back.
 */
class TreeCodecTest {
  private static final TreeHasher HASHER = new TreeHasher(HashAlgorithm.SHA_256);

  static LongStream seeds() {
    return Seeds.of(300);
  }

  /** A node with 2..16 children in random slots, nodes (any version, 0 included) and leaves. */
  private static TreeNode node(SplittableRandom random) {
    TreeChild[] children = new TreeChild[16];
    int count = Seeds.size(random, 2, 16);
    List<Integer> slots = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15));
    for (int i = 0; i < count; i++) {
      int slot = slots.remove(random.nextInt(slots.size()));
      children[slot] = random.nextBoolean()
          ? new TreeChild.Node(bytes(random), switch (random.nextInt(4)) {
            case 0 -> 0L;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextLong(128);
            default -> random.nextLong(1L << 40);
          })
          : new TreeChild.Leaf(bytes(random), bytes(random), bytes(random));
    }
    return TreeNode.of(children, HASHER);
  }

  private static byte[] bytes(SplittableRandom random) {
    byte[] bytes = new byte[HashAlgorithm.DIGEST_LENGTH];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The stored format as protobuf's generated builders write it. */
  private static byte[] viaBuilders(TreeNode node) {
    TreeNodeRecord.Builder record = TreeNodeRecord.newBuilder();
    for (int nibble = 0; nibble < 16; nibble++) {
      TreeChild child = node.child(nibble);
      if (child == null) {
        continue;
      }
      record.addChildren(viaBuilders(child).setNibble(nibble));
    }
    ByteString inner = ByteString.EMPTY;
    for (byte[] hash : node.storedHashes()) {
      inner = inner.concat(ByteString.copyFrom(hash));
    }
    return record.setInnerHashes(inner).build().toByteArray();
  }

  /** A slot or root record as protobuf's generated builders write it (no nibble set). */
  private static TreeChildRecord.Builder viaBuilders(TreeChild child) {
    TreeChildRecord.Builder record = TreeChildRecord.newBuilder()
        .setHash(ByteString.copyFrom(child.hash()));
    if (child instanceof TreeChild.Node inner) {
      record.setNodeVersion(inner.version());
    } else {
      TreeChild.Leaf leaf = (TreeChild.Leaf) child;
      record.setLeaf(TreeLeafRecord.newBuilder().setKeyHash(ByteString.copyFrom(leaf.keyHash()))
          .setValueHash(ByteString.copyFrom(leaf.valueHash())));
    }
    return record;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void encodesExactlyAsProtobufAndDecodesBack(long seed) {
    Seeds.check(seed, () -> node(new SplittableRandom(seed)), node -> {
      byte[] encoded = TreeCodec.encodeNode(node);
      assertThat(encoded).isEqualTo(viaBuilders(node));

      NodeKey key = new NodeKey(7, NibblePath.root());
      TreeNode decoded = TreeCodec.decodeNode(encoded, key, node.hash());
      assertThat(TreeCodec.encodeNode(decoded)).isEqualTo(encoded);
      for (int slot = 0; slot < 16; slot++) {
        TreeChild expected = node.child(slot);
        TreeChild actual = decoded.child(slot);
        if (expected == null) {
          assertThat(actual).isNull();
        } else {
          assertThat(actual.hash()).isEqualTo(expected.hash());
          assertThat(actual.getClass()).isEqualTo(expected.getClass());
        }
      }
      assertThat(Arrays.deepEquals(decoded.storedHashes(), node.storedHashes())).isTrue();
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void encodesRootsExactlyAsProtobufAndDecodesThemBack(long seed) {
    Seeds.check(seed, () -> {
      SplittableRandom random = new SplittableRandom(seed);
      return random.nextBoolean() ? new TreeChild.Node(bytes(random), random.nextLong(1L << 40))
          : new TreeChild.Leaf(bytes(random), bytes(random), bytes(random));
    }, root -> {
      TreeChildRecord.Builder record = viaBuilders(root);
      byte[] encoded = TreeCodec.encodeRoot(root);
      assertThat(encoded).isEqualTo(TreeRootRecord.newBuilder().setRoot(record).build()
          .toByteArray());
      assertThat(TreeCodec.decodeRoot(encoded, 3).hash()).isEqualTo(root.hash());
    });
    assertThat(TreeCodec.encodeRoot(null)).isEqualTo(TreeRootRecord.getDefaultInstance()
        .toByteArray());
  }
}
