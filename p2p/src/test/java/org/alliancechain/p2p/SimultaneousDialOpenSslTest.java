package org.alliancechain.p2p;

/** {@link SimultaneousDialTest} on BoringSSL (netty-tcnative) instead of the JDK's TLS. */
class SimultaneousDialOpenSslTest extends SimultaneousDialTest {
  @Override
  TlsProvider provider() {
    return TlsProvider.OPENSSL;
  }
}
