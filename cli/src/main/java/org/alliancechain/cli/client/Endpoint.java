package org.alliancechain.cli.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.alliancechain.cli.CliException;
import org.alliancechain.config.HostPort;

/**
 * A gRPC address the CLI talks to, and how: plaintext, or TLS trusting CA certificates.
 *
 * @param tlsCa the CAs trusted for TLS; plaintext when empty
 * @param role what the address is for, in messages ("public API", "admin API")
 */
public record Endpoint(HostPort address, Optional<TrustedCas> tlsCa, String role) {
  /** Blocks, receipts and block streams can be large; the server bounds what it sends. */
  static final int INBOUND_MESSAGE_BYTES_MAX = 256 * 1024 * 1024;

  /** Opens a channel; the connection itself is made lazily by the first call. */
  public ManagedChannel open() throws CliException {
    return Grpc.newChannelBuilderForAddress(address.bindHost(), address.port(), credentials())
        .maxInboundMessageSize(INBOUND_MESSAGE_BYTES_MAX)
        .userAgent("alliance-cli")
        .build();
  }

  private ChannelCredentials credentials() throws CliException {
    if (tlsCa.isEmpty()) {
      return InsecureChannelCredentials.create();
    }
    TrustedCas cas = tlsCa.get();
    try {
      return TlsChannelCredentials.newBuilder()
          .trustManager(new ByteArrayInputStream(cas.pem())).build();
    } catch (IOException | RuntimeException e) {
      throw CliException.badInput(cas.source() + " is not a PEM CA certificate: "
          + e.getMessage(), "pass --tls-ca with a PEM X.509 certificate");
    }
  }

  /** Closes a channel without waiting long: the CLI is about to exit. */
  public static void close(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return role + " at " + address + (tlsCa.isPresent() ? " (TLS)" : "");
  }
}
