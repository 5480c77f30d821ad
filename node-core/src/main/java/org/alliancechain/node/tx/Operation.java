package org.alliancechain.node.tx;

import com.google.protobuf.ByteString;
import java.util.List;
import org.alliancechain.crypto.PublicKey;

/** The one thing a transaction does, decoded and checked for shape (not for permission). */
public sealed interface Operation {

  /** Sets {@code key} in {@code namespace}. */
  record KvPut(String namespace, ByteString key, ByteString value) implements Operation {}

  /** Removes {@code key} from {@code namespace}. */
  record KvDelete(String namespace, ByteString key) implements Operation {}

  /** Anchors a document digest with ordered metadata. */
  record AnchorEvidence(ByteString documentDigest, String digestAlgorithm,
      List<Metadata> metadata) implements Operation {
    public AnchorEvidence {
      metadata = List.copyOf(metadata);
    }
  }

  /** One metadata entry of an evidence anchor. */
  record Metadata(String key, String value) {}

  /** Governance: admits {@code client} for {@code organization}. */
  record RegisterClient(PublicKey client, String organization, String label) implements Operation {}

  /** Governance: revokes {@code client}. */
  record RevokeClient(PublicKey client, String reason) implements Operation {}

  /** Governance: creates a namespace or replaces its writers (empty = every admitted identity). */
  record SetNamespaceWriters(String namespace, List<PublicKey> writers) implements Operation {
    public SetNamespaceWriters {
      writers = List.copyOf(writers);
    }
  }

  /** Whether only an organization admin may send this operation. */
  default boolean isGovernance() {
    return this instanceof RegisterClient || this instanceof RevokeClient
        || this instanceof SetNamespaceWriters;
  }
}
