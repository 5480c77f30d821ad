package org.alliancechain.p2p;

/** {@link RefusalTest} on BoringSSL (netty-tcnative) instead of the JDK's TLS. */
class RefusalOpenSslTest extends RefusalTest {
  @Override
  TlsProvider provider() {
    return TlsProvider.OPENSSL;
  }
}
