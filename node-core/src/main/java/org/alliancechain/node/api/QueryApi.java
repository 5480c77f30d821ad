package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.node.receipt.CommittedReceipt;
import org.alliancechain.node.receipt.ReceiptBuilder;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.GetBlockRequest;
import org.alliancechain.proto.v1.GetBlockResponse;
import org.alliancechain.proto.v1.GetStateRequest;
import org.alliancechain.proto.v1.GetStateResponse;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.GetTransactionRequest;
import org.alliancechain.proto.v1.GetTransactionResponse;
import org.alliancechain.proto.v1.NodeStatus;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.StreamBlocksRequest;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.storage.StorageException;

/** Reads of the committed ledger: transactions with receipts, blocks, state, status, streams. */
final class QueryApi extends QueryServiceGrpc.QueryServiceImplBase {
  private final NodeServices node;
  private final Executor executor;
  private final OpenCalls open;
  private final ReceiptBuilder receipts;
  private final BlockReader blocks;
  private final StateQuery state;

  QueryApi(NodeServices node, Executor executor, OpenCalls open) {
    this.node = node;
    this.executor = executor;
    this.open = open;
    this.receipts = new ReceiptBuilder(node.storage(), node.rules());
    this.blocks = new BlockReader(node.storage(), node.rules().hash());
    this.state = new StateQuery(node.storage().state(), receipts);
  }

  @Override
  public void getTransaction(GetTransactionRequest request,
      StreamObserver<GetTransactionResponse> responses) {
    ApiErrors.respond(responses, "GetTransaction", () -> {
      ByteString id = request.getTransactionId();
      checkHash("transaction_id", id);
      CommittedReceipt receipt = receipts.build(new TransactionId(id)).orElseThrow(() ->
          ApiErrors.notFound("transaction " + hex(id) + " is not committed on this node: it is"
              + " unknown, still pending, or expired without committing"));
      return GetTransactionResponse.newBuilder()
          .setResult(parseResult(receipt.result()))
          .setHeight(receipt.height())
          .setIndex(receipt.index())
          .setReceipt(receipt.receipt())
          .setReceiptComplete(receipt.complete())
          .build();
    });
  }

  @Override
  public void getBlock(GetBlockRequest request, StreamObserver<GetBlockResponse> responses) {
    ApiErrors.respond(responses, "GetBlock", () -> {
      long height = heightOf(request);
      BlockEvent block = blocks.read(height).orElseThrow(() -> ApiErrors.notFound("no block is"
          + " committed at height " + height + " on this node yet"));
      return GetBlockResponse.newBuilder()
          .setBlock(block.getBlock())
          .setHash(block.getHash())
          .addAllResults(block.getResultsList())
          .build();
    });
  }

  private long heightOf(GetBlockRequest request) throws StorageException {
    switch (request.getSelectorCase()) {
      case HEIGHT -> {
        if (request.getHeight() == 0) {
          throw ApiErrors.invalidArgument("height 0 is the genesis state, not a block; blocks"
              + " start at height 1");
        }
        return request.getHeight();
      }
      case HASH -> {
        checkHash("hash", request.getHash());
        OptionalLong height = node.storage().blocks().heightOf(request.getHash().toByteArray());
        return height.orElseThrow(() -> ApiErrors.notFound("no committed block has hash "
            + hex(request.getHash())));
      }
      default -> throw ApiErrors.invalidArgument("GetBlock needs a height or a hash");
    }
  }

  @Override
  public void getState(GetStateRequest request, StreamObserver<GetStateResponse> responses) {
    ApiErrors.respond(responses, "GetState", () -> state.answer(request));
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<NodeStatus> responses) {
    ApiErrors.respond(responses, "GetStatus", () -> StatusReports.nodeStatus(node));
  }

  @Override
  public void streamBlocks(StreamBlocksRequest request, StreamObserver<BlockEvent> responses) {
    new BlockStream(node.storage(), blocks, executor,
        (ServerCallStreamObserver<BlockEvent>) responses, open, request.getFromHeight())
        .start(node);
  }

  private static void checkHash(String field, ByteString hash) {
    if (hash.size() != HashAlgorithm.DIGEST_LENGTH) {
      throw ApiErrors.invalidArgument(field + " is " + hash.size() + " bytes, a hash is "
          + HashAlgorithm.DIGEST_LENGTH);
    }
  }

  private static TransactionResult parseResult(ByteString result)
      throws InvalidProtocolBufferException {
    return TransactionResult.parseFrom(result);
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
