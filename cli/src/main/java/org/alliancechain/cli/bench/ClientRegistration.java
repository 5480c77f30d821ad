package org.alliancechain.cli.bench;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.TransactionFactory;
import org.alliancechain.cli.keys.KeyFiles;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.proto.v1.GetTransactionRequest;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitBatchResponse;
import org.alliancechain.proto.v1.SubmitOutcome;
import org.alliancechain.proto.v1.TransactionStatus;

/**
 * Fresh client keys for a bench run, admitted by governance: each organization's admin (from
 * the network directory) registers its share of them, and the run starts once all are committed.
 */
final class ClientRegistration {
  private static final long COMMIT_WAIT_MS = 60_000;
  private static final long POLL_MS = 200;

  private ClientRegistration() {}

  static List<SigningKey> register(NetworkDirectory network, NodeClient client, int count,
      long expiryHeight) throws CliException, InterruptedException {
    List<NetworkDirectory.AdminKey> admins = network.adminKeys();
    if (admins.isEmpty()) {
      throw CliException.badInput("no organization admin key in " + network.directory()
          + "/organizations", "pass the directory network init (or devnet) wrote; the bench"
          + " registers its clients with the admins' keys");
    }
    SecureRandom random = new SecureRandom();
    List<SigningKey> clients = new ArrayList<>();
    List<byte[]> registrations = new ArrayList<>();
    List<ByteString> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NetworkDirectory.AdminKey admin = admins.get(i % admins.size());
      TransactionFactory factory = new TransactionFactory(network.genesis().chainId(),
          network.genesis().suite().hash(), KeyFiles.loadPrivate(admin.file(), "admin"));
      SigningKey key = SigningKey.generate(network.genesis().suite().defaultScheme(), random);
      byte[] registration = factory.registerClient(key.publicKey(), admin.organization(),
          "bench client " + i, expiryHeight);
      clients.add(key);
      registrations.add(registration);
      ids.add(factory.id(registration));
    }
    SubmitBatchRequest.Builder request = SubmitBatchRequest.newBuilder();
    registrations.forEach(bytes -> request.addTransactions(ByteString.copyFrom(bytes)));
    SubmitBatchResponse response = client.transact("SubmitBatch",
        stub -> stub.submitBatch(request.build()), 0);
    for (SubmitOutcome outcome : response.getOutcomesList()) {
      if (!outcome.getAccepted()) {
        throw new CliException(ExitCode.REJECTED, "registering a bench client was refused: "
            + outcome.getCode() + ": " + outcome.getMessage(), null);
      }
    }
    awaitCommitted(client, ids);
    return clients;
  }

  private static void awaitCommitted(NodeClient client, List<ByteString> ids)
      throws CliException, InterruptedException {
    long deadline = System.nanoTime() + COMMIT_WAIT_MS * 1_000_000L;
    for (ByteString id : ids) {
      while (true) {
        try {
          var response = client.query("GetTransaction", stub -> stub.getTransaction(
              GetTransactionRequest.newBuilder().setTransactionId(id).build()));
          if (response.getResult().getStatus() != TransactionStatus.TRANSACTION_STATUS_SUCCESS) {
            throw new CliException(ExitCode.REJECTED, "registering a bench client failed: "
                + response.getResult().getStatus() + " " + response.getResult().getMessage(),
                null);
          }
          break;
        } catch (CliException e) {
          if (!(e.getCause() instanceof StatusRuntimeException status)
              || status.getStatus().getCode() != io.grpc.Status.Code.NOT_FOUND) {
            throw e;
          }
        }
        if (System.nanoTime() > deadline) {
          throw CliException.failed("the bench clients' registrations were not committed within "
              + COMMIT_WAIT_MS / 1000 + " s");
        }
        Thread.sleep(POLL_MS);
      }
    }
  }
}
