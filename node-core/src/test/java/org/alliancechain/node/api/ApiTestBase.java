package org.alliancechain.node.api;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.proto.v1.AdminServiceGrpc;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.TransactionServiceGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ApiServer on 127.0.0.1 over a {@link TestChain}, with real plaintext channels to its
 * public and admin ports. Subclasses adjust the settings, mempool limits or state retention.
 */
abstract class ApiTestBase {
  @TempDir
  Path directory;
  TestChain chain;
  TestNode node;
  ApiServer server;
  ManagedChannel channel;
  ManagedChannel adminChannel;
  TransactionServiceGrpc.TransactionServiceBlockingStub transactions;
  QueryServiceGrpc.QueryServiceBlockingStub queries;
  AdminServiceGrpc.AdminServiceBlockingStub admin;

  ApiSettings settings() {
    return ApiSettings.forTests().withTiming(2_000, 50);
  }

  MempoolLimits mempoolLimits() {
    return MempoolLimits.defaults();
  }

  int retainedStateVersions() {
    return 100;
  }

  @BeforeEach
  void startServer() throws Exception {
    chain = TestChain.open(TestGenesis.create(4, 2), directory, mempoolLimits(),
        retainedStateVersions());
    node = chain.node();
    server = new ApiServer(node, settings()).start();
    channel = plaintext(server.publicAddress());
    adminChannel = plaintext(server.adminAddress());
    transactions = TransactionServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
    queries = QueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    admin = AdminServiceGrpc.newBlockingStub(adminChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopServer() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    adminChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    chain.close();
  }

  static ManagedChannel plaintext(InetSocketAddress address) {
    return Grpc.newChannelBuilderForAddress(address.getHostString(), address.getPort(),
        InsecureChannelCredentials.create()).build();
  }

  /** Waits for {@code condition}, which other threads make true, failing after 10 s. */
  static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
