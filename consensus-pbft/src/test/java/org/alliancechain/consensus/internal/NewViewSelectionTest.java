package org.alliancechain.consensus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.alliancechain.consensus.TestChain;
import org.alliancechain.consensus.internal.NewViewSelection.Selection;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.junit.jupiter.api.Test;

class NewViewSelectionTest {
  private final TestChain test = new TestChain(4);
  private final Hash genesis = test.chain.genesisHash();

  private ViewChange viewChange(List<PreparedCertificate> prepared, CommitCertificate committed) {
    return new ViewChange(9, 0, List.of(), prepared,
        committed == null ? List.of() : List.of(committed));
  }

  private List<Hash> picked(Selection selection) {
    return selection.picks().stream().map(PreparedCertificate::blockHash).toList();
  }

  @Test
  void reproposesTheHighestViewCertificateThatExtendsThePickBelow() {
    ChainBlock a1 = test.block(1, genesis, 1);
    ChainBlock a2 = test.block(2, a1.hash(), 2);
    ChainBlock b2 = test.block(2, a1.hash(), 3);
    Selection selection = NewViewSelection.select(List.of(
        viewChange(List.of(test.prepared(0, a1), test.prepared(0, a2)), null),
        viewChange(List.of(test.prepared(0, a1), test.prepared(2, b2)), null)), genesis);
    assertThat(selection.baseHeight()).isZero();
    assertThat(picked(selection)).containsExactly(a1.hash(), b2.hash());
  }

  @Test
  void aHigherViewCertificateOnAnotherParentIsNotPicked() {
    ChainBlock a1 = test.block(1, genesis, 1);
    ChainBlock c1 = test.block(1, genesis, 7);
    ChainBlock a2 = test.block(2, a1.hash(), 2);
    ChainBlock c2 = test.block(2, c1.hash(), 8);
    // At height 1, a1 (view 3) beats c1 (view 1); at height 2 the view-5 certificate extends
    // c1, which was not picked, so the view-0 certificate extending a1 is taken.
    Selection selection = NewViewSelection.select(List.of(
        viewChange(List.of(test.prepared(3, a1), test.prepared(0, a2)), null),
        viewChange(List.of(test.prepared(1, c1), test.prepared(5, c2)), null)), genesis);
    assertThat(picked(selection)).containsExactly(a1.hash(), a2.hash());
  }

  @Test
  void stopsAtTheFirstGapAndDropsEverythingAbove() {
    ChainBlock a1 = test.block(1, genesis, 1);
    ChainBlock a2 = test.block(2, a1.hash(), 2);
    ChainBlock a3 = test.block(3, a2.hash(), 3);
    Selection selection = NewViewSelection.select(List.of(
        viewChange(List.of(test.prepared(0, a1), test.prepared(0, a3)), null),
        viewChange(List.of(), null)), genesis);
    assertThat(picked(selection)).containsExactly(a1.hash());
    assertThat(selection.topHeight()).isEqualTo(1);
  }

  @Test
  void startsAboveTheHighestCommitProof() {
    ChainBlock a1 = test.block(1, genesis, 1);
    ChainBlock a2 = test.block(2, a1.hash(), 2);
    ChainBlock a3 = test.block(3, a2.hash(), 3);
    Selection selection = NewViewSelection.select(List.of(
        viewChange(List.of(test.prepared(0, a1), test.prepared(0, a2)), null),
        viewChange(List.of(test.prepared(1, a3)), test.committed(1, a2))), genesis);
    assertThat(selection.baseHeight()).isEqualTo(2);
    assertThat(selection.baseHash()).isEqualTo(a2.hash());
    assertThat(picked(selection)).containsExactly(a3.hash());
  }

  @Test
  void theOrderOfViewChangesDoesNotMatter() {
    ChainBlock a1 = test.block(1, genesis, 1);
    ChainBlock b1 = test.block(1, genesis, 2);
    List<ViewChange> viewChanges = new ArrayList<>(List.of(
        viewChange(List.of(test.prepared(2, a1)), null),
        viewChange(List.of(test.prepared(2, b1)), null),
        viewChange(List.of(test.prepared(1, a1)), null)));
    Selection first = NewViewSelection.select(viewChanges, genesis);
    Collections.shuffle(viewChanges, new Random(4));
    assertThat(NewViewSelection.select(viewChanges, genesis)).isEqualTo(first);
  }
}
