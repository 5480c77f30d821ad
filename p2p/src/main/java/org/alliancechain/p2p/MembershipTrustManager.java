package org.alliancechain.p2p;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides during the TLS handshake whether the peer's certificate belongs to a current member
 * (see {@link CertificateCheck}), reading the membership afresh for every handshake. Throwing
 * fails the handshake, so a refused peer never gets an application byte read. Being an {@link
 * X509ExtendedTrustManager}, it replaces the JDK's host-name check: identity here is the node id
 * in the certificate, not a DNS name.
 */
final class MembershipTrustManager extends X509ExtendedTrustManager {
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];
  private final Membership membership;
  private final Clock clock;

  MembershipTrustManager(Membership membership, Clock clock) {
    this.membership = membership;
    this.clock = clock;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    CertificateCheck.check(chain, membership.current(), clock.instant());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  /**
   * None: advertising the CAs would let a client whose pinned certificate no CA issued decide
   * not to send it; every client sends its one certificate and this check decides.
   */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }
}
