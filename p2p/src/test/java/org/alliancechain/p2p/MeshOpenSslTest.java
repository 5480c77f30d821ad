package org.alliancechain.p2p;

/** {@link MeshTest} on BoringSSL (netty-tcnative) instead of the JDK's TLS. */
class MeshOpenSslTest extends MeshTest {
  @Override
  TlsProvider provider() {
    return TlsProvider.OPENSSL;
  }
}
