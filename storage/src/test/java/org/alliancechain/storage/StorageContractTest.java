package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage does, whatever its backend: written once, run on RocksDB in a temporary
 * directory and on the in-memory storage.
 */
abstract class StorageContractTest {
  protected Storage storage;
  protected TestChain chain;

  /** A fresh, empty storage with {@code options}. */
  protected abstract Storage create(StorageOptions options) throws StorageException;

  @BeforeEach
  void start() throws StorageException {
    storage = create(TestChain.options().withRetainedStateVersions(3));
    chain = new TestChain();
  }

  @AfterEach
  void stop() {
    storage.close();
  }

  @Test
  void anEmptyStorageHasNoTip() {
    assertThat(storage.blocks().tip()).isEmpty();
    assertThat(storage.state().latestVersion()).isEqualTo(-1);
    assertThat(storage.metadata().chainId()).isEqualTo(TestChain.CHAIN_ID);
    assertThat(storage.metadata().schemaVersion()).isEqualTo(ChainMetadata.SCHEMA_VERSION);
  }

  @Test
  void genesisMakesHeightZeroWithTheGenesisHash() throws Exception {
    byte[] root = storage.commitGenesis(List.of(StateTreeTest.put("a", "1")));
    ChainTip tip = storage.blocks().tip().orElseThrow();
    assertThat(tip.height()).isZero();
    assertThat(tip.blockHash()).isEqualTo(TestChain.GENESIS_HASH);
    assertThat(tip.stateRoot()).isEqualTo(root);
    assertThat(storage.state().root(0)).isEqualTo(root);
    assertThat(storage.commitGenesis(List.of(StateTreeTest.put("a", "1")))).isEqualTo(root);
    assertThatThrownBy(() -> storage.commitGenesis(List.of(StateTreeTest.put("a", "2"))))
        .isInstanceOf(BlockConflictException.class);
  }

  @Test
  void aBlockBeforeGenesisIsRejected() {
    assertThatThrownBy(() -> storage.commitBlock(chain.next(1, 1).commit(List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("genesis");
  }

  @Test
  void aCommittedBlockIsReadableByHeightHashAndTransaction() throws Exception {
    storage.commitGenesis(List.of());
    TestChain.Built block = chain.next(5, 1);
    byte[] root = storage.commitBlock(block.commit(List.of(StateTreeTest.put("k", "v"))));

    assertThat(storage.blocks().tip().orElseThrow())
        .isEqualTo(new ChainTip(1, block.hash(), root));
    assertThat(storage.blocks().block(1)).hasValueSatisfying(
        bytes -> assertThat(bytes).isEqualTo(block.block()));
    assertThat(storage.blocks().certificate(1)).hasValueSatisfying(
        bytes -> assertThat(bytes).isEqualTo(block.certificate()));
    assertThat(storage.blocks().results(1)).containsExactlyElementsOf(block.results());
    assertThat(storage.blocks().result(1, 3)).hasValueSatisfying(
        bytes -> assertThat(bytes).isEqualTo(block.results().get(3)));
    assertThat(storage.blocks().heightOf(block.hash())).hasValue(1);
    for (int i = 0; i < 5; i++) {
      byte[] id = block.transactionIds().get(i);
      assertThat(storage.blocks().locate(id)).contains(new TransactionLocation(1, i));
      assertThat(storage.blocks().isCommitted(id)).isTrue();
    }
    assertThat(storage.blocks().isCommitted(new byte[32])).isFalse();
    assertThat(storage.blocks().block(2)).isEmpty();
    assertThat(storage.state().get(TestChain.utf8("k"))).hasValueSatisfying(
        value -> assertThat(value).isEqualTo(TestChain.utf8("v")));
  }

  @Test
  void committingTheSameBlockTwiceIsHarmless() throws Exception {
    storage.commitGenesis(List.of());
    TestChain.Built first = chain.next(3, 1);
    byte[] root = storage.commitBlock(first.commit(List.of(StateTreeTest.put("x", "1"))));
    TestChain.Built second = chain.next(3, 2);
    byte[] secondRoot = storage.commitBlock(second.commit(List.of(StateTreeTest.put("x", "2"))));

    assertThat(storage.commitBlock(first.commit(List.of(StateTreeTest.put("x", "1")))))
        .isEqualTo(root);
    assertThat(storage.commitBlock(second.commit(List.of(StateTreeTest.put("x", "2")))))
        .isEqualTo(secondRoot);
    assertThat(storage.blocks().tip().orElseThrow().height()).isEqualTo(2);
    assertThat(storage.state().get(TestChain.utf8("x"))).hasValueSatisfying(
        value -> assertThat(value).isEqualTo(TestChain.utf8("2")));
  }

  @Test
  void aDifferentBlockAtACommittedHeightConflicts() throws Exception {
    storage.commitGenesis(List.of());
    storage.commitBlock(chain.next(1, 1).commit(List.of()));
    TestChain fork = new TestChain();
    TestChain.Built other = fork.next(2, 99);
    assertThatThrownBy(() -> storage.commitBlock(other.commit(List.of())))
        .isInstanceOf(BlockConflictException.class).hasMessageContaining("height 1");
  }

  @Test
  void blocksThatDoNotFollowTheTipAreRejected() throws Exception {
    storage.commitGenesis(List.of());
    chain.next(1, 1);
    TestChain.Built gap = chain.next(1, 2);
    assertThatThrownBy(() -> storage.commitBlock(gap.commit(List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("commit height 1 first");

    TestChain.Built first = new TestChain().next(1, 3);
    storage.commitBlock(first.commit(List.of()));
    TestChain other = new TestChain();
    other.next(1, 5);
    TestChain.Built wrongParent = other.next(1, 6);
    assertThatThrownBy(() -> storage.commitBlock(wrongParent.commit(List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("previous_hash");
    assertThat(storage.blocks().tip().orElseThrow().height()).isEqualTo(1);
  }

  @Test
  void mismatchedCertificatesResultsAndGarbageAreRejected() throws Exception {
    storage.commitGenesis(List.of());
    TestChain.Built block = chain.next(2, 1);
    TestChain.Built other = new TestChain().next(2, 2);
    assertThatThrownBy(() -> storage.commitBlock(new BlockCommit(block.block(),
        other.certificate(), block.results(), List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("certificate");
    assertThatThrownBy(() -> storage.commitBlock(new BlockCommit(block.block(),
        block.certificate(), block.results().subList(0, 1), List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("one result per");
    assertThatThrownBy(() -> storage.commitBlock(new BlockCommit(new byte[] {1, 2, 3},
        block.certificate(), List.of(), List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("do not decode");
    assertThat(storage.blocks().tip().orElseThrow().height()).isZero();
  }

  @Test
  void aTransactionIdIsCommittedOnlyOnce() throws Exception {
    storage.commitGenesis(List.of());
    TestChain.Built first = chain.next(2, 1);
    storage.commitBlock(first.commit(List.of()));
    TestChain.Built replay = chain.next(List.of(first.transactions().get(1)));
    assertThatThrownBy(() -> storage.commitBlock(replay.commit(List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("already committed");
    assertThat(storage.blocks().tip().orElseThrow().height()).isEqualTo(1);
  }

  @Test
  void aBlockHoldingATransactionTwiceIsRejected() throws Exception {
    storage.commitGenesis(List.of());
    byte[] transaction = chain.next(1, 1).transactions().get(0);
    TestChain.Built twice = new TestChain().next(List.of(transaction, transaction));
    assertThatThrownBy(() -> storage.commitBlock(twice.commit(List.of())))
        .isInstanceOf(BlockRejectedException.class).hasMessageContaining("twice");
  }

  @Test
  void oldStateVersionsStayReadableUntilPruned() throws Exception {
    storage.commitGenesis(List.of(StateTreeTest.put("k", "v0")));
    List<byte[]> roots = new ArrayList<>();
    roots.add(storage.state().root(0));
    for (int height = 1; height <= 6; height++) {
      roots.add(storage.commitBlock(chain.next(1, height)
          .commit(List.of(StateTreeTest.put("k", "v" + height)))));
    }
    StateStore state = storage.state();
    assertThat(state.latestVersion()).isEqualTo(6);
    assertThat(state.oldestRetainedVersion()).isEqualTo(4);
    for (int version = 4; version <= 6; version++) {
      assertThat(state.get(TestChain.utf8("k"), version)).hasValueSatisfying(
          value -> assertThat(value).isNotEmpty());
      assertThat(state.root(version)).isEqualTo(roots.get(version));
      StateProof proof = state.prove(TestChain.utf8("k"), version);
      assertThat(ProofCheck.verifyInclusion(TestChain.HASH, roots.get(version), proof.toProto(),
          TestChain.utf8("k"), TestChain.utf8("v" + version))).isTrue();
    }
    assertThatThrownBy(() -> state.get(TestChain.utf8("k"), 3))
        .isInstanceOf(VersionNotRetainedException.class).hasMessageContaining("4 to 6");
    assertThatThrownBy(() -> state.prove(TestChain.utf8("k"), 7))
        .isInstanceOf(VersionNotRetainedException.class);
  }

  @Test
  void theConsensusLogKeepsEntriesInUnsignedKeyOrder() throws Exception {
    ConsensusLog log = storage.consensusLog();
    log.save(List.of(new LogEntry(new byte[] {(byte) 0x80}, TestChain.utf8("high")),
        new LogEntry(new byte[] {0x01}, TestChain.utf8("one")),
        new LogEntry(new byte[] {0x02}, TestChain.utf8("two"))));
    log.save(List.of(new LogEntry(new byte[] {0x01}, TestChain.utf8("one again"))));
    assertThat(log.loadAll()).containsExactly(
        new LogEntry(new byte[] {0x01}, TestChain.utf8("one again")),
        new LogEntry(new byte[] {0x02}, TestChain.utf8("two")),
        new LogEntry(new byte[] {(byte) 0x80}, TestChain.utf8("high")));
    log.deleteRange(new byte[] {0x00}, new byte[] {0x02});
    assertThat(log.loadAll()).extracting(entry -> entry.key()[0])
        .containsExactly((byte) 0x02, (byte) 0x80);
    log.deleteRange(new byte[] {0x02}, new byte[] {(byte) 0xff});
    assertThat(log.loadAll()).isEmpty();
  }

  @Test
  void aClosedStorageRefusesEveryCall() throws Exception {
    storage.commitGenesis(List.of(StateTreeTest.put("a", "1")));
    storage.close();
    storage.close();
    assertThatThrownBy(() -> storage.state().get(TestChain.utf8("a")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> storage.state().prove(TestChain.utf8("a"), 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.consensusLog().save(List.of(
        new LogEntry(new byte[] {1}, new byte[] {2})))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> storage.commitBlock(chain.next(1, 1).commit(List.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sizeIsReported() throws Exception {
    storage.commitGenesis(List.of(StateTreeTest.put("a", "1")));
    assertThat(storage.sizeBytes()).isPositive();
  }
}
