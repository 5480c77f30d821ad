package org.alliancechain.node.mempool;

import org.alliancechain.config.MempoolLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.KvPut;
import org.junit.jupiter.api.Test;

class MempoolTest {
  private static final String CHAIN = "test-chain";
  private final TransactionCodec codec =
      new TransactionCodec(ChainRules.forTests(CHAIN, CryptoSuite.INTL));
  private final SigningKey alice = key();
  private final SigningKey bob = key();
  private final SigningKey carol = key();

  @Test
  void refusesDuplicatesAndEachLimitWithItsReason() {
    Transaction first = tx(alice, 100);
    Mempool mempool = new Mempool(new MempoolLimits(3, 1 << 20, 2));

    assertThat(mempool.add(first)).isEqualTo(AddResult.ADDED);
    assertThat(mempool.add(first)).isEqualTo(AddResult.DUPLICATE);
    assertThat(mempool.add(tx(alice, 100))).isEqualTo(AddResult.ADDED);
    assertThat(mempool.add(tx(alice, 100))).isEqualTo(AddResult.SENDER_LIMIT);
    assertThat(mempool.add(tx(bob, 100))).isEqualTo(AddResult.ADDED);
    assertThat(mempool.add(tx(carol, 100))).isEqualTo(AddResult.FULL_TRANSACTIONS);

    Mempool small = new Mempool(new MempoolLimits(1000, 1 << 20, 1000));
    Transaction big = bigTx(alice);
    int fitting = (int) ((1 << 20) / big.sizeBytes());
    for (int i = 0; i < fitting; i++) {
      assertThat(small.add(bigTx(alice))).isEqualTo(AddResult.ADDED);
    }
    assertThat(small.add(bigTx(bob))).isEqualTo(AddResult.FULL_BYTES);
  }

  @Test
  void blocksTakeOneTransactionPerSenderInTurn() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    List<Transaction> aliceFlood = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      aliceFlood.add(tx(alice, 100));
      mempool.add(aliceFlood.get(i));
    }
    Transaction fromBob = tx(bob, 100);
    Transaction fromCarol = tx(carol, 100);
    mempool.add(fromBob);
    mempool.add(fromCarol);

    List<Transaction> block = mempool.reserve(1, 4, Long.MAX_VALUE);

    assertThat(block).containsExactly(aliceFlood.get(0), fromBob, fromCarol, aliceFlood.get(1));
  }

  @Test
  void reservedTransactionsAreNotOfferedAgainUntilReleased() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction a = tx(alice, 100);
    Transaction b = tx(bob, 100);
    mempool.add(a);
    mempool.add(b);

    assertThat(mempool.reserve(1, 10, Long.MAX_VALUE)).containsExactly(a, b);
    assertThat(mempool.reserve(2, 10, Long.MAX_VALUE)).isEmpty();
    assertThat(mempool.hasWaiting()).isFalse();

    mempool.release(1);
    assertThat(mempool.reserve(2, 10, Long.MAX_VALUE)).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void committedTransactionsLeaveAndTheRestOfTheReservationReturns() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction a = tx(alice, 100);
    Transaction b = tx(bob, 100);
    Transaction c = tx(carol, 100);
    mempool.add(a);
    mempool.add(b);
    mempool.add(c);
    mempool.reserve(1, 2, Long.MAX_VALUE);

    // Another primary's block at height 1 committed b and c, not a.
    mempool.removeCommitted(1, List.of(b.id(), c.id()));

    assertThat(mempool.stats().transactions()).isEqualTo(1);
    assertThat(mempool.stats().reserved()).isZero();
    assertThat(mempool.reserve(2, 10, Long.MAX_VALUE)).containsExactly(a);
  }

  @Test
  void transactionsOfAnotherNodesValidatedProposalAreNotProposedAgainUntilReleased() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction a = tx(alice, 100);
    Transaction b = tx(bob, 100);
    mempool.add(a);
    mempool.add(b);

    mempool.reserveIds(5, List.of(a.id()));
    assertThat(mempool.reserve(6, 10, Long.MAX_VALUE)).containsExactly(b);

    mempool.release(6);
    mempool.release(5);
    assertThat(mempool.reserve(7, 10, Long.MAX_VALUE)).containsExactlyInAnyOrder(a, b);
    mempool.release(7);
    assertThat(mempool.reserve(8, 10, Long.MAX_VALUE)).hasSize(2);
  }

  @Test
  void aTransactionArrivingAfterItsProposalWasValidatedIsReservedForThatHeight() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction late = tx(alice, 100);
    Transaction other = tx(bob, 100);
    mempool.reserveIds(5, List.of(late.id()));

    assertThat(mempool.add(late)).isEqualTo(AddResult.ADDED);
    mempool.add(other);
    assertThat(mempool.reserve(6, 10, Long.MAX_VALUE)).as("not repeated by the next proposal")
        .containsExactly(other);

    mempool.release(5);
    assertThat(mempool.reserve(7, 10, Long.MAX_VALUE)).as("offered again once 5 is abandoned")
        .containsExactly(late);
  }

  @Test
  void anExpectedTransactionIsForgottenWhenItsHeightCommitsWithoutIt() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction late = tx(alice, 100);
    mempool.reserveIds(5, List.of(late.id()));
    mempool.removeCommitted(5, List.of());
    mempool.executed(5);
    mempool.reserveIds(4, List.of(late.id()));

    mempool.add(late);
    assertThat(mempool.reserve(6, 10, Long.MAX_VALUE)).containsExactly(late);
  }

  @Test
  void aBackupThatNeverProposesDoesNotKeepCommittedTransactions() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    for (int block = 1; block <= 10; block++) {
      commitFiveHundred(mempool, block, true);
    }
    assertThat(mempool.stats().transactions()).isZero();
    assertThat(mempool.queuedEntries()).as("5,000 committed, never polled by a builder")
        .isLessThanOrEqualTo(1024);
    assertThat(mempool.expiryIndexSize()).as("5,000 committed long before their expiry")
        .isLessThanOrEqualTo(1024);

    Transaction waiting = tx(carol, 100);
    mempool.add(waiting);
    assertThat(mempool.reserve(11, 10, Long.MAX_VALUE)).containsExactly(waiting);
  }

  @Test
  void compactingTheExpiryIndexKeepsEveryLiveTransactionExpiring() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction survivor = tx(carol, 50);
    mempool.add(survivor);
    for (int block = 1; block <= 6; block++) {
      commitFiveHundred(mempool, block, false);
    }
    assertThat(mempool.expiryIndexSize()).isLessThanOrEqualTo(1024);
    assertThat(mempool.stats().transactions()).isEqualTo(1);
    assertThat(mempool.removeExpired(50)).isZero();
    assertThat(mempool.removeExpired(51)).isEqualTo(1);
    assertThat(mempool.contains(survivor.id())).isFalse();
    assertThat(mempool.expiryIndexSize()).isZero();
  }

  /**
   * Admits 500 transactions, then commits and executes them as block {@code block}, half of them
   * first expected by a validated proposal if {@code halfExpected}.
   */
  private void commitFiveHundred(Mempool mempool, int block, boolean halfExpected) {
    List<TransactionId> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Transaction transaction = tx(block % 2 == 0 ? alice : bob, 100);
      mempool.add(transaction);
      ids.add(transaction.id());
    }
    if (halfExpected) {
      mempool.reserveIds(block, ids.subList(0, 250));
    }
    mempool.removeCommitted(block, ids);
    mempool.executed(block);
  }

  @Test
  void aCommittedButUnexecutedTransactionStillCountsAsPresent() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction a = tx(alice, 100);
    mempool.add(a);

    mempool.removeCommitted(3, List.of(a.id()));
    assertThat(mempool.contains(a.id())).isTrue();
    assertThat(mempool.add(a)).isEqualTo(AddResult.DUPLICATE);
    assertThat(mempool.stats().transactions()).isZero();

    mempool.executed(3);
    assertThat(mempool.contains(a.id())).isFalse();
  }

  @Test
  void expiredTransactionsAreDroppedAndNeverProposed() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction early = tx(alice, 5);
    Transaction late = tx(bob, 50);
    Transaction soon = tx(carol, 7);
    mempool.add(early);
    mempool.add(late);
    mempool.add(soon);

    assertThat(mempool.removeExpired(6)).isEqualTo(1);
    assertThat(mempool.contains(early.id())).isFalse();
    assertThat(mempool.reserve(8, 10, Long.MAX_VALUE)).containsExactly(late);
    assertThat(mempool.contains(soon.id())).isFalse();
    assertThat(mempool.stats().bytes()).isEqualTo(late.sizeBytes());
  }

  @Test
  void blockByteLimitIsRespected() {
    Mempool mempool = new Mempool(MempoolLimits.defaults());
    Transaction a = tx(alice, 100);
    mempool.add(a);
    mempool.add(tx(bob, 100));

    assertThat(mempool.reserve(1, 10, a.sizeBytes() + 1)).hasSize(1);
    List<TransactionId> none = List.of();
    mempool.removeCommitted(1, none);
    assertThat(mempool.stats().transactions()).isEqualTo(2);
  }

  private Transaction tx(SigningKey sender, long expiry) {
    try {
      return codec.decode(TestTransactions.sign(sender, TestTransactions.body(CHAIN, sender)
          .setExpiryHeight(expiry)
          .setKvPut(KvPut.newBuilder().setNamespace("trade")
              .setKey(com.google.protobuf.ByteString.copyFromUtf8("k")))
          .build()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Transaction bigTx(SigningKey sender) {
    try {
      return codec.decode(TestTransactions.sign(sender, TestTransactions.body(CHAIN, sender)
          .setKvPut(KvPut.newBuilder().setNamespace("trade")
              .setKey(com.google.protobuf.ByteString.copyFromUtf8("k"))
              .setValue(com.google.protobuf.ByteString.copyFrom(new byte[60_000])))
          .build()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static SigningKey key() {
    return SigningKey.generate(SignatureScheme.ED25519, new SecureRandom());
  }
}
