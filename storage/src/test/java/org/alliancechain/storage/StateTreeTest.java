package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.SparseMerkleProof;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authenticated state on RocksDB: roots against the reference, proofs against the spec. */
class StateTreeTest {
  private static final HashAlgorithm HASH = TestChain.HASH;

  @TempDir
  Path directory;

  private Storage storage;

  @AfterEach
  void close() {
    if (storage != null) {
      storage.close();
    }
  }

  private Storage open() throws StorageException {
    storage = Storage.open(directory, TestChain.options());
    return storage;
  }

  @Test
  void emptyStateHasTheZeroRoot() throws Exception {
    byte[] root = open().commitGenesis(List.of());
    assertThat(root).isEqualTo(new byte[32]);
    StateProof proof = storage.state().prove(TestChain.utf8("absent"), 0);
    assertThat(proof.proof().siblings()).isEmpty();
    assertThat(proof.proof().leaf()).isEmpty();
    assertThat(proof.verify(HASH)).isTrue();
    assertThat(ProofCheck.verifyNonInclusion(HASH, root, proof.toProto(),
        TestChain.utf8("absent"))).isTrue();
  }

  @Test
  void oneKeyIsItsLeafAtTheRoot() throws Exception {
    byte[] root = open().commitGenesis(List.of(put("only", "value")));
    byte[] keyHash = HASH.digest(TestChain.utf8("only"));
    assertThat(root).isEqualTo(HASH.digest(new byte[] {0}, keyHash,
        HASH.digest(TestChain.utf8("value"))));
    StateProof proof = storage.state().prove(TestChain.utf8("only"), 0);
    assertThat(proof.proof().siblings()).isEmpty();
    assertThat(ProofCheck.verifyInclusion(HASH, root, proof.toProto(), TestChain.utf8("only"),
        TestChain.utf8("value"))).isTrue();
  }

  @Test
  void rootsMatchTheReferenceAcrossBlocksOfPutsAndDeletes() throws Exception {
    open().commitGenesis(List.of());
    TestChain chain = new TestChain();
    Map<String, byte[]> model = new HashMap<>();
    Random random = new Random(7);
    for (int block = 0; block < 20; block++) {
      List<StateChange> changes = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String key = "key-" + random.nextInt(300);
        if (random.nextInt(4) == 0) {
          changes.add(StateChange.delete(TestChain.utf8(key)));
          model.remove(key);
        } else {
          byte[] value = TestChain.utf8("v" + random.nextInt());
          changes.add(StateChange.put(TestChain.utf8(key), value));
          model.put(key, value);
        }
      }
      byte[] root = storage.commitBlock(chain.next(2, block).commit(changes));
      assertThat(root).as("root after block %d", block + 1)
          .isEqualTo(ReferenceSmt.root(HASH, model));
    }
  }

  @Test
  void proofsVerifyForPresentAndAbsentKeys() throws Exception {
    Map<String, byte[]> model = new HashMap<>();
    List<StateChange> changes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] value = TestChain.utf8("value-" + i);
      model.put("key-" + i, value);
      changes.add(StateChange.put(TestChain.utf8("key-" + i), value));
    }
    byte[] root = open().commitGenesis(changes);
    assertThat(root).isEqualTo(ReferenceSmt.root(HASH, model));
    int endingAtOtherLeaf = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] key = TestChain.utf8("key-" + i);
      StateProof present = storage.state().prove(key, 0);
      assertThat(present.value()).contains(model.get("key-" + i));
      assertThat(present.verify(HASH)).isTrue();
      assertThat(ProofCheck.verifyInclusion(HASH, root, present.toProto(), key,
          model.get("key-" + i))).isTrue();
      assertThat(ProofCheck.verifyNonInclusion(HASH, root, present.toProto(), key)).isFalse();

      byte[] absentKey = TestChain.utf8("absent-" + i);
      StateProof absent = storage.state().prove(absentKey, 0);
      assertThat(absent.value()).isEmpty();
      assertThat(ProofCheck.verifyNonInclusion(HASH, root, absent.toProto(), absentKey))
          .isTrue();
      assertThat(absent.verify(HASH)).isTrue();
      endingAtOtherLeaf += absent.proof().leaf().isPresent() ? 1 : 0;
    }
    // Both kinds of absence occur: an empty slot, and another key's leaf on the path.
    assertThat(endingAtOtherLeaf).isBetween(1, 999);
  }

  @Test
  void tamperedProofsFail() throws Exception {
    List<StateChange> changes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      changes.add(put("key-" + i, "value-" + i));
    }
    byte[] root = open().commitGenesis(changes);
    byte[] key = TestChain.utf8("key-42");
    byte[] value = TestChain.utf8("value-42");
    SparseMerkleProof proof = storage.state().prove(key, 0).toProto();
    assertThat(ProofCheck.verifyInclusion(HASH, root, proof, key, value)).isTrue();

    assertThat(ProofCheck.verifyInclusion(HASH, root, proof, key, TestChain.utf8("other")))
        .as("another value").isFalse();
    assertThat(ProofCheck.verifyInclusion(HASH, root, proof, TestChain.utf8("key-43"), value))
        .as("another key").isFalse();
    byte[] otherRoot = root.clone();
    otherRoot[0] ^= 1;
    assertThat(ProofCheck.verifyInclusion(HASH, otherRoot, proof, key, value))
        .as("another root").isFalse();
    for (int depth = 0; depth < proof.getSiblingsCount(); depth++) {
      byte[] sibling = proof.getSiblings(depth).toByteArray();
      sibling[31] ^= 0x40;
      SparseMerkleProof flipped = proof.toBuilder()
          .setSiblings(depth, ByteString.copyFrom(sibling)).build();
      assertThat(ProofCheck.verifyInclusion(HASH, root, flipped, key, value))
          .as("sibling %d flipped", depth).isFalse();
    }
    SparseMerkleProof truncated = proof.toBuilder().clearSiblings()
        .addAllSiblings(proof.getSiblingsList().subList(0, proof.getSiblingsCount() - 1)).build();
    assertThat(ProofCheck.verifyInclusion(HASH, root, truncated, key, value))
        .as("a sibling dropped").isFalse();
    SparseMerkleProof leafless = proof.toBuilder().clearLeafKeyHash().clearLeafValueHash()
        .build();
    assertThat(ProofCheck.verifyNonInclusion(HASH, root, leafless, key))
        .as("a present key claimed absent").isFalse();
  }

  @Test
  void deletingDownToOneKeyCollapsesToItsLeaf() throws Exception {
    open().commitGenesis(List.of(put("a", "1"), put("b", "2"), put("c", "3")));
    TestChain chain = new TestChain();
    byte[] root = storage.commitBlock(chain.next(0, 1).commit(List.of(
        StateChange.delete(TestChain.utf8("a")), StateChange.delete(TestChain.utf8("c")))));
    assertThat(root).isEqualTo(HASH.digest(new byte[] {0}, HASH.digest(TestChain.utf8("b")),
        HASH.digest(TestChain.utf8("2"))));
    byte[] empty = storage.commitBlock(chain.next(0, 2).commit(List.of(
        StateChange.delete(TestChain.utf8("b")))));
    assertThat(empty).isEqualTo(new byte[32]);
  }

  @Test
  void sm3ChainsHashTheTreeWithSm3() throws Exception {
    byte[] genesis = HashAlgorithm.SM3.digest(TestChain.utf8("sm genesis"));
    storage = Storage.open(directory, StorageOptions.of("sm-chain", genesis, HashAlgorithm.SM3)
        .withTuning(StorageTuning.forTests()));
    Map<String, byte[]> model = new HashMap<>();
    List<StateChange> changes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      model.put("k" + i, TestChain.utf8("v" + i));
      changes.add(put("k" + i, "v" + i));
    }
    byte[] root = storage.commitGenesis(changes);
    assertThat(root).isEqualTo(ReferenceSmt.root(HashAlgorithm.SM3, model));
    assertThat(ProofCheck.verifyInclusion(HashAlgorithm.SM3, root,
        storage.state().prove(TestChain.utf8("k7"), 0).toProto(), TestChain.utf8("k7"),
        TestChain.utf8("v7"))).isTrue();
  }

  @Test
  void theRootOfTheAdrReferenceVectorMatches() throws Exception {
    // docs/adr/0012-merkle-trees.md: keys "a", "b", "c" with values "1", "2", "3".
    List<StateChange> abc = List.of(put("a", "1"), put("b", "2"), put("c", "3"));
    assertThat(open().commitGenesis(abc)).isEqualTo(HexFormat.of().parseHex(
        "8e2a164a410203f51300d7c6645b7a37f549768457be109acc126c63573a9e0a"));
    storage.close();
    try (Storage sm = Storage.inMemory(StorageOptions.of("sm-chain",
        HashAlgorithm.SM3.digest(TestChain.utf8("sm genesis")), HashAlgorithm.SM3))) {
      assertThat(sm.commitGenesis(abc)).isEqualTo(HexFormat.of().parseHex(
          "1ffcb8e886a820fb323bfed9ee6d9d92d717a648c091383f509e42449b82b366"));
    }
  }

  static StateChange put(String key, String value) {
    return StateChange.put(TestChain.utf8(key), TestChain.utf8(value));
  }
}
