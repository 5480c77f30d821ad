package org.alliancechain.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.StorageMetadata;

/**
 * What open checks before serving a directory: that it belongs to this chain and schema, and
 * that its tip is a complete block linked to its parent and to its certificate.
 */
final class OpenCheck {
  private final KvStore store;
  private final KvView view;
  private final StorageOptions options;

  OpenCheck(KvStore store, StorageOptions options) {
    this.store = store;
    this.view = store.live();
    this.options = options;
  }

  /** The directory's metadata, written now if the directory is new. */
  ChainMetadata metadata() throws StorageException {
    byte[] bytes = view.get(Column.METADATA, Records.CHAIN_KEY);
    if (bytes == null) {
      return initialize();
    }
    StorageMetadata stored = Records.decodeMetadata(bytes);
    if (stored.getSchemaVersion() > ChainMetadata.SCHEMA_VERSION) {
      throw new StorageOpenException(StorageOpenException.Reason.NEWER_SCHEMA, "data directory "
          + store.location() + " was written by a newer AllianceChain (storage schema "
          + stored.getSchemaVersion() + "; this build reads up to " + ChainMetadata.SCHEMA_VERSION
          + "). Run the newer release, or restore a backup made by this one.");
    }
    HashAlgorithm algorithm = Records.hashAlgorithm(stored.getHashAlgorithm());
    byte[] genesisHash = stored.getGenesisHash().toByteArray();
    if (!stored.getChainId().equals(options.chainId())
        || !Arrays.equals(genesisHash, options.genesisHash())
        || algorithm != options.hashAlgorithm()) {
      throw new StorageOpenException(StorageOpenException.Reason.OTHER_CHAIN, "data directory "
          + store.location() + " belongs to chain '" + stored.getChainId() + "' (genesis "
          + Bytes.hex(genesisHash) + ", " + stored.getHashAlgorithm() + "), but this node is"
          + " configured for chain '" + options.chainId() + "' (genesis "
          + Bytes.hex(options.genesisHash()) + ", " + options.hashAlgorithm().displayName()
          + "). Point the node at this chain's data directory, or move the old one away to"
          + " start afresh.");
    }
    return new ChainMetadata(stored.getChainId(), genesisHash, algorithm,
        stored.getSchemaVersion());
  }

  private ChainMetadata initialize() throws StorageException {
    if (view.get(Column.METADATA, Records.TIP_KEY) != null
        || view.first(Column.BLOCKS, new byte[0], null) != null
        || view.first(Column.STATE_TREE, new byte[0], null) != null) {
      throw inconsistent("it holds data but no chain metadata");
    }
    ChainMetadata metadata = new ChainMetadata(options.chainId(), options.genesisHash(),
        options.hashAlgorithm(), ChainMetadata.SCHEMA_VERSION);
    try (KvStore.KvBatch batch = store.newBatch()) {
      batch.put(Column.METADATA, Records.CHAIN_KEY, Records.encodeMetadata(metadata));
      store.write(batch);
    }
    return metadata;
  }

  /** The tip, checked; null before genesis. */
  ChainTip tip() throws StorageException {
    byte[] bytes = view.get(Column.METADATA, Records.TIP_KEY);
    if (bytes == null) {
      if (view.first(Column.BLOCKS, new byte[0], null) != null) {
        throw inconsistent("it holds blocks but no tip record");
      }
      return null;
    }
    ChainTip tip = Records.decodeTip(bytes);
    long height = tip.height();
    if (height == 0 && !Arrays.equals(tip.blockHash(), options.genesisHash())) {
      throw inconsistent("the tip at height 0 is not the genesis hash");
    }
    if (height > 0) {
      checkTipBlock(tip);
    }
    if (view.first(Column.BLOCKS, Records.blockKey(height + 1), null) != null) {
      throw inconsistent("it holds a block above the tip height " + height);
    }
    TreeChild root = KvStateStore.loadRoot(view, height, store.location());
    if (!Arrays.equals(StateWriter.hash(root), tip.stateRoot())) {
      throw inconsistent("the state tree root of the tip height " + height
          + " differs from the tip record's state root");
    }
    return tip;
  }

  private void checkTipBlock(ChainTip tip) throws StorageException {
    long height = tip.height();
    DecodedBlock block = storedBlock(height);
    if (!Arrays.equals(block.hash(), tip.blockHash()) || block.header().getHeight() != height) {
      throw inconsistent("the block at the tip height " + height
          + " is not the tip record's block");
    }
    byte[] previous = height == 1 ? options.genesisHash() : storedBlock(height - 1).hash();
    if (!Arrays.equals(block.header().getPreviousHash().toByteArray(), previous)) {
      throw inconsistent("the tip block at height " + height
          + " does not link to its parent (previous_hash " + Bytes.shortHex(block.header()
          .getPreviousHash().toByteArray()) + ", parent hash " + Bytes.shortHex(previous) + ")");
    }
    byte[] certificateBytes = view.get(Column.BLOCKS, Records.certificateKey(height));
    if (certificateBytes == null) {
      throw inconsistent("the tip block at height " + height + " has no commit certificate");
    }
    CommitCertificate certificate;
    try {
      certificate = DecodedBlock.decodeCertificate(certificateBytes);
    } catch (InvalidProtocolBufferException e) {
      throw inconsistent("the tip's commit certificate does not decode: " + e.getMessage());
    }
    if (certificate.getHeight() != height
        || !Arrays.equals(certificate.getBlockHash().toByteArray(), tip.blockHash())) {
      throw inconsistent("the commit certificate at the tip height " + height + " is for height "
          + certificate.getHeight() + ", block " + Bytes.shortHex(
          certificate.getBlockHash().toByteArray()) + ", not for the tip block");
    }
    byte[] location = view.get(Column.BLOCK_INDEX, tip.blockHash());
    if (location == null || Records.decodeBlockLocation(location).height() != height) {
      throw inconsistent("the block index does not map the tip block to height " + height);
    }
  }

  private DecodedBlock storedBlock(long height) throws StorageException {
    byte[] bytes = view.get(Column.BLOCKS, Records.blockKey(height));
    if (bytes == null) {
      throw inconsistent("the block at height " + height + " is missing");
    }
    return DecodedBlock.decodeStored(bytes, height, options.hashAlgorithm(), store.location());
  }

  private StorageCorruptionException inconsistent(String what) {
    return new StorageCorruptionException("storage in " + store.location() + " is inconsistent: "
        + what + ". Do not run a validator on it: restore the directory from a backup, or move"
        + " it away and resync from peers.");
  }
}
