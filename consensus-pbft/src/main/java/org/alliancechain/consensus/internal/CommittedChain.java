package org.alliancechain.consensus.internal;

import java.util.List;
import java.util.TreeMap;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * What is final: the committed tip with its certificate, the hashes of recent committed heights,
 * and the last stable checkpoint (which may be above the tip while block sync catches up).
 */
final class CommittedChain {
  private final int recentMax;
  private final TreeMap<Long, Hash> recent = new TreeMap<>();
  /** The view of the commit certificate of each recent height (absent for genesis). */
  private final TreeMap<Long, Long> recentViews = new TreeMap<>();
  private long height;
  private Hash tipHash;
  private CommitCertificate tipCertificate;
  private long stableHeight;
  private Hash stableHash;
  private Hash stableRoot;
  private List<SignedMessage> stableProof = List.of();

  CommittedChain(Hash genesisHash, int recentMax) {
    this.recentMax = recentMax;
    this.tipHash = genesisHash;
    this.stableHash = genesisHash;
    recent.put(0L, genesisHash);
  }

  /** The committed height c: every height up to it was delivered. */
  long height() {
    return height;
  }

  Hash tipHash() {
    return tipHash;
  }

  /** The certificate of the tip, or null at genesis. */
  CommitCertificate tipCertificate() {
    return tipCertificate;
  }

  /** The final block hash at {@code at} if known: committed here, or the stable checkpoint. */
  Hash hashAt(long at) {
    if (at == stableHeight) {
      return stableHash;
    }
    return recent.get(at);
  }

  void append(ChainBlock block, CommitCertificate certificate) {
    height = block.height();
    tipHash = block.hash();
    tipCertificate = certificate;
    recent.put(height, tipHash);
    recentViews.put(height, certificate.view());
    while (recent.size() > recentMax) {
      recent.pollFirstEntry();
    }
    while (recentViews.size() > recentMax) {
      recentViews.pollFirstEntry();
    }
  }

  /** The view of the certificate this replica committed {@code at} with, or −1 if unknown. */
  long commitViewAt(long at) {
    Long view = recentViews.get(at);
    return view == null ? -1 : view;
  }

  /** Restores the tip loaded from block storage. */
  void restoreTip(ChainBlock block, CommitCertificate certificate) {
    append(block, certificate);
  }

  long stableHeight() {
    return stableHeight;
  }

  Hash stableHash() {
    return stableHash;
  }

  Hash stableRoot() {
    return stableRoot;
  }

  List<SignedMessage> stableProof() {
    return stableProof;
  }

  void setStable(long at, Hash hash, Hash root, List<SignedMessage> proof) {
    stableHeight = at;
    stableHash = hash;
    stableRoot = root;
    stableProof = List.copyOf(proof);
  }

  /** The lowest height whose messages still matter: everything at or below is final. */
  long lowWatermark() {
    return Math.max(height, stableHeight);
  }

  int recentSize() {
    return recent.size();
  }
}
