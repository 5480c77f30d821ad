package org.alliancechain.node.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.RestoredState;
import org.alliancechain.consensus.codec.BlockCodec;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommittedBlock;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;

/** Loads what the replica needs at start: the committed tip with its certificate, and its log. */
final class ReplicaRestore {
  private ReplicaRestore() {}

  static RestoredState load(Storage storage, ChainSetup chain) throws NodeStartException {
    try {
      CommittedBlock tip = null;
      Optional<ChainTip> stored = storage.blocks().tip();
      if (stored.isPresent() && stored.get().height() > 0) {
        long height = stored.get().height();
        ChainBlock block = BlockCodec.decode(storage.blocks().block(height).orElseThrow(),
            chain.rules().hash(), chain.rules().chainId());
        tip = new CommittedBlock(block,
            CertificateCodec.decode(storage.blocks().certificate(height).orElseThrow()));
      }
      List<LogEntry> log = new ArrayList<>();
      for (org.alliancechain.storage.LogEntry entry : storage.consensusLog().loadAll()) {
        log.add(new LogEntry(entry.key(), entry.value()));
      }
      return new RestoredState(tip, log);
    } catch (StorageException | DecodeException e) {
      throw new NodeStartException("cannot restore consensus state from storage: "
          + e.getMessage() + "; restore the data directory from a backup or resync", e);
    }
  }
}
