package org.alliancechain.cli.devnet;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.client.BinaryFiles;
import org.alliancechain.cli.client.DocumentDigest;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.Text;
import org.alliancechain.cli.client.TransactionFactory;
import org.alliancechain.cli.client.TxGetCommand;
import org.alliancechain.cli.keys.KeyFiles;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.node.receipt.ReceiptVerification;
import org.alliancechain.node.receipt.ReceiptVerifier;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.GetTransactionResponse;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;

/**
 * What devnet shows once the validators are up: a key-value put and an evidence anchor signed
 * by the genesis client, their commits, and the anchor's receipt saved and verified offline.
 */
final class SampleTransactions {
  private static final int WAIT_MS = 30_000;
  private static final int RECEIPT_WAIT_SECONDS = 30;

  private final NetworkDirectory network;
  private final NodeClient client;

  SampleTransactions(NetworkDirectory network, NodeClient client) {
    this.network = network;
    this.client = client;
  }

  void run() throws CliException, InterruptedException {
    long height = client.query("GetStatus",
        stub -> stub.getStatus(GetStatusRequest.getDefaultInstance())).getHeight();
    TransactionFactory factory = new TransactionFactory(network.genesis().chainId(),
        network.genesis().suite().hash(), KeyFiles.loadPrivate(network.clientKeyFile(), "client"));
    long expiry = height + Math.min(100, network.genesis().consensus().transactionLifetimeBlocks());

    System.out.println("Sample transactions, signed by " + network.clientKeyFile() + ":");
    String value = "hello from devnet at " + Instant.now();
    byte[] put = factory.put("default", ByteString.copyFromUtf8("greeting"),
        ByteString.copyFromUtf8(value), expiry);
    commit(factory, put, "put default/greeting = \"" + value + "\"");

    Path document = sampleDocument();
    byte[] digest = DocumentDigest.of(document, "sha-256");
    byte[] anchor = factory.anchor(digest, "sha-256",
        Map.of("file", document.getFileName().toString(), "title", "devnet sample"), expiry);
    ByteString anchorId = commit(factory, anchor, "anchor sha-256 " + Text.shortHex(
        ByteString.copyFrom(digest)) + " of " + document);

    GetTransactionResponse receipt = TxGetCommand.fetchComplete(client, anchorId,
        RECEIPT_WAIT_SECONDS);
    if (!receipt.getReceiptComplete()) {
      System.out.println("  the anchor's receipt is not complete yet; fetch it later with"
          + " `alliance tx get " + Text.hex(anchorId) + " --out anchor.receipt`");
      return;
    }
    Path saved = network.directory().resolve("receipts").resolve(Text.hex(anchorId) + ".receipt");
    BinaryFiles.write(saved, receipt.getReceipt().toByteArray(), "receipt");
    ReceiptVerification verification = new ReceiptVerifier(network.genesis())
        .verify(receipt.getReceipt());
    System.out.println("  receipt saved to " + saved);
    System.out.println("  verified offline against genesis.json: " + (verification.isValid()
        ? "VALID, certified at height " + verification.receipt().certifiedHeight() + " by "
            + verification.receipt().signers().size() + " validators"
        : "INVALID (" + verification.failedCheck() + "): " + verification.reason()));
  }

  private ByteString commit(TransactionFactory factory, byte[] transaction, String what)
      throws CliException {
    SubmitRequest request = SubmitRequest.newBuilder().setTransaction(ByteString.copyFrom(transaction))
        .setWaitForCommit(true).setWaitTimeoutMs(WAIT_MS).build();
    SubmitResponse response = client.transact("Submit", stub -> stub.submit(request),
        WAIT_MS / 1000);
    ByteString id = factory.id(transaction);
    System.out.printf("  %-60s tx %s  height %d, %s%n", what, Text.shortHex(id),
        response.getHeight(), response.getResult().getStatus().name()
            .replace("TRANSACTION_STATUS_", "").toLowerCase(java.util.Locale.ROOT));
    return id;
  }

  private Path sampleDocument() throws CliException {
    Path document = network.directory().resolve("sample-document.txt");
    try {
      Files.writeString(document, "A document anchored by alliance devnet at " + Instant.now()
          + ".\nIts SHA-256 digest is on the chain; the text itself never leaves this machine.\n",
          StandardCharsets.UTF_8);
      return document;
    } catch (IOException e) {
      throw CliException.badInput("cannot write " + document + ": " + e, null);
    }
  }
}
