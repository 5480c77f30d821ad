package org.alliancechain.p2p;

/** The roles that may hold a p2p link. */
public enum MemberRole {
  /** Votes in consensus. */
  VALIDATOR,
  /** Follows and verifies the chain without voting (an auditor or regulator). */
  OBSERVER
}
