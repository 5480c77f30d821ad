package org.alliancechain.consensus.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.proto.v1.Block;

/**
 * What a Byzantine node does to its outgoing messages. The node runs a real replica underneath
 * (so it keeps up with the protocol) and signs its lies with its real key.
 */
public enum Misbehaviour {
  /** Follows the protocol. */
  NONE,
  /** As primary, never sends its PRE-PREPAREs or NEW-VIEWs. */
  SILENT_PRIMARY {
    @Override
    void broadcast(SimNode node, byte[] envelope) {
      ConsensusMessage message = decode(envelope).message().message();
      if (!(message instanceof PrePrepare) && !(message instanceof ConsensusMessage.NewView)) {
        super.broadcast(node, envelope);
      }
    }
  },
  /** As primary, sends one block to half the validators and another to the other half. */
  EQUIVOCATING_PRIMARY {
    @Override
    void broadcast(SimNode node, byte[] envelope) {
      ConsensusCodec.Envelope decoded = decode(envelope);
      if (!(decoded.message().message() instanceof PrePrepare prePrepare)) {
        super.broadcast(node, envelope);
        return;
      }
      Block original = SimBlocks.parse(decoded.blocks().get(0));
      byte[] other = original.toBuilder().clearTransactions()
          .addAllTransactions(original.getTransactionsList())
          .addTransactions(ByteString.copyFrom(randomBytes(node.cluster.random(), 24))).build()
          .toByteArray();
      byte[] otherBlock = rebuildWithTransactions(node, other);
      Hash otherHash = Hash.of(SimBlocks.HASH.digest(SimBlocks.parse(otherBlock).getHeader()
          .toByteArray()));
      node.cluster.checkers().onProposed(otherBlock);
      SignedMessage lie = sign(node, new PrePrepare(prePrepare.view(), prePrepare.height(),
          otherHash, prePrepare.parentHash()));
      byte[] lieEnvelope = ConsensusCodec.encodeEnvelope(lie, List.of(otherBlock));
      for (int validator = 0; validator < node.cluster.validatorCount(); validator++) {
        if (validator != node.index) {
          node.cluster.sendToValidator(node, validator, validator % 2 == 0 ? envelope : lieEnvelope);
        }
      }
      node.cluster.stats().fault("equivocation");
    }
  },
  /** Half of its messages carry a corrupted signature. */
  BAD_SIGNATURES {
    @Override
    void send(SimNode node, int to, byte[] envelope) {
      super.send(node, to, node.cluster.random().nextBoolean() ? corrupt(node, envelope) : envelope);
    }

    @Override
    void broadcast(SimNode node, byte[] envelope) {
      super.broadcast(node, node.cluster.random().nextBoolean() ? corrupt(node, envelope) : envelope);
    }
  },
  /** Sends, beside (and sometimes before) each vote, a signed vote for a random block hash. */
  WRONG_DIGESTS {
    @Override
    void broadcast(SimNode node, byte[] envelope) {
      ConsensusCodec.Envelope decoded = decode(envelope);
      ConsensusMessage message = decoded.message().message();
      Hash random = Hash.of(randomBytes(node.cluster.random(), 32));
      byte[] lie = null;
      if (message instanceof Prepare p) {
        lie = envelope(sign(node, new Prepare(p.view(), p.height(), random)), List.of());
      } else if (message instanceof Commit c) {
        lie = envelope(sign(node, new Commit(c.view(), c.height(), random)), List.of());
      } else if (message instanceof PrePrepare p) {
        lie = ConsensusCodec.encodeEnvelope(sign(node, new PrePrepare(p.view(), p.height(), random,
            p.parentHash())), decoded.blocks());
      }
      boolean lieFirst = node.cluster.random().nextBoolean();
      if (lie != null && lieFirst) {
        super.broadcast(node, lie);
      }
      super.broadcast(node, envelope);
      if (lie != null && !lieFirst) {
        super.broadcast(node, lie);
      }
    }
  },
  /** Floods signed messages for views and heights far in the future. */
  FAR_FUTURE {
    @Override
    void broadcast(SimNode node, byte[] envelope) {
      super.broadcast(node, envelope);
      Random random = node.cluster.random();
      for (int i = 0; i < 6; i++) {
        long view = 1 + random.nextInt(1_000_000) + (random.nextBoolean() ? 1_000_000_000L : 0);
        long height = 1 + random.nextInt(1_000_000);
        Hash hash = Hash.of(randomBytes(random, 32));
        ConsensusMessage flood = switch (random.nextInt(4)) {
          case 0 -> new Prepare(view, height, hash);
          case 1 -> new Commit(random.nextInt(3), height, hash);
          case 2 -> new Checkpoint(height * node.cluster.parameters().checkpointInterval(), hash, hash);
          default -> new ViewChange(view, 0, List.<SignedMessage>of(), List.<PreparedCertificate>of(),
              List.<CommitCertificate>of());
        };
        super.broadcast(node, envelope(sign(node, flood), List.of()));
      }
      node.cluster.stats().fault("far-future flood");
    }
  },
  /** Replays old messages it received to random validators. */
  REPLAY {
    @Override
    void onReceive(SimNode node, byte[] envelope) {
      node.cluster.replayPool(node).accept(envelope);
    }

    @Override
    void broadcast(SimNode node, byte[] envelope) {
      super.broadcast(node, envelope);
      Random random = node.cluster.random();
      for (int i = 0; i < 3; i++) {
        byte[] old = node.cluster.replayPool(node).pick(random);
        if (old != null) {
          super.send(node, random.nextInt(node.cluster.validatorCount()), old);
          node.cluster.stats().fault("replay");
        }
      }
    }
  },
  /** One of two copies of a validator (same key), each connected to part of the network. */
  TWIN;

  void broadcast(SimNode node, byte[] envelope) {
    for (int validator = 0; validator < node.cluster.validatorCount(); validator++) {
      if (validator != node.index) {
        node.cluster.sendToValidator(node, validator, envelope);
      }
    }
    node.cluster.sendToObservers(node, envelope);
  }

  void send(SimNode node, int to, byte[] envelope) {
    node.cluster.sendToValidator(node, to, envelope);
  }

  void onReceive(SimNode node, byte[] envelope) {
  }

  static ConsensusCodec.Envelope decode(byte[] envelope) {
    try {
      return ConsensusCodec.decodeEnvelope(envelope);
    } catch (DecodeException e) {
      throw new IllegalStateException("a replica sent an undecodable envelope", e);
    }
  }

  static SignedMessage sign(SimNode node, ConsensusMessage message) {
    String chainId = node.cluster.chain().chainId();
    byte[] payload = ConsensusCodec.encodePayload(chainId, message);
    byte[] signature = Keys.signingKey(node.index).sign(SigningDomain.CONSENSUS, payload);
    return new SignedMessage(payload, node.index, signature, chainId, message);
  }

  static byte[] envelope(SignedMessage message, List<byte[]> blocks) {
    return ConsensusCodec.encodeEnvelope(message, blocks);
  }

  static byte[] corrupt(SimNode node, byte[] envelope) {
    ConsensusCodec.Envelope decoded = decode(envelope);
    SignedMessage message = decoded.message();
    byte[] signature = message.signature().clone();
    signature[node.cluster.random().nextInt(signature.length)] ^= 0x10;
    node.cluster.stats().fault("bad signature");
    return ConsensusCodec.encodeEnvelope(new SignedMessage(message.payload(), message.signer(),
        signature, message.chainId(), message.message()), decoded.blocks());
  }

  /** The block {@code encoded} with its header's transaction count and root made consistent. */
  static byte[] rebuildWithTransactions(SimNode node, byte[] encoded) {
    Block block = SimBlocks.parse(encoded);
    org.alliancechain.proto.v1.BlockHeader header = SimBlocks.header(encoded);
    List<ByteString> transactions = new ArrayList<>(block.getTransactionsList());
    org.alliancechain.proto.v1.BlockHeader fixed = header.toBuilder()
        .setTransactionCount(transactions.size())
        .setTransactionsRoot(ByteString.copyFrom(SimBlocks.transactionsRoot(transactions).bytes()))
        .build();
    return block.toBuilder().setHeader(fixed.toByteString()).build().toByteArray();
  }

  static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
