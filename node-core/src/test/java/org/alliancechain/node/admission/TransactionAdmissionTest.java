package org.alliancechain.node.admission;

import static org.alliancechain.node.tx.InvalidTransactionException.Reason.BAD_SIGNATURE;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.DUPLICATE;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.EXPIRED;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.EXPIRY_TOO_FAR;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.MALFORMED;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.MEMPOOL_FULL;
import static org.alliancechain.node.tx.InvalidTransactionException.Reason.NOT_ADMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.execution.GenesisState;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.junit.jupiter.api.Test;

class TransactionAdmissionTest {
  private static final String CHAIN = "test-chain";
  private final SigningKey client = SigningKey.generate(SignatureScheme.ED25519, new SecureRandom());
  private final SigningKey stranger = SigningKey.generate(SignatureScheme.ED25519, new SecureRandom());
  private final Set<TransactionId> committed = new HashSet<>();
  private final List<AdmissionOutcome> refusals = new ArrayList<>();
  private final Mempool mempool = new Mempool(new MempoolLimits(3, 1 << 20, 100));
  private final TransactionAdmission admission;

  TransactionAdmissionTest() {
    Map<ByteString, ByteString> state = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
    new GenesisState(List.of(), List.of(new GenesisState.Client("bank", client.publicKey(), "app")),
        List.of()).changes().forEach((key, value) -> state.put(key, value.orElseThrow()));
    admission = new TransactionAdmission(ChainRules.forTests(CHAIN, CryptoSuite.INTL), mempool,
        BatchVerifier.shared(), new VerifiedSignatures(), committed::contains, () -> key -> Optional.ofNullable(state.get(key)),
        () -> 10, refusals::add);
  }

  @Test
  void admitsValidTransactionsAndRefusesEachBadOneWithItsReason() throws Exception {
    byte[] good = put(client, 50);
    byte[] badSignature = flipSignatureBit(put(client, 50));
    List<AdmissionOutcome> outcomes = admission.admit(List.of(
        ByteString.copyFrom(good),
        ByteString.copyFrom(good),
        ByteString.copyFrom(new byte[] {1, 2, 3}),
        ByteString.copyFrom(put(client, 10)),
        ByteString.copyFrom(put(client, 5_000)),
        ByteString.copyFrom(badSignature),
        ByteString.copyFrom(put(stranger, 50))));

    assertThat(outcomes).extracting(AdmissionOutcome::rejection).containsExactly(
        null, DUPLICATE, MALFORMED, EXPIRED, EXPIRY_TOO_FAR, BAD_SIGNATURE, NOT_ADMITTED);
    assertThat(outcomes.get(3).message()).contains("the next block is 11");
    assertThat(outcomes.get(6).message()).contains("must register it first");
    assertThat(refusals).hasSize(6);
    assertThat(mempool.stats().transactions()).isEqualTo(1);
  }

  @Test
  void aTransactionCommittedWhileItsSignatureIsCheckedIsNotLeftWaiting() {
    Map<ByteString, ByteString> state = new TreeMap<>(ByteString.unsignedLexicographicalComparator());
    new GenesisState(List.of(), List.of(new GenesisState.Client("bank", client.publicKey(), "app")),
        List.of()).changes().forEach((key, value) -> state.put(key, value.orElseThrow()));
    // The first look (before verifying) finds nothing; right after it the block is stored and
    // the mempool forgets its ids, so the second look finds it.
    Map<TransactionId, Integer> lookups = new java.util.HashMap<>();
    TransactionAdmission racing = new TransactionAdmission(ChainRules.forTests(CHAIN,
        CryptoSuite.INTL), mempool, BatchVerifier.shared(), new VerifiedSignatures(),
        id -> {
          if (lookups.merge(id, 1, Integer::sum) > 1) {
            return true;
          }
          mempool.removeCommitted(12, List.of(id));
          mempool.executed(12);
          return false;
        },
        () -> key -> Optional.ofNullable(state.get(key)), () -> 10, refusals::add);

    AdmissionOutcome outcome = racing.admit(List.of(ByteString.copyFrom(put(client, 50)))).get(0);

    assertThat(outcome.rejection()).isEqualTo(DUPLICATE);
    assertThat(outcome.message()).contains("committed while it was being admitted");
    assertThat(mempool.stats().transactions()).isZero();
    assertThat(mempool.contains(outcome.id())).isFalse();
  }

  @Test
  void aCommittedTransactionIsNeverAdmittedAgain() {
    byte[] encoded = put(client, 50);
    AdmissionOutcome first = admission.admit(List.of(ByteString.copyFrom(encoded))).get(0);
    mempool.removeCommitted(11, List.of(first.id()));
    committed.add(first.id());

    assertThat(admission.admit(List.of(ByteString.copyFrom(encoded))).get(0).rejection())
        .isEqualTo(DUPLICATE);
  }

  @Test
  void aFullMempoolRefusesWithResourceExhausted() {
    List<ByteString> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add(ByteString.copyFrom(put(client, 50)));
    }
    List<AdmissionOutcome> outcomes = admission.admit(four);

    assertThat(outcomes.get(3).rejection()).isEqualTo(MEMPOOL_FULL);
    assertThat(outcomes.get(3).message()).startsWith("the mempool is full (3 transactions");
  }

  private static byte[] put(SigningKey sender, long expiry) {
    return TestTransactions.sign(sender, TestTransactions.body(CHAIN, sender)
        .setExpiryHeight(expiry)
        .setKvPut(KvPut.newBuilder().setNamespace("trade").setKey(ByteString.copyFromUtf8("k")))
        .build());
  }

  private static byte[] flipSignatureBit(byte[] encoded) throws Exception {
    SignedTransaction signed = SignedTransaction.parseFrom(encoded);
    byte[] signature = signed.getSignature().toByteArray();
    signature[0] ^= 1;
    return signed.toBuilder().setSignature(ByteString.copyFrom(signature)).build().toByteArray();
  }
}
