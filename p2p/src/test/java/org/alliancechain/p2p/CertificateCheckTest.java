package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The membership check alone, on real certificates, at chosen instants. */
class CertificateCheckTest {
  private static final TestPki.Organization ORG_A = TestPki.organization("org-a");
  private static final TestPki.Organization ORG_B = TestPki.organization("org-b");
  private static final TlsIdentity VALIDATOR = ORG_A.node("validator-1");
  private static final TlsIdentity OBSERVER = ORG_B.node("observer-1");
  private final Instant now = Instant.now();

  private static MembershipSnapshot membership(Member... members) {
    Map<String, Member> byId = new java.util.HashMap<>();
    for (Member member : members) {
      byId.put(member.nodeId(), member);
    }
    return new MembershipSnapshot(Map.of("org-a", ORG_A.ca(), "org-b", ORG_B.ca()), byId);
  }

  private static final MembershipSnapshot MEMBERS = membership(
      Member.of("validator-1", "org-a", MemberRole.VALIDATOR),
      Member.of("observer-1", "org-b", MemberRole.OBSERVER));

  private static X509Certificate[] chain(TlsIdentity identity) {
    return identity.certificateChain().toArray(X509Certificate[]::new);
  }

  private void assertRefused(X509Certificate[] chain, MembershipSnapshot members, Instant at,
      HandshakeFailure reason, String messagePart) {
    assertThatThrownBy(() -> CertificateCheck.check(chain, members, at))
        .isInstanceOfSatisfying(PeerRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }

  @Test
  void validatorsAndObserversOfTheirOwnOrganizationPass() throws Exception {
    CertificateCheck.Verified validator = CertificateCheck.check(chain(VALIDATOR), MEMBERS, now);
    assertThat(validator.nodeId()).isEqualTo("validator-1");
    assertThat(validator.member().role()).isEqualTo(MemberRole.VALIDATOR);
    assertThat(CertificateCheck.check(chain(OBSERVER), MEMBERS, now).member().organizationId())
        .isEqualTo("org-b");
  }

  @Test
  void theSameCertificateFailsOutsideItsValidityPeriod() {
    X509Certificate certificate = VALIDATOR.certificate();
    Instant after = certificate.getNotAfter().toInstant().plusSeconds(1);
    Instant before = certificate.getNotBefore().toInstant().minusSeconds(1);
    assertRefused(chain(VALIDATOR), MEMBERS, after, HandshakeFailure.EXPIRED, "expired at");
    assertRefused(chain(VALIDATOR), MEMBERS, before, HandshakeFailure.NOT_YET_VALID,
        "valid only from");
  }

  @Test
  void noCertificateIsRefused() {
    assertRefused(new X509Certificate[0], MEMBERS, now, HandshakeFailure.NO_CERTIFICATE,
        "no certificate");
    assertRefused(null, MEMBERS, now, HandshakeFailure.NO_CERTIFICATE, "no certificate");
  }

  @Test
  void aStrangersCaIsUnknownEvenWithAMembersNodeId() {
    TlsIdentity impostor = TestPki.organization("org-x").node("validator-1");
    assertRefused(chain(impostor), MEMBERS, now, HandshakeFailure.UNKNOWN_CA,
        "not the CA of any member organization");
  }

  @Test
  void aLookAlikeCaWithAMemberOrganizationsNameIsUnknown() {
    TlsIdentity impostor = TestPki.organization("org-a").node("validator-1");
    assertRefused(chain(impostor), MEMBERS, now, HandshakeFailure.UNKNOWN_CA, "same name");
  }

  @Test
  void aWellIssuedCertificateOfANonMemberIsRefused() {
    assertRefused(chain(ORG_A.node("validator-9")), MEMBERS, now, HandshakeFailure.NOT_A_MEMBER,
        "not a validator or observer");
  }

  @Test
  void aMemberCertifiedByAnotherOrganizationIsRefused() {
    assertRefused(chain(ORG_B.node("validator-1")), MEMBERS, now,
        HandshakeFailure.WRONG_ORGANIZATION, "belongs to organization org-a");
  }

  @Test
  void anOrganizationsCaCertificateCannotPoseAsANode() throws Exception {
    X509Certificate ca = ORG_A.ca();
    String caNodeId = org.alliancechain.crypto.Certificates.nodeIdOf(ca);
    MembershipSnapshot members = membership(Member.of(caNodeId, "org-a", MemberRole.VALIDATOR));
    assertRefused(new X509Certificate[] {ca}, members, now, HandshakeFailure.BAD_CERTIFICATE,
        "CA certificate");
  }

  @Test
  void aPinnedCertificatePassesWithoutAMemberCaAndOnlyThatCertificate() throws Exception {
    TlsIdentity pinned = TestPki.organization("org-self").node("validator-2");
    MembershipSnapshot members = membership(new Member("validator-2", "org-a",
        MemberRole.VALIDATOR, Optional.of(pinned.certificate())));
    assertThat(CertificateCheck.check(chain(pinned), members, now).nodeId())
        .isEqualTo("validator-2");
    TlsIdentity other = TestPki.organization("org-self").node("validator-2");
    assertRefused(chain(other), members, now, HandshakeFailure.UNKNOWN_CA, "validator-2");
    Instant expired = pinned.certificate().getNotAfter().toInstant().plus(Duration.ofSeconds(1));
    assertRefused(chain(pinned), members, expired, HandshakeFailure.EXPIRED, "expired");
  }

  @Test
  void onlyThePeersOwnCertificateCountsNotCasItSendsAlong() {
    TestPki.Organization stranger = TestPki.organization("org-x");
    X509Certificate[] chain = {stranger.node("validator-1").certificate(), stranger.ca(),
        ORG_A.ca()};
    assertRefused(chain, MEMBERS, now, HandshakeFailure.UNKNOWN_CA, "org-x");
  }

  @Test
  void removingAMemberRevokesItsNextCheck() throws Exception {
    CertificateCheck.check(chain(VALIDATOR), MEMBERS, now);
    MembershipSnapshot without = membership(Member.of("observer-1", "org-b", MemberRole.OBSERVER));
    assertRefused(chain(VALIDATOR), without, now, HandshakeFailure.NOT_A_MEMBER, "validator-1");
  }
}
