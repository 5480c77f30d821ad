package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the state on RocksDB: the root depends only on the final map, and random
 * sequences of blocks, reopenings and reads agree with a plain model of versioned maps.
 */
class StatePropertiesTest {
  private static final int RETAINED = 3;

  /** One change of a block: key index, and a value (null = delete). */
  record Op(int key, String value) {
    StateChange change() {
      byte[] keyBytes = TestChain.utf8("key-" + key);
      return value == null ? StateChange.delete(keyBytes)
          : StateChange.put(keyBytes, TestChain.utf8(value));
    }
  }

  /** A block's changes, and whether the storage is closed and reopened after it. */
  record Step(List<Op> ops, boolean reopen) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 40),
        Arbitraries.strings().alpha().ofMaxLength(6).injectNull(0.25)).as(Op::new);
    Arbitrary<Step> step = Combinators.combine(op.list().ofMaxSize(12),
        Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 25)
  void randomBlocksMatchTheModel(@ForAll("steps") List<Step> steps) throws Exception {
    // Durability is the crash test's subject; here unsynced writes keep the tries fast.
    StorageOptions options = TestChain.options().withRetainedStateVersions(RETAINED)
        .withSyncWrites(false);
    try (TempDirectory directory = new TempDirectory("state-model")) {
      Storage storage = Storage.open(directory.path(), options);
      List<Map<String, byte[]>> versions = new ArrayList<>();
      try {
        storage.commitGenesis(List.of());
        versions.add(Map.of());
        TestChain chain = new TestChain();
        for (Step step : steps) {
          Map<String, byte[]> next = new HashMap<>(versions.get(versions.size() - 1));
          List<StateChange> changes = new ArrayList<>();
          for (Op op : step.ops()) {
            changes.add(op.change());
            if (op.value() == null) {
              next.remove("key-" + op.key());
            } else {
              next.put("key-" + op.key(), TestChain.utf8(op.value()));
            }
          }
          byte[] root = storage.commitBlock(chain.next(1, versions.size()).commit(changes));
          versions.add(next);
          assertThat(root).isEqualTo(ReferenceSmt.root(TestChain.HASH, next));
          if (step.reopen()) {
            storage.close();
            storage = Storage.open(directory.path(), options);
          }
          checkRetainedVersions(storage, versions);
        }
      } finally {
        storage.close();
      }
    }
  }

  private static void checkRetainedVersions(Storage storage, List<Map<String, byte[]>> versions)
      throws Exception {
    StateStore state = storage.state();
    long latest = versions.size() - 1;
    long oldest = Math.max(0, latest - RETAINED + 1);
    assertThat(state.latestVersion()).isEqualTo(latest);
    assertThat(state.oldestRetainedVersion()).isEqualTo(oldest);
    for (long version = oldest; version <= latest; version++) {
      Map<String, byte[]> model = versions.get((int) version);
      byte[] root = state.root(version);
      assertThat(root).isEqualTo(ReferenceSmt.root(TestChain.HASH, model));
      for (int key = 0; key <= 40; key += 3) {
        byte[] keyBytes = TestChain.utf8("key-" + key);
        byte[] expected = model.get("key-" + key);
        StateProof proof = state.prove(keyBytes, version);
        if (expected == null) {
          assertThat(state.get(keyBytes, version)).isEmpty();
          assertThat(ProofCheck.verifyNonInclusion(TestChain.HASH, root, proof.toProto(),
              keyBytes)).isTrue();
        } else {
          assertThat(state.get(keyBytes, version)).hasValueSatisfying(
              value -> assertThat(value).isEqualTo(expected));
          assertThat(ProofCheck.verifyInclusion(TestChain.HASH, root, proof.toProto(), keyBytes,
              expected)).isTrue();
        }
        if (version == latest) {
          assertThat(state.get(keyBytes).orElse(null)).isEqualTo(expected);
        }
      }
    }
    if (oldest > 0) {
      assertThatThrownBy(() -> state.root(oldest - 1))
          .isInstanceOf(VersionNotRetainedException.class);
    }
  }

  @Property(tries = 20)
  void theRootDependsOnlyOnTheFinalState(@ForAll @IntRange(min = 1, max = 120) int keys,
      @ForAll @IntRange(min = 1, max = 6) int blocks, @ForAll long seed) throws Exception {
    Map<String, byte[]> finalState = new HashMap<>();
    List<StateChange> all = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      byte[] value = TestChain.utf8("value-" + i + "-" + seed);
      finalState.put("key-" + i, value);
      all.add(StateChange.put(TestChain.utf8("key-" + i), value));
    }
    byte[] inOneGo;
    try (Storage storage = Storage.inMemory(TestChain.options())) {
      inOneGo = storage.commitGenesis(all);
    }
    // The same final state reached in shuffled order, over several blocks, via transient keys.
    Random random = new Random(seed);
    List<StateChange> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, random);
    try (TempDirectory directory = new TempDirectory("state-order");
        Storage storage = Storage.open(directory.path(), TestChain.options())) {
      storage.commitGenesis(List.of(StateTreeTest.put("transient", "x")));
      TestChain chain = new TestChain();
      byte[] root = null;
      for (int block = 0; block < blocks; block++) {
        List<StateChange> part = new ArrayList<>(shuffled.subList(
            block * shuffled.size() / blocks, (block + 1) * shuffled.size() / blocks));
        if (block == blocks - 1) {
          part.add(StateChange.delete(TestChain.utf8("transient")));
        }
        root = storage.commitBlock(chain.next(1, block).commit(part));
      }
      assertThat(root).isEqualTo(inOneGo).isEqualTo(ReferenceSmt.root(TestChain.HASH,
          finalState));
    }
  }
}
