package org.alliancechain.storage;

import java.nio.charset.StandardCharsets;

/** The column families; key and value layouts are documented in storage.proto. */
enum Column {
  METADATA("metadata"),
  BLOCKS("blocks"),
  BLOCK_INDEX("block_index"),
  TX_INDEX("tx_index"),
  STATE("state"),
  STATE_HISTORY("state_history"),
  STATE_TREE("state_tree"),
  STATE_STALE("state_stale"),
  CONSENSUS_LOG("consensus_log");

  private final String familyName;

  Column(String familyName) {
    this.familyName = familyName;
  }

  String familyName() {
    return familyName;
  }

  byte[] familyNameBytes() {
    return familyName.getBytes(StandardCharsets.UTF_8);
  }
}
