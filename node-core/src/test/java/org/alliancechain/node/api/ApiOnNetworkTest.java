package org.alliancechain.node.api;

import static org.alliancechain.node.api.ApiTestBase.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.ConsensusTiming;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.init.GeneratedNetwork;
import org.alliancechain.node.init.NetworkGenerator;
import org.alliancechain.node.init.NetworkSpec;
import org.alliancechain.node.receipt.ReceiptVerification;
import org.alliancechain.node.receipt.ReceiptVerifier;
import org.alliancechain.node.runtime.Node;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.GetTransactionRequest;
import org.alliancechain.proto.v1.GetTransactionResponse;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.StreamBlocksRequest;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitOutcome;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;
import org.alliancechain.proto.v1.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over the real node: four validators (PBFT over TLS on 127.0.0.1, RocksDB), the API
 * server on the first. Transactions submitted through gRPC commit, a receipt verifies offline
 * with the genesis file, and the block stream carries every block.
 */
class ApiOnNetworkTest {
  @TempDir
  Path directory;

  @Test
  void transactionsSubmittedOverGrpcCommitWithReceiptsThatVerifyOffline() throws Exception {
    NetworkSpec spec = NetworkSpec.local("api-net", CryptoSuite.INTL, 4, 0)
        .withTiming(new ConsensusTiming(1_000, 8_000, 5, 0));
    GeneratedNetwork network = new NetworkGenerator().generate(spec, directory);
    SigningKey client = KeyPem.decodePrivate(Files.readString(network.clientKeyFile()));
    List<Node> nodes = new ArrayList<>();
    try {
      for (GeneratedNetwork.NodeFiles files : network.nodes()) {
        nodes.add(Node.start(ChainConfig.load(files.nodeToml())));
      }
      try (ApiServer server = new ApiServer(nodes.get(0), ApiSettings.forTests()).start()) {
        ManagedChannel channel = ApiTestBase.plaintext(server.publicAddress());
        try {
          exercise(channel, network, client);
        } finally {
          channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      nodes.forEach(Node::close);
    }
  }

  private static void exercise(ManagedChannel channel, GeneratedNetwork network,
      SigningKey client) throws Exception {
    String chainId = network.genesis().chainId();
    List<BlockEvent> streamed = new CopyOnWriteArrayList<>();
    QueryServiceGrpc.newStub(channel).streamBlocks(
        StreamBlocksRequest.newBuilder().setFromHeight(1).build(), collect(streamed));
    var transactions = TransactionServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(60, TimeUnit.SECONDS);
    SubmitBatchRequest.Builder batch = SubmitBatchRequest.newBuilder();
    for (int i = 0; i < 50; i++) {
      batch.addTransactions(ByteString.copyFrom(
          TestTransactions.put(chainId, client, "default", "k" + i, "v" + i)));
    }
    assertThat(transactions.submitBatch(batch.build()).getOutcomesList())
        .allMatch(SubmitOutcome::getAccepted);

    SubmitResponse committed = transactions.submit(SubmitRequest.newBuilder()
        .setTransaction(ByteString.copyFrom(
            TestTransactions.anchor(chainId, client, new byte[32])))
        .setWaitForCommit(true).setWaitTimeoutMs(60_000).build());
    assertThat(committed.getHeight()).isPositive();
    assertThat(committed.getResult().getStatus())
        .isEqualTo(TransactionStatus.TRANSACTION_STATUS_SUCCESS);

    var queries = QueryServiceGrpc.newBlockingStub(channel);
    GetTransactionRequest request = GetTransactionRequest.newBuilder()
        .setTransactionId(committed.getTransactionId()).build();
    awaitTrue("the receipt is complete", () -> queries.withDeadlineAfter(10, TimeUnit.SECONDS)
        .getTransaction(request).getReceiptComplete());
    GetTransactionResponse answer = queries.getTransaction(request);
    ReceiptVerification verification =
        new ReceiptVerifier(network.genesis()).verify(answer.getReceipt().toByteArray());
    assertThat(verification.isValid()).as(verification.toString()).isTrue();
    assertThat(verification.receipt().height()).isEqualTo(committed.getHeight());

    long certified = committed.getHeight() + network.genesis().consensus().window();
    awaitTrue("the stream reaches the certifying height", () -> streamed.size() >= certified);
    for (int i = 0; i < streamed.size(); i++) {
      assertThat(streamed.get(i).getBlock().getCertificate().getHeight()).isEqualTo(i + 1);
    }
  }

  private static StreamObserver<BlockEvent> collect(List<BlockEvent> into) {
    return new StreamObserver<>() {
      @Override
      public void onNext(BlockEvent event) {
        into.add(event);
      }

      @Override
      public void onError(Throwable failure) {}

      @Override
      public void onCompleted() {}
    };
  }
}
