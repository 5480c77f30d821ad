package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the state on RocksDB: the root depends only on the final map, and random
 * sequences of blocks, reopenings and reads agree with a plain model of versioned maps. Inputs
 * are drawn from a seed (see {@link Seeds} to replay one or run more).
 */
class StatePropertiesTest {
  private static final int RETAINED = 3;

  /** One change of a block: key index, and a value (null = delete). */
  record Op(int key, String value) {
    @Override
    public String toString() {
      return value == null ? key + ":-" : key + "='" + value + "'";
    }

    StateChange change() {
      byte[] keyBytes = TestChain.utf8("key-" + key);
      return value == null ? StateChange.delete(keyBytes)
          : StateChange.put(keyBytes, TestChain.utf8(value));
    }
  }

  /** A block's changes, and whether the storage is closed and reopened after it. */
  record Step(List<Op> ops, boolean reopen) {
    @Override
    public String toString() {
      return ops + (reopen ? " reopen" : "");
    }
  }

  /**
   * 1..14 blocks of 0..12 changes over keys 0..40; a quarter of the changes are deletes, values
   * are 0..6 letters (the empty value included); one block in ten is followed by a reopening.
   */
  private static List<Step> steps(SplittableRandom random) {
    List<Step> steps = new ArrayList<>();
    for (int block = Seeds.size(random, 1, 14); block > 0; block--) {
      List<Op> ops = new ArrayList<>();
      for (int op = Seeds.size(random, 0, 12); op > 0; op--) {
        ops.add(new Op(random.nextInt(41), random.nextInt(4) == 0 ? null : letters(random)));
      }
      steps.add(new Step(ops, random.nextInt(10) == 0));
    }
    return steps;
  }

  private static String letters(SplittableRandom random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder value = new StringBuilder();
    for (int i = Seeds.size(random, 0, 6); i > 0; i--) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return value.toString();
  }

  static LongStream modelSeeds() {
    return Seeds.of(25);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("modelSeeds")
  void randomBlocksMatchTheModel(long seed) {
    Seeds.check(seed, () -> steps(new SplittableRandom(seed)),
        StatePropertiesTest::checkAgainstTheModel);
  }

  private static void checkAgainstTheModel(List<Step> steps) throws Exception {
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
      assertThat(root).as("root of version %d", version)
          .isEqualTo(ReferenceSmt.root(TestChain.HASH, model));
      for (int key = 0; key <= 40; key += 3) {
        byte[] keyBytes = TestChain.utf8("key-" + key);
        byte[] expected = model.get("key-" + key);
        String where = "key-" + key + " at version " + version;
        StateProof proof = state.prove(keyBytes, version);
        if (expected == null) {
          assertThat(state.get(keyBytes, version)).as(where).isEmpty();
          assertThat(ProofCheck.verifyNonInclusion(TestChain.HASH, root, proof.toProto(),
              keyBytes)).as("non-inclusion proof of " + where).isTrue();
        } else {
          assertThat(state.get(keyBytes, version)).as(where).hasValueSatisfying(
              value -> assertThat(value).isEqualTo(expected));
          assertThat(ProofCheck.verifyInclusion(TestChain.HASH, root, proof.toProto(), keyBytes,
              expected)).as("inclusion proof of " + where).isTrue();
        }
        if (version == latest) {
          assertThat(state.get(keyBytes).orElse(null)).as("latest " + where)
              .isEqualTo(expected);
        }
      }
    }
    if (oldest > 0) {
      assertThatThrownBy(() -> state.root(oldest - 1))
          .isInstanceOf(VersionNotRetainedException.class);
    }
  }

  static LongStream orderSeeds() {
    return Seeds.of(20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("orderSeeds")
  void theRootDependsOnlyOnTheFinalState(long seed) {
    Seeds.check(seed, () -> {
      SplittableRandom random = new SplittableRandom(seed);
      return new Reordering(Seeds.size(random, 1, 120), Seeds.size(random, 1, 6), random.nextLong());
    }, StatePropertiesTest::checkOrderIndependence);
  }

  /** {@code keys} keys put at once, and again shuffled by {@code seed} over {@code blocks}. */
  record Reordering(int keys, int blocks, long seed) {}

  private static void checkOrderIndependence(Reordering reordering) throws Exception {
    int keys = reordering.keys();
    int blocks = reordering.blocks();
    long seed = reordering.seed();
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
