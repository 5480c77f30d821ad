package org.alliancechain.cli.client;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.keys.KeyFiles;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.NodeStatus;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.proto.v1.TransactionStatus;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every {@code tx submit} command shares: the node, the signing key, waiting. */
public final class SubmitOptions {
  @Mixin
  ApiOptions api;

  @Option(names = {"-k", "--key-file"}, required = true, paramLabel = "PEM",
      description = "The sender's private key (an admitted client, or an organization admin)")
  Path keyFile;

  @Option(names = "--no-wait", description = "Return the transaction id at once instead of"
      + " waiting for the commit")
  boolean noWait;

  @Option(names = "--wait-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "How long to wait for the commit. Default: ${DEFAULT-VALUE}")
  int waitTimeoutSeconds;

  @Option(names = "--expiry-blocks", defaultValue = "100", paramLabel = "N",
      description = "The transaction expires N heights from now (at most the genesis"
          + " transactionLifetimeBlocks). Default: ${DEFAULT-VALUE}")
  int expiryBlocks;

  /** Builds one transaction for the node's chain. */
  @FunctionalInterface
  public interface Builder {
    byte[] build(TransactionFactory factory, long expiryHeight) throws CliException;
  }

  /** Signs what {@code builder} makes, submits it, prints the outcome; returns the exit code. */
  public int submit(String what, Builder builder) throws CliException {
    try (NodeClient client = new NodeClient(api)) {
      NodeStatus status = client.query("GetStatus",
          stub -> stub.getStatus(GetStatusRequest.getDefaultInstance()));
      TransactionFactory factory = new TransactionFactory(status.getChainId(),
          suite(status).hash(), KeyFiles.loadPrivate(keyFile, "sender"));
      byte[] transaction = builder.build(factory, status.getHeight() + expiryBlocks);
      ByteString id = factory.id(transaction);
      SubmitRequest request = SubmitRequest.newBuilder()
          .setTransaction(ByteString.copyFrom(transaction))
          .setWaitForCommit(!noWait)
          .setWaitTimeoutMs(noWait ? 0 : waitTimeoutSeconds * 1000)
          .build();
      SubmitResponse response = client.transact("Submit", stub -> stub.submit(request),
          noWait ? 0 : waitTimeoutSeconds);
      System.out.println(what + " " + Text.hex(id));
      if (noWait) {
        System.out.println("  admitted; follow it with: alliance tx get " + Text.hex(id));
        return ExitCode.OK;
      }
      return printCommitted(response, id);
    }
  }

  private static int printCommitted(SubmitResponse response, ByteString id) {
    TransactionResult result = response.getResult();
    System.out.println("  committed at height " + response.getHeight() + ": "
        + statusText(result.getStatus()) + (result.getMessage().isEmpty() ? ""
        : " (" + result.getMessage() + ")"));
    System.out.println("  receipt: alliance tx get " + Text.hex(id) + " --out receipt.bin");
    return result.getStatus() == TransactionStatus.TRANSACTION_STATUS_SUCCESS
        ? ExitCode.OK : ExitCode.REJECTED;
  }

  static String statusText(TransactionStatus status) {
    return status.name().replace("TRANSACTION_STATUS_", "").toLowerCase(java.util.Locale.ROOT)
        .replace('_', ' ');
  }

  static CryptoSuite suite(NodeStatus status) throws CliException {
    try {
      return CryptoSuite.fromId(status.getSuite());
    } catch (CryptoException e) {
      throw CliException.failed("the node reports an unknown suite: " + e.getMessage());
    }
  }
}
