package org.alliancechain.p2p;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/** Builds the two TLS 1.3 contexts of a node: one to accept links, one to dial them. */
final class TlsContexts {
  static final String TLS_1_3 = "TLSv1.3";

  private TlsContexts() {}

  /** Requires a client certificate: a client without one fails the TLS handshake. */
  static SslContext server(TlsIdentity identity, TrustManager trust, TlsProvider provider)
      throws SSLException {
    return SslContextBuilder.forServer(identity.privateKey(), identity.certificateChain())
        .sslProvider(nettyProvider(provider))
        .protocols(TLS_1_3)
        .clientAuth(ClientAuth.REQUIRE)
        .trustManager(trust)
        .build();
  }

  /**
   * Host names play no part: the trust manager checks the node id in the certificate, and the
   * handshake checks it is the node dialled.
   */
  static SslContext client(TlsIdentity identity, TrustManager trust, TlsProvider provider)
      throws SSLException {
    return SslContextBuilder.forClient()
        .sslProvider(nettyProvider(provider))
        .protocols(TLS_1_3)
        .keyManager(identity.privateKey(), identity.certificateChain())
        .trustManager(trust)
        .endpointIdentificationAlgorithm(null)
        .build();
  }

  /** The provider {@code requested} resolves to on this machine. */
  static TlsProvider resolve(TlsProvider requested) {
    if (requested == TlsProvider.AUTO) {
      return OpenSsl.isAvailable() ? TlsProvider.OPENSSL : TlsProvider.JDK;
    }
    return requested;
  }

  private static SslProvider nettyProvider(TlsProvider provider) throws SSLException {
    if (resolve(provider) == TlsProvider.JDK) {
      return SslProvider.JDK;
    }
    if (!OpenSsl.isAvailable()) {
      throw new SSLException("TLS provider OPENSSL needs io.netty:netty-tcnative-boringssl-static"
          + " for this platform on the class path; it is not usable: "
          + OpenSsl.unavailabilityCause());
    }
    return SslProvider.OPENSSL;
  }
}
