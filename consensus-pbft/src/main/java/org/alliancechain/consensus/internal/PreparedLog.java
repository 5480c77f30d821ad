package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.PreparedCertificate;

/**
 * For each height above the committed tip, the prepared certificate of the highest view this
 * replica sent COMMIT for, with its block: what its VIEW-CHANGEs report. Survives restarts
 * through the COMMIT records of the durable log.
 */
final class PreparedLog {
  record Entry(PreparedCertificate certificate, ChainBlock block) {
  }

  private final TreeMap<Long, Entry> byHeight = new TreeMap<>();

  void record(PreparedCertificate certificate, ChainBlock block) {
    Entry existing = byHeight.get(certificate.height());
    if (existing == null || existing.certificate().view() < certificate.view()) {
      byHeight.put(certificate.height(), new Entry(certificate, block));
    }
  }

  /** Entries above {@code height}, in height order. */
  List<Entry> above(long height) {
    return new ArrayList<>(byHeight.tailMap(height, false).values());
  }

  void pruneUpTo(long height) {
    byHeight.headMap(height, true).clear();
  }

  int size() {
    return byHeight.size();
  }
}
