package org.alliancechain.node.execution;

import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_INVALID_OPERATION;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_NAMESPACE_NOT_FOUND;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_NOT_AUTHORIZED;
import static org.alliancechain.proto.v1.TransactionStatus.TRANSACTION_STATUS_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.proto.v1.Governance;
import org.alliancechain.proto.v1.RegisterClient;
import org.alliancechain.proto.v1.RevokeClient;
import org.alliancechain.proto.v1.SetNamespaceWriters;
import org.alliancechain.proto.v1.TransactionResult;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {
  private static final String CHAIN = "test-chain";
  private final SecureRandom random = new SecureRandom();
  private final SigningKey bankAdmin = SigningKey.generate(SignatureScheme.ED25519, random);
  private final SigningKey courtAdmin = SigningKey.generate(SignatureScheme.ED25519, random);
  private final SigningKey teller = SigningKey.generate(SignatureScheme.ED25519, random);
  private final SigningKey stranger = SigningKey.generate(SignatureScheme.ED25519, random);
  private final TransactionCodec codec =
      new TransactionCodec(ChainRules.forTests(CHAIN, CryptoSuite.INTL));
  private final BlockExecutor executor = new BlockExecutor();
  private final TreeMap<ByteString, ByteString> state =
      new TreeMap<>(ByteString.unsignedLexicographicalComparator());
  private long height = 1;

  BlockExecutorTest() {
    apply(new GenesisState(
        List.of(new GenesisState.Admin("bank", bankAdmin.publicKey()),
            new GenesisState.Admin("court", courtAdmin.publicKey())),
        List.of(new GenesisState.Client("bank", teller.publicKey(), "teller")),
        List.of(new GenesisState.Namespace("trade", "bank", List.of()),
            new GenesisState.Namespace("ledger", "bank", List.of(bankAdmin.publicKey()))))
        .changes());
  }

  @Test
  void anAdmittedClientWritesAnOpenNamespace() {
    List<TransactionResult> results = run(TestTransactions.put(CHAIN, teller, "trade", "k", "v"));

    assertThat(results.get(0).getStatus()).isEqualTo(TRANSACTION_STATUS_SUCCESS);
    assertThat(state.get(StateKeys.of("trade", ByteString.copyFromUtf8("k"))))
        .isEqualTo(ByteString.copyFromUtf8("v"));
  }

  @Test
  void failuresGetAReasonAndDoNotStopTheBlock() {
    List<TransactionResult> results = run(
        TestTransactions.put(CHAIN, stranger, "trade", "k", "v"),
        TestTransactions.put(CHAIN, teller, "missing", "k", "v"),
        TestTransactions.put(CHAIN, teller, "ledger", "k", "v"),
        TestTransactions.put(CHAIN, teller, "trade", "k", "v"));

    assertThat(results).extracting(TransactionResult::getStatus).containsExactly(
        TRANSACTION_STATUS_NOT_AUTHORIZED, TRANSACTION_STATUS_NAMESPACE_NOT_FOUND,
        TRANSACTION_STATUS_NOT_AUTHORIZED, TRANSACTION_STATUS_SUCCESS);
    assertThat(results.get(0).getMessage()).contains("is not an admitted identity");
    assertThat(results.get(1).getMessage()).contains("namespace 'missing' does not exist");
    assertThat(results.get(2).getMessage()).contains("is not a writer of namespace 'ledger'");
  }

  @Test
  void anAnchorRecordsWhenAndByWhomAndCannotBeRepeated() {
    byte[] digest = HashAlgorithm.SHA_256.digest(TestTransactions.bytes("the contract"));
    List<TransactionResult> results = run(TestTransactions.anchor(CHAIN, teller, digest),
        TestTransactions.anchor(CHAIN, bankAdmin, digest));

    TransactionResult first = results.get(0);
    assertThat(first.getStatus()).isEqualTo(TRANSACTION_STATUS_SUCCESS);
    assertThat(first.getAnchor().getHeight()).isEqualTo(height - 1);
    assertThat(first.getAnchor().getBlockTimestampMs()).isEqualTo(1_000 * (height - 1));
    assertThat(first.getAnchor().getAnchoredBy()).isEqualTo(ProtoKeys.toProto(teller.publicKey()));
    assertThat(first.getAnchor().getMetadata(0).getValue()).isEqualTo("contract.pdf");
    assertThat(results.get(1).getStatus()).isEqualTo(TRANSACTION_STATUS_INVALID_OPERATION);
    assertThat(results.get(1).getMessage()).contains("already anchored at height 1");
  }

  @Test
  void anAdminRegistersAndRevokesOnlyItsOwnOrganizationsClients() {
    List<TransactionResult> results = run(
        register(bankAdmin, stranger, "court"),
        register(bankAdmin, stranger, "bank"),
        TestTransactions.put(CHAIN, stranger, "trade", "k", "by stranger"),
        revoke(courtAdmin, stranger),
        revoke(bankAdmin, stranger),
        TestTransactions.put(CHAIN, stranger, "trade", "k", "after revocation"));

    assertThat(results).extracting(TransactionResult::getStatus).containsExactly(
        TRANSACTION_STATUS_INVALID_OPERATION, TRANSACTION_STATUS_SUCCESS,
        TRANSACTION_STATUS_SUCCESS, TRANSACTION_STATUS_NOT_AUTHORIZED,
        TRANSACTION_STATUS_SUCCESS, TRANSACTION_STATUS_NOT_AUTHORIZED);
    assertThat(results.get(3).getMessage()).contains("belongs to 'bank'");
    assertThat(state.get(StateKeys.of("trade", ByteString.copyFromUtf8("k"))))
        .isEqualTo(ByteString.copyFromUtf8("by stranger"));
  }

  @Test
  void onlyTheOwningOrganizationChangesANamespacesWriters() {
    List<TransactionResult> results = run(
        setWriters(teller, "trade"),
        setWriters(courtAdmin, "trade"),
        setWriters(courtAdmin, "evidence", courtAdmin),
        setWriters(bankAdmin, "trade", bankAdmin),
        TestTransactions.put(CHAIN, teller, "trade", "k", "v"));

    assertThat(results).extracting(TransactionResult::getStatus).containsExactly(
        TRANSACTION_STATUS_NOT_AUTHORIZED, TRANSACTION_STATUS_NOT_AUTHORIZED,
        TRANSACTION_STATUS_SUCCESS, TRANSACTION_STATUS_SUCCESS,
        TRANSACTION_STATUS_NOT_AUTHORIZED);
    assertThat(results.get(0).getMessage()).contains("needs an organization admin key");
    assertThat(results.get(1).getMessage()).contains("owned by 'bank'");
  }

  @Test
  void executionIsDeterministic() {
    List<Transaction> transactions = decode(List.of(
        TestTransactions.put(CHAIN, teller, "trade", "a", "1"),
        register(bankAdmin, stranger, "bank"),
        TestTransactions.put(CHAIN, stranger, "trade", "b", "2")));
    Map<ByteString, ByteString> snapshot = new TreeMap<>(state);

    ExecutedBlock first = executor.execute(new BlockContext(5, 5_000), transactions,
        key -> Optional.ofNullable(snapshot.get(key)));
    ExecutedBlock second = executor.execute(new BlockContext(5, 5_000), transactions,
        key -> Optional.ofNullable(snapshot.get(key)));

    assertThat(second).isEqualTo(first);
  }

  private byte[] register(SigningKey admin, SigningKey client, String organization) {
    return TestTransactions.governance(CHAIN, admin, Governance.newBuilder()
        .setRegisterClient(RegisterClient.newBuilder()
            .setClient(ProtoKeys.toProto(client.publicKey()))
            .setOrganization(organization).setLabel("new client"))
        .build());
  }

  private byte[] revoke(SigningKey admin, SigningKey client) {
    return TestTransactions.governance(CHAIN, admin, Governance.newBuilder()
        .setRevokeClient(RevokeClient.newBuilder()
            .setClient(ProtoKeys.toProto(client.publicKey())).setReason("left the company"))
        .build());
  }

  private byte[] setWriters(SigningKey admin, String namespace, SigningKey... writers) {
    SetNamespaceWriters.Builder set = SetNamespaceWriters.newBuilder().setNamespace(namespace);
    for (SigningKey writer : writers) {
      set.addWriters(ProtoKeys.toProto(writer.publicKey()));
    }
    return TestTransactions.governance(CHAIN, admin,
        Governance.newBuilder().setSetNamespaceWriters(set).build());
  }

  private List<TransactionResult> run(byte[]... encoded) {
    ExecutedBlock block = executor.execute(new BlockContext(height, 1_000 * height),
        decode(List.of(encoded)), key -> Optional.ofNullable(state.get(key)));
    height++;
    apply(block.changes());
    List<TransactionResult> results = new ArrayList<>();
    for (ByteString bytes : block.results()) {
      try {
        results.add(TransactionResult.parseFrom(bytes));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }
    return results;
  }

  private List<Transaction> decode(List<byte[]> encoded) {
    List<Transaction> transactions = new ArrayList<>();
    for (byte[] bytes : encoded) {
      try {
        transactions.add(codec.decode(bytes));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return transactions;
  }

  private void apply(Map<ByteString, Optional<ByteString>> changes) {
    changes.forEach((key, value) -> {
      if (value.isPresent()) {
        state.put(key, value.get());
      } else {
        state.remove(key);
      }
    });
  }
}
