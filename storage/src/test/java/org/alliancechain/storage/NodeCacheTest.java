package org.alliancechain.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.alliancechain.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;

class NodeCacheTest {
  private static final TreeHasher HASHER = new TreeHasher(HashAlgorithm.SHA_256);
  private static final TreeNode NODE = node();

  @Test
  void countsTheTopLevelsThatFitWhole() {
    assertEquals(0, NodeCache.wholeLevels(0));
    assertEquals(1, NodeCache.wholeLevels(1));
    assertEquals(1, NodeCache.wholeLevels(16));
    assertEquals(2, NodeCache.wholeLevels(17));
    assertEquals(3, NodeCache.wholeLevels(273));
    assertEquals(3, NodeCache.wholeLevels(4_368));
    assertEquals(4, NodeCache.wholeLevels(4_369));
    assertEquals(4, NodeCache.wholeLevels(16_384));
    assertEquals(8, NodeCache.wholeLevels(Integer.MAX_VALUE));
  }

  @Test
  void admitsNodesOfTheLevelsThatFitOnly() {
    NodeCache cache = new NodeCache(300); // depths 0 to 2
    NodeKey depth2 = new NodeKey(1, path(2));
    NodeKey depth3 = new NodeKey(1, path(3));

    cache.put(depth2, NODE);
    cache.put(depth3, NODE);

    assertSame(NODE, cache.get(depth2));
    assertNull(cache.get(depth3));
  }

  @Test
  void anUpdateAdmitsWrittenNodesByTheSameRuleAndDropsReplacedOnes() {
    NodeCache cache = new NodeCache(300);
    NodeKey old = new NodeKey(1, path(1));
    cache.put(old, NODE);
    NodeKey written = new NodeKey(2, path(1));
    NodeKey deep = new NodeKey(2, path(5));

    cache.update(Map.of(written, NODE, deep, NODE), List.of(old));

    assertNull(cache.get(old));
    assertSame(NODE, cache.get(written));
    assertNull(cache.get(deep));
  }

  @Test
  void readsThroughWithoutKeepingDeepNodes() throws StorageException {
    NodeCache cache = new NodeCache(300);
    int[] loads = {0};
    NodeSource source = cache.over((key, hash) -> {
      loads[0]++;
      return NODE;
    });
    NodeKey shallow = new NodeKey(1, path(2));
    NodeKey deep = new NodeKey(1, path(3));

    source.load(shallow, NODE.hash());
    source.load(shallow, NODE.hash());
    source.load(deep, NODE.hash());
    source.load(deep, NODE.hash());

    assertEquals(3, loads[0]);
  }

  @Test
  void anEmptyCacheHoldsNothing() {
    NodeCache cache = new NodeCache(0);
    NodeKey root = new NodeKey(1, NibblePath.root());

    cache.put(root, NODE);

    assertNull(cache.get(root));
  }

  private static NibblePath path(int depth) {
    NibblePath path = NibblePath.root();
    for (int i = 0; i < depth; i++) {
      path = path.child(i % 16);
    }
    return path;
  }

  private static TreeNode node() {
    TreeChild[] children = new TreeChild[TreeNode.SLOTS];
    children[3] = new TreeChild.Node(HASHER.hash(new byte[] {3}), 1);
    children[9] = new TreeChild.Node(HASHER.hash(new byte[] {9}), 1);
    return TreeNode.of(children, HASHER);
  }
}
