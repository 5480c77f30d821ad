package org.alliancechain.consensus.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.CommittedBlock;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;

/**
 * Commit certificates and committed blocks to and from their {@code block.proto} forms. Decoding
 * checks only the format; {@code CommitCertificates} checks signatures and quorum.
 */
public final class CertificateCodec {
  private CertificateCodec() {
  }

  public static org.alliancechain.proto.v1.CommitCertificate toProto(CommitCertificate certificate) {
    return org.alliancechain.proto.v1.CommitCertificate.newBuilder()
        .setHeight(certificate.height())
        .setView(certificate.view())
        .setBlockHash(Fields.bytes(certificate.blockHash()))
        .addAllCommits(ConsensusCodec.toProtos(certificate.commits()))
        .build();
  }

  public static byte[] encode(CommitCertificate certificate) {
    return toProto(certificate).toByteArray();
  }

  public static CommitCertificate fromProto(org.alliancechain.proto.v1.CommitCertificate proto)
      throws DecodeException {
    return new CommitCertificate(Fields.number(proto.getHeight(), "certificate height"),
        Fields.number(proto.getView(), "certificate view"),
        Fields.hash(proto.getBlockHash(), "certificate block_hash"),
        ConsensusCodec.decodeAll(proto.getCommitsList(), Phase.COMMIT));
  }

  public static CommitCertificate decode(byte[] bytes) throws DecodeException {
    try {
      return fromProto(org.alliancechain.proto.v1.CommitCertificate.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("not a serialized CommitCertificate: " + e.getMessage(), e);
    }
  }

  public static org.alliancechain.proto.v1.CommittedBlock toProto(CommittedBlock committed) {
    try {
      return org.alliancechain.proto.v1.CommittedBlock.newBuilder()
          .setBlock(Block.parseFrom(committed.block().encoded()))
          .setCertificate(toProto(committed.certificate()))
          .build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a decoded block no longer parses", e);
    }
  }

  /** A committed block as block sync carries it; the block hash is computed with {@code hashAlgorithm}. */
  public static CommittedBlock fromProto(org.alliancechain.proto.v1.CommittedBlock proto,
      HashAlgorithm hashAlgorithm, String chainId) throws DecodeException {
    if (!proto.hasBlock() || !proto.hasCertificate()) {
      throw new DecodeException("a committed block needs both its block and its certificate");
    }
    ChainBlock block = BlockCodec.decode(proto.getBlock().toByteArray(), hashAlgorithm, chainId);
    return new CommittedBlock(block, fromProto(proto.getCertificate()));
  }
}
