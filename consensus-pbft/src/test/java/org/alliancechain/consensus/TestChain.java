package org.alliancechain.consensus;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.codec.BlockCodec;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.consensus.sim.Keys;
import org.alliancechain.consensus.sim.SimBlocks;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SigningDomain;

/** A chain of n simulated validators for unit tests: signs messages, builds blocks. */
public final class TestChain {
  public final ChainContext chain;
  public final ConsensusParameters parameters = ConsensusParameters.forTests();

  public TestChain(int validators) {
    this.chain = new ChainContext("test-chain", CryptoSuite.INTL, Hash.of(SimBlocks.HASH.digest(
        "test genesis".getBytes(StandardCharsets.US_ASCII))),
        new ValidatorSet(Keys.publicKeys(validators)));
  }

  public ValidatorSet validators() {
    return chain.validators();
  }

  public SignedMessage sign(int signer, ConsensusMessage message) {
    byte[] payload = ConsensusCodec.encodePayload(chain.chainId(), message);
    return new SignedMessage(payload, signer,
        Keys.signingKey(signer).sign(SigningDomain.CONSENSUS, payload), chain.chainId(), message);
  }

  /** A block at {@code height} on {@code parent} whose contents vary with {@code salt}. */
  public ChainBlock block(long height, Hash parent, int salt) {
    byte[] encoded = SimBlocks.build(new SimBlocks.Proposal(chain.chainId(), height, parent,
        0, 1_000 + height, List.of(ByteString.copyFromUtf8("tx " + salt)), 0,
        SimBlocks.GENESIS_STATE));
    try {
      return BlockCodec.decode(encoded, chain.hashAlgorithm(), chain.chainId());
    } catch (DecodeException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid prepared certificate for {@code block} in {@code view}. */
  public PreparedCertificate prepared(long view, ChainBlock block) {
    int primary = validators().primary(view);
    SignedMessage prePrepare = sign(primary,
        new PrePrepare(view, block.height(), block.hash(), block.parentHash()));
    List<SignedMessage> prepares = new ArrayList<>();
    for (int i = 0; prepares.size() < validators().quorum() - 1; i++) {
      if (i != primary) {
        prepares.add(sign(i, new Prepare(view, block.height(), block.hash())));
      }
    }
    return new PreparedCertificate(prePrepare, prepares);
  }

  /** A valid commit certificate for {@code block} in {@code view}, signed by the first quorum. */
  public CommitCertificate committed(long view, ChainBlock block) {
    List<SignedMessage> commits = new ArrayList<>();
    for (int i = 0; i < validators().quorum(); i++) {
      commits.add(sign(i, new Commit(view, block.height(), block.hash())));
    }
    return new CommitCertificate(block.height(), view, block.hash(), commits);
  }

  public byte[] envelope(SignedMessage message, ChainBlock... blocks) {
    List<byte[]> encoded = new ArrayList<>();
    for (ChainBlock block : blocks) {
      encoded.add(block.encoded());
    }
    return ConsensusCodec.encodeEnvelope(message, encoded);
  }
}
