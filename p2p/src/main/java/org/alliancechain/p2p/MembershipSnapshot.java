package org.alliancechain.p2p;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * The membership at one instant: each organization's CA certificate by organization id, and
 * each member node by node id. Immutable, so one handshake sees one consistent view.
 */
public record MembershipSnapshot(
    Map<String, X509Certificate> organizationCas, Map<String, Member> members) {
  public MembershipSnapshot {
    organizationCas = Map.copyOf(organizationCas);
    members = Map.copyOf(members);
    for (Map.Entry<String, Member> entry : members.entrySet()) {
      if (!entry.getKey().equals(entry.getValue().nodeId())) {
        throw new IllegalArgumentException(
            "membership key " + entry.getKey() + " names member " + entry.getValue().nodeId());
      }
    }
  }

  public Optional<Member> member(String nodeId) {
    return Optional.ofNullable(members.get(nodeId));
  }
}
