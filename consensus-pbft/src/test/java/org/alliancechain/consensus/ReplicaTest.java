package org.alliancechain.consensus;

import static org.alliancechain.consensus.ReplicaHarness.broadcasts;
import static org.alliancechain.consensus.ReplicaHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.SignedMessage;
import org.junit.jupiter.api.Test;

/** One replica (validator 1 of 4, a backup in view 0) scripted message by message. */
class ReplicaTest {
  private final TestChain test = new TestChain(4);
  private final ReplicaHarness backup = new ReplicaHarness(test, 1);
  private final ChainBlock block1 = test.block(1, test.chain.genesisHash(), 1);

  private SignedMessage proposal(ChainBlock block) {
    return test.sign(0, new PrePrepare(0, block.height(), block.hash(), block.parentHash()));
  }

  /** Pre-prepare, validate and persist: returns the actions after the PREPARE is durable. */
  private List<Action> prepared(ChainBlock block) {
    backup.receive(proposal(block), block);
    return backup.persistAll(backup.step(new Event.ProposalValidated(0, block.height(),
        block.hash(), true, "")));
  }

  @Test
  void backupPreparesOnlyAfterTheHostValidatedAndTheVoteIsDurable() {
    backup.start();
    List<Action> afterProposal = backup.receive(proposal(block1), block1);
    assertThat(only(afterProposal, Action.ValidateProposal.class)).singleElement()
        .extracting(Action.ValidateProposal::blockHash).isEqualTo(block1.hash());
    assertThat(broadcasts(afterProposal)).isEmpty();

    List<Action> afterValidation = backup.step(new Event.ProposalValidated(0, 1, block1.hash(),
        true, ""));
    assertThat(only(afterValidation, Action.Persist.class)).hasSize(1);
    assertThat(broadcasts(afterValidation)).as("nothing is sent before it is durable").isEmpty();

    assertThat(broadcasts(backup.persistAll(afterValidation))).singleElement()
        .extracting(SignedMessage::message).isEqualTo(new Prepare(0, 1, block1.hash()));
  }

  @Test
  void backupCommitsOnAQuorumOfPreparesAndDeliversOnAQuorumOfCommits() throws Exception {
    backup.start();
    prepared(block1);
    List<Action> afterPrepare = backup.receive(test.sign(2, new Prepare(0, 1, block1.hash())));
    List<SignedMessage> sent = broadcasts(backup.persistAll(afterPrepare));
    assertThat(sent).singleElement().extracting(SignedMessage::message)
        .isEqualTo(new Commit(0, 1, block1.hash()));

    List<Action> delivered = new ArrayList<>(backup.receive(test.sign(0,
        new Commit(0, 1, block1.hash()))));
    delivered.addAll(backup.receive(test.sign(3, new Commit(0, 1, block1.hash()))));
    Action.Deliver deliver = only(delivered, Action.Deliver.class).get(0);
    assertThat(deliver.height()).isEqualTo(1);
    assertThat(deliver.block()).isEqualTo(block1);
    CommitCertificate certificate = deliver.certificate();
    new CommitCertificates(test.chain).verify(certificate);
    assertThat(backup.replica.status().committedHeight()).isEqualTo(1);
  }

  @Test
  void aProposalArrivingBeforeItsParentWaitsThenLinks() {
    backup.start();
    ChainBlock block2 = test.block(2, block1.hash(), 2);
    List<Action> early = backup.receive(proposal(block2), block2);
    assertThat(only(early, Action.ValidateProposal.class)).as("R1: parent not accepted yet").isEmpty();
    List<Action> later = backup.receive(proposal(block1), block1);
    assertThat(only(later, Action.ValidateProposal.class))
        .extracting(Action.ValidateProposal::height).containsExactly(1L, 2L);
  }

  @Test
  void aCommitWaitsForTheCommitOfTheHeightBelow() {
    backup.start();
    ChainBlock block2 = test.block(2, block1.hash(), 2);
    backup.receive(proposal(block1), block1);
    backup.receive(proposal(block2), block2);
    List<Action> actions = new ArrayList<>();
    actions.addAll(backup.step(new Event.ProposalValidated(0, 1, block1.hash(), true, "")));
    actions.addAll(backup.step(new Event.ProposalValidated(0, 2, block2.hash(), true, "")));
    backup.persistAll(actions);
    List<Action> prepared2 = backup.receive(test.sign(2, new Prepare(0, 2, block2.hash())));
    assertThat(only(prepared2, Action.Persist.class)).as("R2: height 1 is not committed to yet")
        .isEmpty();
    List<Action> prepared1 = backup.receive(test.sign(2, new Prepare(0, 1, block1.hash())));
    List<SignedMessage> commits = new ArrayList<>(broadcasts(backup.persistAll(prepared1)));
    assertThat(commits).extracting(SignedMessage::message).containsExactly(
        new Commit(0, 1, block1.hash()), new Commit(0, 2, block2.hash()));
  }

  @Test
  void aProposalThatDoesNotExtendTheChainIsRejected() {
    backup.start();
    ChainBlock orphan = test.block(1, test.block(1, test.chain.genesisHash(), 5).hash(), 6);
    List<Action> actions = backup.receive(proposal(orphan), orphan);
    assertThat(only(actions, Action.Rejected.class)).singleElement()
        .extracting(Action.Rejected::reason).isEqualTo(RejectReason.PARENT_MISMATCH);
    assertThat(only(actions, Action.ValidateProposal.class)).isEmpty();
  }

  @Test
  void aSecondProposalForTheSameHeightIsEquivocation() {
    backup.start();
    backup.receive(proposal(block1), block1);
    ChainBlock other = test.block(1, test.chain.genesisHash(), 2);
    List<Action> actions = backup.receive(proposal(other), other);
    assertThat(backup.replica.rejections()).containsEntry(RejectReason.EQUIVOCATION, 1L);
    assertThat(only(actions, Action.ValidateProposal.class)).isEmpty();
  }

  @Test
  void primaryBroadcastsItsProposalOnlyAfterPersistingIt() {
    ReplicaHarness primary = new ReplicaHarness(test, 0);
    List<Action> started = primary.start();
    started = new ArrayList<>(started);
    started.addAll(primary.step(new Event.WorkPending(true)));
    Action.RequestProposal request = only(started, Action.RequestProposal.class).get(0);
    assertThat(request.height()).isEqualTo(1);
    assertThat(request.parentHash()).isEqualTo(test.chain.genesisHash());

    List<Action> proposed = primary.step(new Event.ProposalReady(0, 1, block1.encoded()));
    assertThat(broadcasts(proposed)).isEmpty();
    assertThat(only(proposed, Action.RequestProposal.class)).as("the window allows height 2")
        .singleElement().extracting(Action.RequestProposal::height).isEqualTo(2L);
    assertThat(broadcasts(primary.persistAll(proposed))).singleElement()
        .extracting(SignedMessage::message)
        .isEqualTo(new PrePrepare(0, 1, block1.hash(), test.chain.genesisHash()));
  }

  @Test
  void aSingleValidatorChainCommitsAlone() {
    TestChain solo = new TestChain(1);
    ReplicaHarness only = new ReplicaHarness(solo, 0);
    only.start();
    only.step(new Event.WorkPending(true));
    ChainBlock block = solo.block(1, solo.chain.genesisHash(), 1);
    List<Action> actions = only.persistAll(only.step(new Event.ProposalReady(0, 1, block.encoded())));
    actions = new ArrayList<>(actions);
    actions.addAll(only.persistAll(actions));
    assertThat(only(actions, Action.Deliver.class)).singleElement()
        .extracting(Action.Deliver::height).isEqualTo(1L);
  }

  @Test
  void aRestartedReplicaResendsItsVoteAndNeverSignsAnother() {
    backup.start();
    SignedMessage prepare = broadcasts(prepared(block1)).get(0);
    List<Action> resumed = backup.restart(null);
    assertThat(broadcasts(resumed)).as("the same bytes, not a new signature").contains(prepare);

    ChainBlock other = test.block(1, test.chain.genesisHash(), 2);
    List<Action> afterLie = backup.receive(proposal(other), other);
    assertThat(backup.replica.rejections()).containsEntry(RejectReason.EQUIVOCATION, 1L);
    assertThat(only(afterLie, Action.Persist.class)).isEmpty();
    assertThat(broadcasts(afterLie)).isEmpty();
  }

  @Test
  void aProgressTimeoutStartsADurableViewChange() {
    backup.start();
    List<Action> pending = backup.step(new Event.WorkPending(true));
    Action.SetTimer timer = only(pending, Action.SetTimer.class).get(0);
    assertThat(timer.kind()).isEqualTo(TimerKind.PROGRESS);
    List<Action> fired = backup.step(new Event.TimerFired(TimerKind.PROGRESS, timer.timerId()));
    assertThat(broadcasts(fired)).isEmpty();
    List<SignedMessage> sent = broadcasts(backup.persistAll(fired));
    assertThat(sent).singleElement().extracting(SignedMessage::phase).isEqualTo(Phase.VIEW_CHANGE);
    assertThat(sent.get(0).as(ViewChange.class).newView()).isEqualTo(1);
    assertThat(backup.replica.status().viewChanging()).isTrue();
    assertThat(backup.step(new Event.TimerFired(TimerKind.PROGRESS, timer.timerId())))
        .as("a stale timer is ignored").isEmpty();
  }

  @Test
  void aViewChangingReplicaMovesOnWhenAQuorumAskedForItsViewOrALaterOne() {
    TestChain seven = new TestChain(7);
    ReplicaHarness replica = new ReplicaHarness(seven, 1);
    replica.start();
    Action.SetTimer progress = only(replica.step(new Event.WorkPending(true)),
        Action.SetTimer.class).get(0);
    List<Action> changing = replica.step(new Event.TimerFired(TimerKind.PROGRESS,
        progress.timerId()));
    Action.SetTimer viewChangeTimer = only(changing, Action.SetTimer.class).stream()
        .filter(timer -> timer.kind() == TimerKind.VIEW_CHANGE).findFirst().orElseThrow();
    replica.persistAll(changing);
    ViewChange toView1 = new ViewChange(1, 0, List.of(), List.of(), List.of());
    ViewChange toView2 = new ViewChange(2, 0, List.of(), List.of(), List.of());
    replica.receive(seven.sign(4, toView1));
    replica.receive(seven.sign(5, toView1));
    replica.receive(seven.sign(2, toView2));
    replica.receive(seven.sign(3, toView2));
    assertThat(replica.replica.status().view()).as("two votes for view 2 are fewer than f + 1")
        .isEqualTo(1);

    List<Action> fired = replica.step(new Event.TimerFired(TimerKind.VIEW_CHANGE,
        viewChangeTimer.timerId()));
    assertThat(broadcasts(replica.persistAll(fired)))
        .as("own + two for view 1 + two for view 2 are a quorum of 5: move on to view 2")
        .singleElement().extracting(message -> message.as(ViewChange.class).newView())
        .isEqualTo(2L);
  }

  @Test
  void votesAloneNeverArmTheProgressTimerOnAnIdleChain() {
    backup.start();
    List<Action> actions = backup.receive(test.sign(2, new Prepare(0, 3, block1.hash())));
    assertThat(only(actions, Action.SetTimer.class)).as("a faulty backup cannot force a view change")
        .isEmpty();
    List<Action> proposed = backup.receive(proposal(block1), block1);
    assertThat(only(proposed, Action.SetTimer.class)).extracting(Action.SetTimer::kind)
        .containsExactly(TimerKind.PROGRESS);
  }

  @Test
  void anOwnStateRootThatDisagreesWithAStableCheckpointHalts() {
    backup.start();
    long height = test.parameters.checkpointInterval();
    Hash block = test.block(height, test.chain.genesisHash(), 1).hash();
    Hash agreed = Hash.of(new byte[32]);
    byte[] mine = new byte[32];
    mine[0] = 1;
    backup.step(new Event.BlockExecuted(height, block, Hash.of(mine)));
    backup.receive(test.sign(0, new Checkpoint(height, block, agreed)));
    backup.receive(test.sign(2, new Checkpoint(height, block, agreed)));
    List<Action> actions = backup.receive(test.sign(3, new Checkpoint(height, block, agreed)));
    assertThat(only(actions, Action.Halt.class)).singleElement()
        .extracting(Action.Halt::reason).asString().contains("execution diverged");
    assertThat(backup.step(new Event.WorkPending(true))).isEmpty();
  }

  @Test
  void farFutureMessagesAreDroppedAndCounted() {
    backup.start();
    for (int i = 0; i < 100; i++) {
      backup.receive(test.sign(2, new Prepare(1_000 + i, 1, block1.hash())));
      backup.receive(test.sign(3, new Commit(0, 5_000 + i, block1.hash())));
    }
    assertThat(backup.replica.rejections())
        .containsEntry(RejectReason.FUTURE_VIEW, 100L)
        .containsEntry(RejectReason.FUTURE_HEIGHT, 100L);
    assertThat(backup.replica.bufferUsage().excessOver(
        BufferUsage.limits(test.parameters, 4))).isEmpty();
  }

  @Test
  void anObserverNeverSpeaks() {
    ReplicaHarness observer = new ReplicaHarness(test, -1);
    List<Action> actions = new ArrayList<>(observer.start());
    actions.addAll(observer.receive(proposal(block1), block1));
    actions.addAll(observer.step(new Event.WorkPending(true)));
    for (int signer = 1; signer < 4; signer++) {
      actions.addAll(observer.receive(test.sign(signer, new Prepare(0, 1, block1.hash()))));
    }
    for (int signer = 0; signer < 3; signer++) {
      actions.addAll(observer.receive(test.sign(signer, new Commit(0, 1, block1.hash()))));
    }
    assertThat(only(actions, Action.Broadcast.class)).isEmpty();
    assertThat(only(actions, Action.Persist.class)).isEmpty();
    assertThat(only(actions, Action.Deliver.class)).hasSize(1);
  }
}
