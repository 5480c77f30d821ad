package org.alliancechain.node.receipt;

import static org.alliancechain.node.receipt.ReceiptCheck.CHAIN_ID;
import static org.alliancechain.node.receipt.ReceiptCheck.COMPLETE;
import static org.alliancechain.node.receipt.ReceiptCheck.FORMAT;
import static org.alliancechain.node.receipt.ReceiptCheck.HEADER_LINKS;
import static org.alliancechain.node.receipt.ReceiptCheck.HEIGHTS;
import static org.alliancechain.node.receipt.ReceiptCheck.RESULT_INCLUSION;
import static org.alliancechain.node.receipt.ReceiptCheck.SIGNATURE;
import static org.alliancechain.node.receipt.ReceiptCheck.TRANSACTION_ID;
import static org.alliancechain.node.receipt.ReceiptCheck.TRANSACTION_INCLUSION;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.config.Genesis;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.MerkleInclusionProof;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;
import org.alliancechain.proto.v1.TransactionReceipt;
import org.alliancechain.proto.v1.TransactionResult;

/**
 * Verifies a {@link TransactionReceipt} offline, with the chain's genesis alone
 * (docs/adr/0002-execution-roots-lag.md): the certificate of the last header against the
 * genesis validators, the chain of previous_hash links down to the transaction's header, the
 * transaction's inclusion in that header, the result's inclusion in the header that carries
 * the transaction's height as executed_height, that the result is the transaction's, and the
 * sender's signature. Never throws on bad input: the result names the first failed check.
 * Thread-safe.
 */
public final class ReceiptVerifier {
  private final HeaderCertification certification;
  private final Genesis genesis;
  private final int window;

  public ReceiptVerifier(Genesis genesis) {
    this.genesis = genesis;
    this.certification = new HeaderCertification(genesis);
    this.window = genesis.consensus().window();
  }

  /** Verifies serialized {@code alliance.v1.TransactionReceipt} bytes. */
  public ReceiptVerification verify(byte[] receipt) {
    try {
      return verify(TransactionReceipt.parseFrom(receipt));
    } catch (InvalidProtocolBufferException e) {
      return ReceiptVerification.failed(FORMAT,
          "the bytes are not an alliance.v1.TransactionReceipt: " + e.getMessage());
    }
  }

  public ReceiptVerification verify(TransactionReceipt receipt) {
    try {
      Parts parts = parse(receipt);
      CommitCertificate certificate = certification.verify(parts.lastHeaderBytes(),
          parts.lastHeader().getHeight(), receipt.getCertificate());
      checkLinks(parts);
      checkHeights(parts, receipt.getHeight());
      checkChainIds(parts);
      checkTransactionInclusion(receipt, parts);
      checkResultInclusion(receipt, parts);
      ByteString id = checkTransactionId(parts);
      PublicKey sender = checkSignature(parts);
      return ReceiptVerification.valid(new VerifiedReceipt(id, receipt.getHeight(),
          receipt.getIndex(), ByteString.copyFrom(hash(parts.headerBytes())),
          parts.header().getTimestampMs(), certificate.height(), certificate.view(),
          certificate.commits().stream().map(SignedMessage::signer).toList(), sender,
          parts.result()));
    } catch (CheckFailed failed) {
      return ReceiptVerification.failed(failed.check(), failed.getMessage());
    }
  }

  /** The receipt's parts, decoded. */
  private record Parts(SignedTransaction transaction, TransactionBody body,
      TransactionResult result, byte[] headerBytes, BlockHeader header,
      List<byte[]> followingBytes, List<BlockHeader> following) {

    byte[] lastHeaderBytes() {
      return followingBytes.get(followingBytes.size() - 1);
    }

    BlockHeader lastHeader() {
      return following.get(following.size() - 1);
    }
  }

  private Parts parse(TransactionReceipt receipt) throws CheckFailed {
    if (!receipt.hasCertificate() && receipt.getFollowingHeadersCount() == 0) {
      throw new CheckFailed(COMPLETE, "the receipt is incomplete: the block of height "
          + (receipt.getHeight() + window) + " that certifies its result was not committed when"
          + " it was issued; ask the node for the receipt again");
    }
    if (receipt.getFollowingHeadersCount() != window || !receipt.hasCertificate()) {
      throw new CheckFailed(FORMAT, "the receipt carries " + receipt.getFollowingHeadersCount()
          + " following headers" + (receipt.hasCertificate() ? "" : " and no certificate")
          + "; this chain's window is " + window + ", so it needs headers of heights "
          + (receipt.getHeight() + 1) + ".." + (receipt.getHeight() + window)
          + " and the certificate of the last one");
    }
    SignedTransaction transaction = parse(receipt.getTransaction(), SignedTransaction.parser(),
        "transaction", "SignedTransaction");
    TransactionBody body = parse(transaction.getBody(), TransactionBody.parser(),
        "transaction body", "TransactionBody");
    TransactionResult result = parse(receipt.getResult(), TransactionResult.parser(), "result",
        "TransactionResult");
    BlockHeader header = parse(receipt.getBlockHeader(), BlockHeader.parser(), "block_header",
        "BlockHeader");
    List<byte[]> followingBytes = new ArrayList<>(window);
    List<BlockHeader> following = new ArrayList<>(window);
    for (int i = 0; i < window; i++) {
      ByteString bytes = receipt.getFollowingHeaders(i);
      following.add(parse(bytes, BlockHeader.parser(), "following_headers[" + i + "]",
          "BlockHeader"));
      followingBytes.add(bytes.toByteArray());
    }
    return new Parts(transaction, body, result, receipt.getBlockHeader().toByteArray(), header,
        followingBytes, following);
  }

  private static <T> T parse(ByteString bytes, com.google.protobuf.Parser<T> parser, String field,
      String type) throws CheckFailed {
    if (bytes.isEmpty()) {
      throw new CheckFailed(FORMAT, "the receipt's " + field + " is empty");
    }
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CheckFailed(FORMAT, "the receipt's " + field + " is not a " + type + ": "
          + e.getMessage());
    }
  }

  private void checkLinks(Parts parts) throws CheckFailed {
    byte[] previous = parts.headerBytes();
    long previousHeight = parts.header().getHeight();
    for (int i = 0; i < window; i++) {
      BlockHeader header = parts.following().get(i);
      if (!header.getPreviousHash().equals(ByteString.copyFrom(hash(previous)))) {
        throw new CheckFailed(HEADER_LINKS, "header " + header.getHeight() + " does not link to"
            + " header " + previousHeight + " (previous_hash differs)");
      }
      previous = parts.followingBytes().get(i);
      previousHeight = header.getHeight();
    }
  }

  private void checkHeights(Parts parts, long height) throws CheckFailed {
    if (parts.header().getHeight() != height) {
      throw new CheckFailed(HEIGHTS, "the receipt is for height " + height
          + ", its block_header is height " + parts.header().getHeight());
    }
    for (int i = 0; i < window; i++) {
      long actual = parts.following().get(i).getHeight();
      if (actual != height + i + 1) {
        throw new CheckFailed(HEIGHTS, "following header " + i + " is height " + actual
            + ", expected " + (height + i + 1) + ": heights must be consecutive");
      }
    }
  }

  private void checkChainIds(Parts parts) throws CheckFailed {
    String chainId = genesis.chainId();
    List<BlockHeader> headers = new ArrayList<>(parts.following());
    headers.add(0, parts.header());
    for (BlockHeader header : headers) {
      if (!chainId.equals(header.getChainId())) {
        throw new CheckFailed(CHAIN_ID, "header " + header.getHeight() + " is for chain '"
            + header.getChainId() + "', the genesis is chain '" + chainId + "'");
      }
    }
    if (!chainId.equals(parts.body().getChainId())) {
      throw new CheckFailed(CHAIN_ID, "the transaction is for chain '"
          + parts.body().getChainId() + "', the genesis is chain '" + chainId + "'");
    }
  }

  private void checkTransactionInclusion(TransactionReceipt receipt, Parts parts)
      throws CheckFailed {
    BlockHeader header = parts.header();
    checkProofShape(TRANSACTION_INCLUSION, "transaction", receipt.getTransactionProof(),
        receipt.getIndex(), header);
    if (!MerkleTree.verifyInclusion(certification.hash(), receipt.getTransaction().toByteArray(),
        ProofCodec.fromProto(receipt.getTransactionProof()),
        header.getTransactionsRoot().toByteArray())) {
      throw new CheckFailed(TRANSACTION_INCLUSION, "the transaction is not included in the"
          + " transactions_root of block " + header.getHeight() + " at index " + receipt.getIndex()
          + " (the inclusion proof does not lead to that root)");
    }
  }

  private void checkResultInclusion(TransactionReceipt receipt, Parts parts) throws CheckFailed {
    BlockHeader last = parts.lastHeader();
    if (last.getExecutedHeight() != receipt.getHeight()) {
      throw new CheckFailed(RESULT_INCLUSION, "header " + last.getHeight() + " carries the"
          + " results of height " + last.getExecutedHeight() + ", not of height "
          + receipt.getHeight());
    }
    checkProofShape(RESULT_INCLUSION, "result", receipt.getResultProof(), receipt.getIndex(),
        parts.header());
    if (!MerkleTree.verifyInclusion(certification.hash(), receipt.getResult().toByteArray(),
        ProofCodec.fromProto(receipt.getResultProof()), last.getResultsRoot().toByteArray())) {
      throw new CheckFailed(RESULT_INCLUSION, "the result is not included in the results_root"
          + " of header " + last.getHeight() + " at index " + receipt.getIndex()
          + " (the inclusion proof does not lead to that root)");
    }
  }

  private static void checkProofShape(ReceiptCheck check, String what,
      MerkleInclusionProof proof, int index, BlockHeader block) throws CheckFailed {
    if (proof.getLeafIndex() != Integer.toUnsignedLong(index)) {
      throw new CheckFailed(check, "the " + what + " proof is for leaf " + proof.getLeafIndex()
          + ", the receipt's index is " + Integer.toUnsignedLong(index));
    }
    if (proof.getTreeSize() != Integer.toUnsignedLong(block.getTransactionCount())) {
      throw new CheckFailed(check, "the " + what + " proof is for a tree of "
          + proof.getTreeSize() + " leaves, block " + block.getHeight() + " holds "
          + Integer.toUnsignedLong(block.getTransactionCount()) + " transactions");
    }
  }

  private ByteString checkTransactionId(Parts parts) throws CheckFailed {
    ByteString id = ByteString.copyFrom(hash(parts.transaction().getBody().toByteArray()));
    if (!id.equals(parts.result().getTransactionId())) {
      throw new CheckFailed(TRANSACTION_ID, "the result is for transaction "
          + hex(parts.result().getTransactionId()) + ", the transaction's id H(body) is "
          + hex(id));
    }
    return id;
  }

  private PublicKey checkSignature(Parts parts) throws CheckFailed {
    PublicKey sender;
    try {
      sender = ProtoKeys.fromProto(parts.body().getSender());
    } catch (CryptoException e) {
      throw new CheckFailed(SIGNATURE, "the transaction's sender key is not valid: "
          + e.getMessage());
    }
    if (!genesis.suite().allows(sender.scheme())) {
      throw new CheckFailed(SIGNATURE, "the sender key is " + sender.scheme().id() + ", which"
          + " the chain's " + genesis.suite().id() + " suite does not allow");
    }
    if (!sender.verify(SigningDomain.TRANSACTION, parts.transaction().getBody().toByteArray(),
        parts.transaction().getSignature().toByteArray())) {
      throw new CheckFailed(SIGNATURE, "the transaction's signature does not verify with its"
          + " sender's " + sender.scheme().id() + " key " + sender);
    }
    return sender;
  }

  private byte[] hash(byte[] bytes) {
    return certification.hash().digest(bytes);
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
