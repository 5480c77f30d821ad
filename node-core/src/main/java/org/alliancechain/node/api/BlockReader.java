package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Optional;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.CommittedBlock;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageCorruptionException;
import org.alliancechain.storage.StorageException;

/** Reads a committed block with its certificate, hash and results, as GetBlock and streams send. */
final class BlockReader {
  private final Storage storage;
  private final HashAlgorithm hash;

  BlockReader(Storage storage, HashAlgorithm hash) {
    this.storage = storage;
    this.hash = hash;
  }

  /** The block at {@code height}, or empty when none is committed there. */
  Optional<BlockEvent> read(long height) throws StorageException {
    Optional<byte[]> blockBytes = storage.blocks().block(height);
    if (blockBytes.isEmpty()) {
      return Optional.empty();
    }
    byte[] certificateBytes = storage.blocks().certificate(height).orElseThrow(
        () -> new StorageCorruptionException("block " + height + " is stored without its"
            + " commit certificate"));
    Block block;
    CommitCertificate certificate;
    try {
      block = Block.parseFrom(blockBytes.get());
      certificate = CommitCertificate.parseFrom(certificateBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("stored block " + height + " or its certificate"
          + " does not parse: " + e.getMessage(), e);
    }
    BlockEvent.Builder event = BlockEvent.newBuilder()
        .setBlock(CommittedBlock.newBuilder().setBlock(block).setCertificate(certificate))
        .setHash(ByteString.copyFrom(hash.digest(block.getHeader().toByteArray())));
    List<byte[]> results = storage.blocks().results(height);
    for (byte[] result : results) {
      event.addResults(ByteString.copyFrom(result));
    }
    return Optional.of(event.build());
  }
}
