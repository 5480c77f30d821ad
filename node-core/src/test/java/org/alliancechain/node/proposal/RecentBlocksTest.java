package org.alliancechain.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.Set;
import org.alliancechain.node.tx.TransactionId;
import org.junit.jupiter.api.Test;

class RecentBlocksTest {
  private final RecentBlocks recent = new RecentBlocks();

  @Test
  void keepsTransactionIdsUntilTheirHeightIsExecuted() {
    remember("a", 5, id(1), id(2));
    remember("b", 6, id(3));
    remember("b'", 6, id(4)); // a rival proposal at the same height

    recent.executed(5);

    assertEquals(Set.of(), summary("a").transactionIds());
    assertEquals(Set.of(id(3)), summary("b").transactionIds());
    assertEquals(Set.of(id(4)), summary("b'").transactionIds());

    recent.executed(6);

    assertEquals(Set.of(), summary("b").transactionIds());
    assertEquals(Set.of(), summary("b'").transactionIds());
  }

  @Test
  void keepsEverythingElseOfAnExecutedBlock() {
    remember("a", 5, id(1), id(2));

    recent.executed(7);

    RecentBlocks.Summary a = summary("a");
    assertEquals(5, a.height());
    assertEquals(hash("parent of a"), a.parentHash());
    assertEquals(5_000, a.timestampMs());
    assertEquals(2, a.transactionCount());
  }

  @Test
  void aBlockRememberedAtAnExecutedHeightKeepsNoIds() {
    recent.executed(9);

    remember("late", 9, id(1));
    remember("next", 10, id(2));

    assertEquals(Set.of(), summary("late").transactionIds());
    assertEquals(1, summary("late").transactionCount());
    assertEquals(Set.of(id(2)), summary("next").transactionIds());
  }

  @Test
  void anOlderExecutedHeightDoesNotGoBack() {
    recent.executed(9);
    recent.executed(3);

    remember("late", 8, id(1));

    assertEquals(Set.of(), summary("late").transactionIds());
  }

  @Test
  void forgetsTheOldestBlocksBeyondItsBound() {
    for (int height = 1; height <= 1025; height++) {
      remember("block " + height, height, id(height));
    }

    assertTrue(recent.get(hash("block 1")).isEmpty());
    assertEquals(Set.of(id(2)), summary("block 2").transactionIds());
    recent.executed(1025);
    assertEquals(Set.of(), summary("block 1025").transactionIds());
  }

  private void remember(String name, long height, TransactionId... ids) {
    recent.remember(hash(name), new RecentBlocks.Summary(height, hash("parent of " + name),
        height * 1_000, ids.length, Set.of(ids)));
  }

  private RecentBlocks.Summary summary(String name) {
    return recent.get(hash(name)).orElseThrow();
  }

  private static ByteString hash(String name) {
    return ByteString.copyFromUtf8(name);
  }

  private static TransactionId id(int n) {
    byte[] digest = new byte[32];
    digest[0] = (byte) n;
    digest[1] = (byte) (n >> 8);
    return TransactionId.of(digest);
  }
}
