package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.alliancechain.consensus.ChainContext;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.node.receipt.ReceiptVerification;
import org.alliancechain.node.receipt.ReceiptVerifier;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.GetBlockRequest;
import org.alliancechain.proto.v1.GetBlockResponse;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.GetTransactionRequest;
import org.alliancechain.proto.v1.GetTransactionResponse;
import org.alliancechain.proto.v1.NodeStatus;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.proto.v1.TransactionStatus;
import org.junit.jupiter.api.Test;

class QueryServiceTest extends ApiTestBase {
  private static final String CHAIN = TestGenesis.CHAIN_ID;

  @Test
  void getTransactionGivesAReceiptThatVerifiesOfflineOnceHeightPlusWindowIsCommitted()
      throws Exception {
    byte[] first = TestTransactions.put(CHAIN, chain.keys.client, "trade", "a", "1");
    byte[] second = TestTransactions.anchor(CHAIN, chain.keys.client, new byte[32]);
    chain.commit(List.of(first, second));
    ByteString id = TestChain.idOf(chain.rules, second).bytes();
    GetTransactionRequest request = GetTransactionRequest.newBuilder().setTransactionId(id).build();

    GetTransactionResponse early = queries.getTransaction(request);
    assertThat(early.getReceiptComplete()).isFalse();
    assertThat(early.getReceipt().hasCertificate()).isFalse();

    chain.commitEmptyUpTo(3);
    GetTransactionResponse response = queries.getTransaction(request);
    ReceiptVerification verification =
        new ReceiptVerifier(chain.keys.genesis).verify(response.getReceipt().toByteArray());

    assertThat(response.getReceiptComplete()).isTrue();
    assertThat(response.getHeight()).isEqualTo(1);
    assertThat(response.getIndex()).isEqualTo(1);
    assertThat(response.getResult().getStatus())
        .isEqualTo(TransactionStatus.TRANSACTION_STATUS_SUCCESS);
    assertThat(response.getResult().getAnchor().getHeight()).isEqualTo(1);
    assertThat(verification.isValid()).as(verification.toString()).isTrue();
    assertThat(verification.receipt().transactionId()).isEqualTo(id);
    assertThat(verification.receipt().result()).isEqualTo(response.getResult());
  }

  @Test
  void anUnknownTransactionIsNotFoundAndABadIdInvalid() {
    assertCode(() -> queries.getTransaction(GetTransactionRequest.newBuilder()
        .setTransactionId(ByteString.copyFrom(new byte[32])).build()), Status.Code.NOT_FOUND,
        "is not committed on this node");
    assertCode(() -> queries.getTransaction(GetTransactionRequest.newBuilder()
        .setTransactionId(ByteString.copyFrom(new byte[3])).build()),
        Status.Code.INVALID_ARGUMENT, "transaction_id is 3 bytes, a hash is 32");
  }

  @Test
  void getBlockByHeightOrHashGivesTheCertifiedBlockAndItsResults() throws Exception {
    chain.commit(List.of(TestTransactions.put(CHAIN, chain.keys.client, "trade", "a", "1"),
        TestTransactions.put(CHAIN, chain.keys.client, "missing", "a", "1")));

    GetBlockResponse byHeight = queries.getBlock(GetBlockRequest.newBuilder().setHeight(1).build());
    GetBlockResponse byHash = queries.getBlock(
        GetBlockRequest.newBuilder().setHash(byHeight.getHash()).build());

    assertThat(byHash).isEqualTo(byHeight);
    ByteString header = byHeight.getBlock().getBlock().getHeader();
    assertThat(byHeight.getHash().toByteArray())
        .isEqualTo(chain.rules.hash().digest(header.toByteArray()));
    assertThat(BlockHeader.parseFrom(header).getHeight()).isEqualTo(1);
    assertThat(byHeight.getResultsList()).extracting(r -> TransactionResult.parseFrom(r)
        .getStatus()).containsExactly(TransactionStatus.TRANSACTION_STATUS_SUCCESS,
            TransactionStatus.TRANSACTION_STATUS_NAMESPACE_NOT_FOUND);
    certificates().decodeAndVerify(byHeight.getBlock().toByteArray());
  }

  @Test
  void missingAndMalformedBlockRequestsSayWhy() {
    assertCode(() -> queries.getBlock(GetBlockRequest.newBuilder().setHeight(7).build()),
        Status.Code.NOT_FOUND, "no block is committed at height 7");
    assertCode(() -> queries.getBlock(GetBlockRequest.newBuilder().setHeight(0).build()),
        Status.Code.INVALID_ARGUMENT, "height 0 is the genesis state");
    assertCode(() -> queries.getBlock(GetBlockRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "GetBlock needs a height or a hash");
    assertCode(() -> queries.getBlock(GetBlockRequest.newBuilder()
        .setHash(ByteString.copyFrom(new byte[32])).build()), Status.Code.NOT_FOUND,
        "no committed block has hash 0000");
  }

  @Test
  void getStatusReportsThePositionOfTheNode() throws Exception {
    chain.commitEmptyUpTo(2);
    node.view = 5;

    NodeStatus status = queries.getStatus(GetStatusRequest.getDefaultInstance());

    assertThat(status.getNodeId()).isEqualTo("v0");
    assertThat(status.getChainId()).isEqualTo(CHAIN);
    assertThat(status.getRole()).isEqualTo("validator");
    assertThat(status.getHeight()).isEqualTo(2);
    assertThat(status.getExecutedHeight()).isEqualTo(2);
    assertThat(status.getTipHash().toByteArray())
        .isEqualTo(chain.storage.blocks().tip().orElseThrow().blockHash());
    assertThat(status.getView()).isEqualTo(5);
    assertThat(status.getPrimary()).isEqualTo("v1");
    assertThat(status.getSuite()).isEqualTo("intl");
    assertThat(status.getReady()).isTrue();
    assertThat(status.getVersion()).isNotEmpty();
  }

  private CommitCertificates certificates() {
    return new CommitCertificates(new ChainContext(CHAIN, chain.rules.suite(),
        Hash.of(chain.keys.genesis.genesisHash()), new ValidatorSet(chain.keys.genesis
            .validators().stream().map(NodeIdentity::publicKey).toList())));
  }

  static void assertCode(Runnable call, Status.Code code, String message) {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        call::run);
    assertThat(refused).as("a call expected to fail with %s", code).isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(code);
    assertThat(refused.getStatus().getDescription()).contains(message);
  }
}
