package org.alliancechain.p2p;

/** A peer this node dials: its node id (as in its certificate) and its p2p endpoint. */
public record PeerAddress(String nodeId, String host, int port) {
  public PeerAddress {
    if (nodeId == null || nodeId.isBlank()) {
      throw new IllegalArgumentException("a peer needs a node id");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("peer " + nodeId + " needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "peer " + nodeId + " port must be 1..65535, got " + port);
    }
  }

  /** {@code host:port}, an IPv6 literal in brackets ({@code [::1]:7000}). */
  public String hostPort() {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host)
        + ":" + port;
  }

  @Override
  public String toString() {
    return nodeId + "@" + host + ":" + port;
  }
}
