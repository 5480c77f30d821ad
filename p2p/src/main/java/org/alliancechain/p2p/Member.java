package org.alliancechain.p2p;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A node of the current membership: its organization, its role and, optionally, the exact TLS
 * certificate pinned for it (accepted even if no organization CA issued it).
 */
public record Member(
    String nodeId, String organizationId, MemberRole role, Optional<X509Certificate> pinned) {
  public Member {
    if (nodeId == null || nodeId.isBlank()) {
      throw new IllegalArgumentException("a member needs a node id");
    }
    if (organizationId == null || organizationId.isBlank()) {
      throw new IllegalArgumentException("member " + nodeId + " needs an organization id");
    }
    if (role == null) {
      throw new IllegalArgumentException("member " + nodeId + " needs a role");
    }
    if (pinned == null) {
      throw new IllegalArgumentException("member " + nodeId + ": use Optional.empty(), not null");
    }
  }

  /** A member whose certificate must chain to its organization's CA. */
  public static Member of(String nodeId, String organizationId, MemberRole role) {
    return new Member(nodeId, organizationId, role, Optional.empty());
  }
}
