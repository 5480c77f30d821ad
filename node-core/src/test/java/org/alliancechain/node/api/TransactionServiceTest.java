package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitBatchResponse;
import org.alliancechain.proto.v1.SubmitOutcome;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;
import org.alliancechain.proto.v1.TransactionStatus;
import org.junit.jupiter.api.Test;

class TransactionServiceTest extends ApiTestBase {
  private static final String CHAIN = TestGenesis.CHAIN_ID;

  @Test
  void submitAnswersWithTheTransactionIdAtOnce() {
    byte[] transaction = put("k", 50);

    SubmitResponse response = transactions.submit(request(transaction));

    assertThat(response.getTransactionId())
        .isEqualTo(TestChain.idOf(chain.rules, transaction).bytes());
    assertThat(response.getHeight()).isZero();
    assertThat(chain.mempool.stats().transactions()).isEqualTo(1);
  }

  @Test
  void eachRefusalGetsItsDocumentedCodeAndAdmissionsMessage() throws Exception {
    byte[] admitted = put("k", 50);
    transactions.submit(request(admitted));
    SigningKey stranger = SigningKey.generate(SignatureScheme.ED25519, TestTransactions.random());

    assertRefused(new byte[] {1, 2, 3}, Status.Code.INVALID_ARGUMENT,
        "not a SignedTransaction with a TransactionBody");
    assertRefused(new byte[0], Status.Code.INVALID_ARGUMENT, "transaction is empty");
    assertRefused(TestTransactions.put("other-chain", chain.keys.client, "trade", "k", "v"),
        Status.Code.INVALID_ARGUMENT, "is for chain 'other-chain', this is chain 'api-test'");
    assertRefused(flipSignature(put("k2", 50)), Status.Code.INVALID_ARGUMENT,
        "the signature does not verify");
    assertRefused(put("k3", 0), Status.Code.INVALID_ARGUMENT, "transaction expired at height 0");
    assertRefused(put("k4", 5_000), Status.Code.INVALID_ARGUMENT,
        "is more than 1000 blocks ahead");
    assertRefused(TestTransactions.put(CHAIN, stranger, "trade", "k", "v"),
        Status.Code.PERMISSION_DENIED, "is not an admitted identity");
    assertRefused(admitted, Status.Code.ALREADY_EXISTS, "was already submitted");
  }

  @Test
  void aCommittedTransactionSubmittedAgainIsAlreadyExists() throws Exception {
    byte[] transaction = put("k", 50);
    chain.commit(List.of(transaction));

    assertRefused(transaction, Status.Code.ALREADY_EXISTS, "takes effect at most once");
  }

  @Test
  void waitForCommitAnswersWithTheHeightAndResult() throws Exception {
    byte[] transaction = put("k", 50);
    ListenableFuture<SubmitResponse> answer = TransactionServiceGrpc.newFutureStub(channel)
        .submit(request(transaction).toBuilder().setWaitForCommit(true).build());
    awaitTrue("the transaction is admitted", () -> chain.mempool.stats().transactions() == 1);
    assertThat(answer.isDone()).isFalse();

    chain.commit(List.of(put("other", 50)));
    long height = chain.commitFromMempool();

    SubmitResponse response = answer.get(10, TimeUnit.SECONDS);
    assertThat(response.getHeight()).isEqualTo(height).isEqualTo(2);
    assertThat(response.getResult().getStatus())
        .isEqualTo(TransactionStatus.TRANSACTION_STATUS_SUCCESS);
    assertThat(response.getResult().getTransactionId()).isEqualTo(response.getTransactionId());
  }

  @Test
  void aWaitThatTimesOutIsDeadlineExceededWithTheReason() {
    SubmitRequest waiting = request(put("k", 50)).toBuilder()
        .setWaitForCommit(true).setWaitTimeoutMs(200).build();

    StatusRuntimeException refused =
        catchThrowableOfType(StatusRuntimeException.class, () -> transactions.submit(waiting));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(refused.getStatus().getDescription()).contains("was admitted but not committed"
        + " within 200 ms; it may still commit up to its expiry height 50");
    assertThat(chain.handedOut).singleElement()
        .satisfies(future -> assertThat(future).isCancelled());
  }

  @Test
  void aWaitLongerThanTheMaximumIsRefusedBeforeAdmission() {
    SubmitRequest tooLong = request(put("k", 50)).toBuilder()
        .setWaitForCommit(true).setWaitTimeoutMs(500_000).build();

    StatusRuntimeException refused =
        catchThrowableOfType(StatusRuntimeException.class, () -> transactions.submit(tooLong));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("maximum of 120000 ms");
    assertThat(chain.mempool.stats().transactions()).isZero();
  }

  @Test
  void submitBatchGivesEachTransactionItsOwnOutcome() throws Exception {
    byte[] good = put("a", 50);
    SubmitBatchResponse response = transactions.submitBatch(SubmitBatchRequest.newBuilder()
        .addTransactions(ByteString.copyFrom(good))
        .addTransactions(ByteString.copyFrom(flipSignature(put("b", 50))))
        .addTransactions(ByteString.copyFrom(new byte[] {9}))
        .addTransactions(ByteString.copyFrom(good))
        .build());

    List<SubmitOutcome> outcomes = response.getOutcomesList();
    assertThat(outcomes).extracting(SubmitOutcome::getAccepted)
        .containsExactly(true, false, false, false);
    assertThat(outcomes).extracting(SubmitOutcome::getCode).containsExactly("OK",
        "INVALID_ARGUMENT", "INVALID_ARGUMENT", "ALREADY_EXISTS");
    assertThat(outcomes.get(0).getTransactionId())
        .isEqualTo(TestChain.idOf(chain.rules, good).bytes());
    assertThat(outcomes.get(1).getMessage()).contains("the signature does not verify");
    assertThat(outcomes.get(2).getTransactionId()).isEmpty();
  }

  @Test
  void aBatchOfMoreThanTenThousandIsRefused() {
    SubmitBatchRequest.Builder batch = SubmitBatchRequest.newBuilder();
    for (int i = 0; i <= TransactionApi.BATCH_TRANSACTIONS_MAX; i++) {
      batch.addTransactions(ByteString.copyFrom(new byte[] {1}));
    }

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> transactions.submitBatch(batch.build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription())
        .isEqualTo("a batch holds at most 10000 transactions, this one 10001: split it");
  }

  private void assertRefused(byte[] transaction, Status.Code code, String message) {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> transactions.submit(request(transaction)));
    assertThat(refused).as("refusal of a transaction expected to get %s", code).isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(code);
    assertThat(refused.getStatus().getDescription()).contains(message);
  }

  private byte[] put(String key, long expiry) {
    return TestTransactions.sign(chain.keys.client, TestTransactions.body(CHAIN, chain.keys.client)
        .setExpiryHeight(expiry)
        .setKvPut(KvPut.newBuilder().setNamespace("trade").setKey(ByteString.copyFromUtf8(key))
            .setValue(ByteString.copyFromUtf8("v")))
        .build());
  }

  static SubmitRequest request(byte[] transaction) {
    return SubmitRequest.newBuilder().setTransaction(ByteString.copyFrom(transaction)).build();
  }

  static byte[] flipSignature(byte[] encoded) throws Exception {
    SignedTransaction signed = SignedTransaction.parseFrom(encoded);
    byte[] signature = signed.getSignature().toByteArray();
    signature[0] ^= 1;
    return signed.toBuilder().setSignature(ByteString.copyFrom(signature)).build().toByteArray();
  }
}
