package org.alliancechain.p2p;

/**
 * The TLS 1.3 implementation behind the links (ADR 0041 has the measurement). Both speak the
 * same TLS 1.3 with the same cipher suites and run the same membership check, so nodes using
 * different providers interoperate; only the CPU cost differs.
 */
public enum TlsProvider {
  /** BoringSSL if netty-tcnative loads on this platform, else the JDK's (logged at start). */
  AUTO,
  /** The JDK's SSLEngine: no native code. */
  JDK,
  /** BoringSSL through netty-tcnative; start fails if it does not load on this platform. */
  OPENSSL
}
