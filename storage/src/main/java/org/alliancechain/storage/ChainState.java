package org.alliancechain.storage;

/**
 * What commits keep in memory between them: the tip, the tip's tree root, and how far pruning
 * has gone. Published after each durable write; read by any thread.
 */
final class ChainState {
  private volatile ChainTip tip;
  private volatile TreeChild root;
  private volatile long prunedThrough;

  private ChainState(ChainTip tip, TreeChild root, long prunedThrough) {
    this.tip = tip;
    this.root = root;
    this.prunedThrough = prunedThrough;
  }

  static ChainState load(KvStore store, ChainTip tip) throws StorageException {
    KvView view = store.live();
    long pruned = Records.decodePruning(view.get(Column.METADATA, Records.PRUNING_KEY));
    TreeChild root = tip == null ? null
        : KvStateStore.loadRoot(view, tip.height(), store.location());
    return new ChainState(tip, root, pruned);
  }

  ChainTip tip() {
    return tip;
  }

  TreeChild root() {
    return root;
  }

  long prunedThrough() {
    return prunedThrough;
  }

  void publish(ChainTip newTip, TreeChild newRoot, long newPrunedThrough) {
    root = newRoot;
    prunedThrough = newPrunedThrough;
    tip = newTip;
  }
}
