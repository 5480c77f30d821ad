package org.alliancechain.cli.client;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.proto.v1.GetTransactionRequest;
import org.alliancechain.proto.v1.GetTransactionResponse;
import org.alliancechain.proto.v1.TransactionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alliance tx get}: a committed transaction with its result and receipt. */
@Command(name = "get", header = "Shows a committed transaction and saves its receipt.",
    description = {
    "Shows a committed transaction's result, height and receipt. --out saves the receipt",
    "(alliance.v1.TransactionReceipt bytes) for `alliance verify`. A receipt is complete once",
    "the block `window` heights later is committed; this waits for that up to --wait."})
public final class TxGetCommand implements Callable<Integer> {
  private static final long POLL_MS = 200;

  @Mixin
  ApiOptions api;

  @Parameters(paramLabel = "TX_ID", description = "The transaction id (64 hex digits)")
  String id;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the receipt here")
  Path out;

  @Option(names = "--wait", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long to wait for the receipt to be complete. Default: ${DEFAULT-VALUE}")
  long waitSeconds;

  @Option(names = "--json", description = "Print the response as JSON")
  boolean json;

  @Override
  public Integer call() throws CliException, InterruptedException {
    ByteString transactionId = Text.parseHex(id, "transaction id");
    try (NodeClient client = new NodeClient(api)) {
      GetTransactionResponse response = fetchComplete(client, transactionId, waitSeconds);
      if (json) {
        System.out.println(Text.json(response));
      } else {
        print(response, transactionId);
      }
      if (out != null) {
        if (!response.getReceiptComplete()) {
          throw CliException.failed("the receipt is not complete yet (height "
              + response.getHeight() + " needs later blocks to certify its result)");
        }
        BinaryFiles.write(out, response.getReceipt().toByteArray(), "receipt");
        System.out.println("  receipt saved to " + out + "; check it offline with:");
        System.out.println("  alliance verify --receipt " + out + " --genesis genesis.json");
      }
      return ExitCode.OK;
    }
  }

  /** The transaction, waiting until its receipt is complete or {@code waitSeconds} pass. */
  public static GetTransactionResponse fetchComplete(NodeClient client, ByteString id,
      long waitSeconds) throws CliException, InterruptedException {
    GetTransactionRequest request = GetTransactionRequest.newBuilder().setTransactionId(id).build();
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      GetTransactionResponse response = client.query("GetTransaction",
          stub -> stub.getTransaction(request));
      if (response.getReceiptComplete() || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(POLL_MS);
    }
  }

  private static void print(GetTransactionResponse response, ByteString id) {
    TransactionResult result = response.getResult();
    System.out.println("transaction " + Text.hex(id));
    System.out.println("  committed   height " + response.getHeight() + ", index "
        + response.getIndex());
    System.out.println("  result      " + SubmitOptions.statusText(result.getStatus())
        + (result.getMessage().isEmpty() ? "" : " (" + result.getMessage() + ")"));
    if (result.hasAnchor()) {
      System.out.println("  anchored    " + result.getAnchor().getDigestAlgorithm() + " "
          + Text.hex(result.getAnchor().getDocumentDigest()) + " at "
          + Text.time(result.getAnchor().getBlockTimestampMs()));
    }
    System.out.println("  receipt     " + (response.getReceiptComplete()
        ? "complete (certified at height " + response.getReceipt().getCertificate().getHeight() + ")"
        : "not complete yet: ask again once height " + (response.getHeight()
            + response.getReceipt().getFollowingHeadersCount() + 1) + "+ is committed"));
  }
}
