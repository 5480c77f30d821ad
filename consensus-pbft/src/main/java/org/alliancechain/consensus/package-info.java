/**
 * PBFT (Castro and Liskov) on a chain as a deterministic state machine: {@code step(event) →
 * actions}. Sequence number = block height, request batch = block. No threads, sockets, clocks,
 * disk, logging or randomness: the host (node-core) performs every action and feeds every event,
 * which is what lets the simulator run a cluster from one seed.
 *
 * <h2>Wiring a replica (node-core)</h2>
 * <ol>
 *   <li><b>Genesis facts:</b> {@link org.alliancechain.consensus.ChainContext}(chain id, suite,
 *       genesis hash, {@link org.alliancechain.consensus.ValidatorSet} of the genesis public keys
 *       in genesis order); {@link org.alliancechain.consensus.ConsensusParameters} (W and K from
 *       genesis, timeouts and buffer bounds local; {@code defaults()}, {@code validate()}).
 *   <li><b>Restore:</b> {@code loadAll()} the consensus-log column family and load the committed
 *       tip with its certificate from block storage into {@link
 *       org.alliancechain.consensus.RestoredState} ({@code fresh()} on a new node).
 *   <li><b>Create and start:</b> {@code new Replica(chain, parameters, localValidator,
 *       restored)} ({@link org.alliancechain.consensus.LocalValidator} = index + SigningKey; null
 *       for an observer), then perform {@code replica.start()}.
 *   <li><b>Drive it</b> from one consensus thread: {@code List<Action> step(Event)}; perform the
 *       actions in order. After {@code start()}, report {@code BlockExecuted} again for the
 *       checkpoint heights (multiples of K) among the last {@code logHeightsMax} executed
 *       heights, so a restart never loses this validator's checkpoint votes.
 * </ol>
 *
 * <h2>Events ({@link org.alliancechain.consensus.Event})</h2>
 * {@code MessageReceived(VerifiedMessage)} — a peer's envelope after {@link
 * org.alliancechain.consensus.MessageVerifier#verify(byte[])} accepted it (run the verifier on
 * any thread, in parallel); {@code TimerFired(kind, timerId)}; {@code WorkPending(boolean)} —
 * report whenever the mempool turns non-empty or empty; {@code ProposalReady(view, height,
 * blockBytes)}; {@code ProposalValidated(view, height, blockHash, valid, reason)}; {@code
 * Persisted(token)}; {@code BlockExecuted(height, blockHash, stateRoot)}; {@code
 * SyncedBlocks(List<VerifiedCommittedBlock>)} — blocks from block sync, each checked with
 * {@link org.alliancechain.consensus.CommitCertificates#verify(
 * org.alliancechain.consensus.message.CommittedBlock)} (or {@code decodeAndVerify(bytes)}).
 *
 * <h2>Actions ({@link org.alliancechain.consensus.Action})</h2>
 * {@code Send(to, envelope)} / {@code Broadcast(envelope)} — {@code ConsensusEnvelope} bytes on
 * the p2p consensus channel; {@code Persist(entries, token)} — write atomically and synced, in
 * order, then answer {@code Persisted(token)}; {@code PruneLog(ranges)} — {@code deleteRange}
 * each, no answer; {@code RequestProposal(view, height, parentHash)} — a standing request the
 * block builder answers with {@code ProposalReady} when it has a block (possibly after its
 * execution reached height − W; a newer request replaces it); {@code ValidateProposal(view,
 * height, blockHash, block)} — check transactions, timestamp and execution roots, answer {@code
 * ProposalValidated}; {@code Deliver(height, block, certificate)} — store and execute, exactly
 * once per height in height order (synced blocks too), then report {@code BlockExecuted};
 * {@code SetTimer(kind, timerId, delayMs)} / {@code CancelTimer(kind)}; {@code
 * RequestSync(fromHeight, knownTipHeight)}; {@code Rejected(sender, reason, detail)} — log and
 * count ({@link org.alliancechain.consensus.Replica#rejections()} keeps the same counts); {@code
 * ViewChanged(view, primary)}; {@code Halt(reason)} — stop the node loudly.
 *
 * <h2>Durable log</h2>
 * Keys and records are in {@link org.alliancechain.consensus.ConsensusLogKeys} and
 * {@code alliance.v1.ConsensusLogRecord}; docs/adr/0051-consensus-durable-log.md explains what is
 * written when and what is pruned after a stable checkpoint.
 *
 * <h2>Certificates</h2>
 * {@link org.alliancechain.consensus.CommitCertificates} verifies a {@code CommitCertificate}
 * (or a {@code CommittedBlock}) against the genesis validators standalone, for receipts and block
 * sync; {@code codec.CertificateCodec} converts to and from {@code block.proto}.
 *
 * <p>Protocol decisions: docs/adr/0050-view-change.md. Invariants and the simulator checkers
 * that assert them: docs/pbft-invariants.md.
 */
package org.alliancechain.consensus;
