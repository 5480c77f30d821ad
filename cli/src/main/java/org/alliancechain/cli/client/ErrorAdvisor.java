package org.alliancechain.cli.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;

/**
 * Turns a failed gRPC call into a message that says what happened and what to do: nothing
 * listening, the wrong port (metrics, p2p, admin instead of public), plaintext against TLS or
 * the reverse, a node that does not answer, or the node's own refusal.
 */
public final class ErrorAdvisor {
  private static final String PORTS = "the ports are in the node's node.toml: [api] grpc_listen"
      + " (public API), admin_listen (admin API), metrics_listen (HTTP metrics), [p2p] listen";

  private ErrorAdvisor() {}

  /**
   * @param call the RPC that failed, e.g. "QueryService/GetStatus"
   * @param rejectedExitCode the exit code for a refusal by the node (FAILED or REJECTED)
   */
  public static CliException explain(StatusRuntimeException failure, Endpoint endpoint,
      String call, int rejectedExitCode) {
    Status status = failure.getStatus();
    String where = endpoint.toString();
    return switch (status.getCode()) {
      case UNAVAILABLE, INTERNAL, UNKNOWN -> transport(failure, endpoint, call, rejectedExitCode);
      case DEADLINE_EXCEEDED -> new CliException(ExitCode.UNREACHABLE, "the " + where
          + " did not answer " + call + " in time", "the node may be overloaded, paused or"
          + " stopping; check `alliance status` and its log, or raise --timeout", failure);
      case UNIMPLEMENTED -> new CliException(ExitCode.UNREACHABLE, "the server at "
          + endpoint.address() + " does not offer " + call + ": it is not the " + endpoint.role()
          + " of an AllianceChain node", wrongServiceFix(endpoint), failure);
      default -> new CliException(rejectedExitCode, "the node refused " + call + ": "
          + status.getCode() + (status.getDescription() == null ? ""
          : ": " + status.getDescription()), null, failure);
    };
  }

  private static String wrongServiceFix(Endpoint endpoint) {
    return endpoint.role().startsWith("admin")
        ? "pass --admin with the node's [api] admin_listen address (it listens on loopback only)"
        : "pass --node with the node's [api] grpc_listen address, not the admin port";
  }

  private static CliException transport(StatusRuntimeException failure, Endpoint endpoint,
      String call, int rejectedExitCode) {
    Status status = failure.getStatus();
    Throwable cause = rootCause(failure);
    String address = endpoint.address().toString();
    if (cause instanceof ConnectException) {
      return unreachable("nothing listens on " + address + " (connection refused)",
          "start the node (`alliance node start --config node.toml`, or `alliance devnet`),"
              + " or pass the right address; " + PORTS, failure);
    }
    if (cause instanceof UnknownHostException) {
      return unreachable("the host of " + address + " is unknown", "check the host name", failure);
    }
    SSLException tlsFailure = causeOfType(failure, SSLException.class);
    if (tlsFailure != null && endpoint.tlsCa().isPresent()) {
      PortProbe.Kind kind = PortProbe.probe(endpoint.address().bindHost(), endpoint.address().port());
      if (kind == PortProbe.Kind.HTTP2) {
        return unreachable("TLS mismatch: " + address + " serves gRPC without TLS",
            "drop --tls-ca (with --config: the running node has [api] tls = false; restart it"
                + " after changing node.toml)", failure);
      }
      return unreachable("the TLS handshake with " + address + " failed: " + cause.getMessage()
          + " (" + tlsFailure.getMessage() + ")",
          "check that " + endpoint.tlsCa().get().source() + " holds the CA that issued the"
              + " node's API certificate", failure);
    }
    if (status.getCode() == Status.Code.UNAVAILABLE || looksLikeWrongProtocol(failure)) {
      CliException probed = probed(endpoint, call, failure);
      if (probed != null) {
        return probed;
      }
    }
    if (status.getCode() == Status.Code.UNAVAILABLE) {
      return unreachable("the " + endpoint + " is unavailable: " + status.getDescription(),
          "check that the node runs (`alliance status`) and read its log", failure);
    }
    return new CliException(rejectedExitCode, call + " failed on the " + endpoint + ": "
        + status.getCode() + ": " + status.getDescription(), "see the node's log", failure);
  }

  private static boolean looksLikeWrongProtocol(StatusRuntimeException failure) {
    String text = String.valueOf(failure.getStatus().getDescription()) + rootCause(failure);
    return text.contains("Http2Exception") || text.contains("First received frame")
        || text.contains("HTTP status code") || text.contains("content-type");
  }

  /** Asks the port itself what it is; null when that tells nothing new. */
  private static CliException probed(Endpoint endpoint, String call,
      StatusRuntimeException failure) {
    String address = endpoint.address().toString();
    PortProbe.Kind kind = PortProbe.probe(endpoint.address().bindHost(), endpoint.address().port());
    return switch (kind) {
      case HTTP -> unreachable(address + " serves plain HTTP, not gRPC: probably the node's"
          + " metrics port", PORTS, failure);
      case TLS -> endpoint.tlsCa().isPresent() ? null : unreachable(address + " expects TLS: it"
          + " is the node's p2p port, or an API configured with TLS", "use the [api]"
          + " grpc_listen address, or pass --tls-ca with the CA certificate of the node's API",
          failure);
      case REFUSED -> unreachable("nothing listens on " + address + " (connection refused)",
          "start the node, or pass the right address; " + PORTS, failure);
      case SILENT -> unreachable(address + " accepts connections but does not answer " + call,
          "the node may be paused or overloaded; check its process and log", failure);
      default -> null;
    };
  }

  private static CliException unreachable(String message, String fix, Throwable cause) {
    return new CliException(ExitCode.UNREACHABLE, message, fix, cause);
  }

  /** The first cause of {@code type} in the chain (a handshake failure wraps the reason). */
  static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
