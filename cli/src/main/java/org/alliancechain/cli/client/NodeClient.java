package org.alliancechain.cli.client;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.proto.v1.AdminServiceGrpc;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.TransactionServiceGrpc;

/**
 * Blocking calls to one node with a deadline each, failures explained by {@link ErrorAdvisor}.
 * Channels open lazily: a command that needs only the public API never dials the admin port.
 */
public final class NodeClient implements AutoCloseable {
  private final Endpoint publicEndpoint;
  private final Endpoint adminEndpoint;
  private final long timeoutSeconds;
  private ManagedChannel publicChannel;
  private ManagedChannel adminChannel;

  /** A call on a blocking stub that may fail with a gRPC status. */
  @FunctionalInterface
  public interface Call<S, T> {
    T on(S stub);
  }

  public NodeClient(ApiOptions options) throws CliException {
    this(options.publicApi(), options.adminApi(), options.timeoutSeconds());
  }

  public NodeClient(Endpoint publicEndpoint, Endpoint adminEndpoint, long timeoutSeconds) {
    this.publicEndpoint = publicEndpoint;
    this.adminEndpoint = adminEndpoint;
    this.timeoutSeconds = timeoutSeconds;
  }

  public Endpoint publicEndpoint() {
    return publicEndpoint;
  }

  public <T> T query(String method, Call<QueryServiceGrpc.QueryServiceBlockingStub, T> call)
      throws CliException {
    QueryServiceGrpc.QueryServiceBlockingStub stub = QueryServiceGrpc.newBlockingStub(publicChannel())
        .withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS);
    return run(call, stub, publicEndpoint, "QueryService/" + method, ExitCode.FAILED);
  }

  /** A submission; a refusal exits with {@link ExitCode#REJECTED}. */
  public <T> T transact(String method,
      Call<TransactionServiceGrpc.TransactionServiceBlockingStub, T> call, long extraSeconds)
      throws CliException {
    TransactionServiceGrpc.TransactionServiceBlockingStub stub =
        TransactionServiceGrpc.newBlockingStub(publicChannel())
            .withDeadlineAfter(timeoutSeconds + extraSeconds, TimeUnit.SECONDS);
    return run(call, stub, publicEndpoint, "TransactionService/" + method, ExitCode.REJECTED);
  }

  public <T> T admin(String method, Call<AdminServiceGrpc.AdminServiceBlockingStub, T> call)
      throws CliException {
    AdminServiceGrpc.AdminServiceBlockingStub stub = AdminServiceGrpc.newBlockingStub(adminChannel())
        .withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS);
    return run(call, stub, adminEndpoint, "AdminService/" + method, ExitCode.FAILED);
  }

  private static <S, T> T run(Call<S, T> call, S stub, Endpoint endpoint, String method,
      int rejectedExitCode) throws CliException {
    try {
      return call.on(stub);
    } catch (StatusRuntimeException e) {
      throw ErrorAdvisor.explain(e, endpoint, method, rejectedExitCode);
    }
  }

  public synchronized ManagedChannel publicChannel() throws CliException {
    if (publicChannel == null) {
      publicChannel = publicEndpoint.open();
    }
    return publicChannel;
  }

  private synchronized ManagedChannel adminChannel() throws CliException {
    if (adminChannel == null) {
      adminChannel = adminEndpoint.open();
    }
    return adminChannel;
  }

  @Override
  public synchronized void close() {
    if (publicChannel != null) {
      Endpoint.close(publicChannel);
    }
    if (adminChannel != null) {
      Endpoint.close(adminChannel);
    }
  }
}
