package org.alliancechain.bench.api;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.alliancechain.config.ClientIdentity;
import org.alliancechain.config.ConsensusParams;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisBuilder;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.config.Namespace;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.Organization;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.NodeCertificateRequest;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.admission.TransactionAdmission;
import org.alliancechain.node.admission.VerifiedSignatures;
import org.alliancechain.node.api.NodeServices;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.execution.GenesisState;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.mempool.MempoolStats;
import org.alliancechain.node.runtime.ChainSetup;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.StateChange;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.StorageOptions;

/**
 * The part of a node the transaction service drives, built of the real pieces: RocksDB storage
 * with the genesis state, the mempool and admission (signatures on crypto's shared batch
 * verifier). No consensus: nothing commits, so admitted transactions stay in the mempool.
 */
final class BenchNode implements NodeServices {
  static final String CHAIN_ID = "bench";
  private static final SecureRandom RANDOM = new SecureRandom();

  final List<SigningKey> clients = new ArrayList<>();
  private final Genesis genesis;
  private final ChainRules rules;
  private final Storage storage;
  private final Mempool mempool;
  private final TransactionAdmission admission;

  BenchNode(Path directory, int clientCount) throws Exception {
    Instant now = Instant.now();
    SigningKey caKey = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
    X509Certificate ca = Certificates.createOrganizationCa("bank", caKey,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    GenesisBuilder builder = new GenesisBuilder(CHAIN_ID, CryptoSuite.INTL, now)
        .organization(new Organization("bank", "Bank", ca,
            List.of(SigningKey.generate(SignatureScheme.ED25519, RANDOM).publicKey())))
        .namespace(new Namespace("bench", "bank", List.of()))
        .consensus(ConsensusParams.defaults());
    for (int i = 0; i < 4; i++) {
      SigningKey tls = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
      builder.validator(new NodeIdentity("v" + i, "bank",
          SigningKey.generate(SignatureScheme.ED25519, RANDOM).publicKey(),
          Certificates.issueNodeCertificate(new NodeCertificateRequest("v" + i, "bank",
              tls.publicKey(), List.of("localhost"), List.of(), now.minus(Duration.ofHours(1)),
              now.plus(Duration.ofDays(30))), ca, caKey)));
    }
    for (int i = 0; i < clientCount; i++) {
      SigningKey client = SigningKey.generate(SignatureScheme.ED25519, RANDOM);
      clients.add(client);
      builder.client(new ClientIdentity(client.publicKey(), "bank"));
    }
    genesis = builder.build();
    ChainSetup setup = ChainSetup.of(genesis);
    rules = setup.rules();
    storage = Storage.open(directory, StorageOptions.of(CHAIN_ID, genesis.genesisHash(),
        rules.hash()));
    storage.commitGenesis(genesisState(setup.genesisState()));
    mempool = new Mempool(new MempoolLimits(1_000_000, 1L << 30, 1_000_000));
    admission = new TransactionAdmission(rules, mempool, BatchVerifier.shared(),
        new VerifiedSignatures(),
        id -> isCommitted(id), () -> key -> read(key), () -> 0L, refused -> { });
  }

  private static List<StateChange> genesisState(GenesisState state) {
    List<StateChange> changes = new ArrayList<>();
    state.changes()
        .forEach((key, value) -> changes.add(
            StateChange.put(key.toByteArray(), value.orElseThrow().toByteArray())));
    return changes;
  }

  private boolean isCommitted(TransactionId id) {
    try {
      return storage.blocks().isCommitted(id.toByteArray());
    } catch (StorageException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<ByteString> read(ByteString key) {
    try {
      return storage.state().get(key.toByteArray()).map(ByteString::copyFrom);
    } catch (StorageException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ChainRules rules() {
    return rules;
  }

  @Override
  public Genesis genesis() {
    return genesis;
  }

  @Override
  public String nodeId() {
    return "v0";
  }

  @Override
  public boolean isValidator() {
    return true;
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @Override
  public List<AdmissionOutcome> submit(List<ByteString> transactions) {
    return admission.admit(transactions);
  }

  @Override
  public CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id) {
    return new CompletableFuture<>();
  }

  @Override
  public Optional<ReplicaStatus> consensus() {
    return Optional.empty();
  }

  @Override
  public List<PeerStatus> peers() {
    return List.of();
  }

  @Override
  public P2pMetrics p2pMetrics() {
    return new P2pMetrics(Map.of(), 0, 0, 0, 0, Map.of(), Map.of());
  }

  @Override
  public MempoolStats mempool() {
    return mempool.stats();
  }

  @Override
  public Map<String, Long> mempoolRejections() {
    return Map.of();
  }

  @Override
  public long peerHeight(String peerId) {
    return 0; // this single-node harness has no peers
  }

  @Override
  public long bestPeerHeight() {
    return storage.blocks().tip().map(ChainTip::height).orElse(0L);
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public long viewChanges() {
    return 0;
  }

  @Override
  public AutoCloseable onBlockStored(LongConsumer listener) {
    return () -> { };
  }

  void close() {
    storage.close();
  }
}
