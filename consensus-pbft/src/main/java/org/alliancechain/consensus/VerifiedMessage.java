package org.alliancechain.consensus;

import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * A consensus message that {@link MessageVerifier} checked: well formed, for this chain, signed
 * by a validator (every embedded message too), blocks parsed and matching their references.
 * Only the verifier creates one, so the replica never sees an unchecked message.
 */
public final class VerifiedMessage {
  private final SignedMessage message;
  private final Map<Hash, ChainBlock> blocks;
  private final byte[] envelope;

  VerifiedMessage(SignedMessage message, Map<Hash, ChainBlock> blocks, byte[] envelope) {
    this.message = message;
    this.blocks = Map.copyOf(blocks);
    this.envelope = envelope;
  }

  /** The signed message. */
  public SignedMessage message() {
    return message;
  }

  /** The blocks that came with it, by hash. */
  public Map<Hash, ChainBlock> blocks() {
    return blocks;
  }

  /** The blocks that came with it. */
  public List<ChainBlock> blockList() {
    return List.copyOf(blocks.values());
  }

  /** The envelope bytes as received, for forwarding unchanged; not copied. */
  public byte[] envelope() {
    return envelope;
  }

  /** The validator that signed it. */
  public int sender() {
    return message.signer();
  }

  @Override
  public String toString() {
    return "Verified[" + message + "]";
  }
}
