package org.alliancechain.p2p;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoException;

/**
 * Whether a peer's certificate belongs to a current validator or observer. Pure: the same
 * certificate, membership and instant always give the same answer. Checks in an order that
 * names the most useful reason: presence, validity period, node id, pinned certificate, issuing
 * member CA, membership, organization, then the node-certificate profile. Only the peer's leaf
 * certificate counts; CA certificates a peer sends along are never trusted.
 */
final class CertificateCheck {
  /** A certificate that passed: whom it names and the member entry it matched. */
  record Verified(String nodeId, Member member, X509Certificate certificate) {}

  private CertificateCheck() {}

  static Verified check(X509Certificate[] chain, MembershipSnapshot membership, Instant now)
      throws PeerRejectedException {
    if (chain == null || chain.length == 0 || chain[0] == null) {
      throw new PeerRejectedException(HandshakeFailure.NO_CERTIFICATE,
          "the peer presented no certificate");
    }
    X509Certificate leaf = chain[0];
    requireValidAt(leaf, now);
    String nodeId = nodeIdOf(leaf);
    Optional<Member> member = membership.member(nodeId);
    if (member.isPresent() && member.get().pinned().filter(leaf::equals).isPresent()) {
      return new Verified(nodeId, member.get(), leaf);
    }
    Map.Entry<String, X509Certificate> issuer = issuingCa(leaf, nodeId, membership, now);
    if (member.isEmpty()) {
      throw new PeerRejectedException(HandshakeFailure.NOT_A_MEMBER, "node " + nodeId
          + " (certified by organization " + issuer.getKey()
          + ") is not a validator or observer of the current membership");
    }
    if (!member.get().organizationId().equals(issuer.getKey())) {
      throw new PeerRejectedException(HandshakeFailure.WRONG_ORGANIZATION, "node " + nodeId
          + " belongs to organization " + member.get().organizationId()
          + " but its certificate was issued by the CA of " + issuer.getKey());
    }
    try {
      Certificates.verifyNodeCertificate(leaf, issuer.getValue(), now);
    } catch (CryptoException e) {
      throw new PeerRejectedException(HandshakeFailure.BAD_CERTIFICATE,
          "node " + nodeId + ": " + e.getMessage(), e);
    }
    return new Verified(nodeId, member.get(), leaf);
  }

  private static void requireValidAt(X509Certificate leaf, Instant now)
      throws PeerRejectedException {
    String subject = leaf.getSubjectX500Principal().getName();
    try {
      leaf.checkValidity(Date.from(now));
    } catch (CertificateExpiredException e) {
      throw new PeerRejectedException(HandshakeFailure.EXPIRED, "certificate " + subject
          + " expired at " + leaf.getNotAfter().toInstant() + " (now " + now + ")", e);
    } catch (CertificateNotYetValidException e) {
      throw new PeerRejectedException(HandshakeFailure.NOT_YET_VALID, "certificate " + subject
          + " is valid only from " + leaf.getNotBefore().toInstant() + " (now " + now + ")", e);
    }
  }

  private static String nodeIdOf(X509Certificate leaf) throws PeerRejectedException {
    try {
      return Certificates.nodeIdOf(leaf);
    } catch (CryptoException e) {
      throw new PeerRejectedException(HandshakeFailure.BAD_CERTIFICATE,
          "the peer's certificate names no node: " + e.getMessage(), e);
    }
  }

  /** The member organization whose CA issued {@code leaf}, by issuer name then signature. */
  private static Map.Entry<String, X509Certificate> issuingCa(X509Certificate leaf,
      String nodeId, MembershipSnapshot membership, Instant now) throws PeerRejectedException {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, X509Certificate> ca : membership.organizationCas().entrySet()) {
      if (!ca.getValue().getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        continue;
      }
      try {
        Certificates.verifyIssuedBy(leaf, ca.getValue(), now);
        return ca;
      } catch (CryptoException e) {
        failures.add(ca.getKey() + ": " + e.getMessage());
      }
    }
    throw new PeerRejectedException(HandshakeFailure.UNKNOWN_CA, "the certificate of node "
        + nodeId + " is issued by " + leaf.getIssuerX500Principal().getName()
        + ", which is not the CA of any member organization"
        + (failures.isEmpty() ? "" : " (same name, but " + String.join("; ", failures) + ")"));
  }
}
