package org.alliancechain.node.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.node.api.TestChain;
import org.alliancechain.node.api.TestGenesis;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.TransactionReceipt;
import org.alliancechain.proto.v1.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts built from a real chain (RocksDB, executor, certificates signed by 4 validator keys)
 * verify offline with the genesis alone, and no receipt verifies once any byte is changed.
 */
class ReceiptVerifierTest {
  @TempDir
  Path directory;
  private TestChain chain;
  private ReceiptBuilder builder;
  private ReceiptVerifier verifier;
  private final List<byte[]> transactions = new ArrayList<>();

  @BeforeEach
  void commitAChain() throws Exception {
    chain = TestChain.open(directory);
    builder = new ReceiptBuilder(chain.storage, chain.rules);
    verifier = new ReceiptVerifier(chain.keys.genesis);
    chain.commit(List.of());
    for (int i = 0; i < 5; i++) {
      transactions.add(TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client, "trade",
          "key-" + i, "value-" + i));
    }
    transactions.add(TestTransactions.anchor(TestGenesis.CHAIN_ID, chain.keys.client,
        new byte[32]));
    chain.commit(transactions);
  }

  @AfterEach
  void close() {
    chain.close();
  }

  @Test
  void aReceiptIsIncompleteUntilHeightPlusWindowIsCommitted() throws Exception {
    CommittedReceipt receipt = builder.build(idOf(transactions.get(2))).orElseThrow();
    assertThat(receipt.complete()).isFalse();
    assertThat(receipt.receipt().hasCertificate()).isFalse();
    assertThat(verifier.verify(receipt.receipt()).failedCheck()).isEqualTo(ReceiptCheck.COMPLETE);

    chain.commitEmptyUpTo(3);
    assertThat(builder.build(idOf(transactions.get(2))).orElseThrow().complete()).isFalse();
    chain.commitEmptyUpTo(4);
    assertThat(builder.build(idOf(transactions.get(2))).orElseThrow().complete()).isTrue();
  }

  @Test
  void everyCompleteReceiptVerifiesOfflineWithTheGenesisAlone() throws Exception {
    chain.commitEmptyUpTo(4);
    for (int i = 0; i < transactions.size(); i++) {
      TransactionId id = idOf(transactions.get(i));
      CommittedReceipt receipt = builder.build(id).orElseThrow();
      ReceiptVerification verification = verifier.verify(receipt.receipt().toByteArray());

      assertThat(verification.isValid()).as(verification.toString()).isTrue();
      VerifiedReceipt proven = verification.receipt();
      assertThat(proven.transactionId()).isEqualTo(id.bytes());
      assertThat(proven.height()).isEqualTo(2);
      assertThat(proven.index()).isEqualTo(i);
      assertThat(proven.certifiedHeight()).isEqualTo(4);
      assertThat(proven.signers()).hasSize(3).doesNotHaveDuplicates();
      assertThat(proven.sender()).isEqualTo(chain.keys.client.publicKey());
      assertThat(proven.result().getStatus())
          .isEqualTo(TransactionStatus.TRANSACTION_STATUS_SUCCESS);
    }
  }

  @Test
  void noReceiptVerifiesWhenAnySingleByteIsChanged() throws Exception {
    chain.commitEmptyUpTo(4);
    byte[] receipt = builder.build(idOf(transactions.get(5))).orElseThrow().receipt().toByteArray();
    assertThat(verifier.verify(receipt).isValid()).isTrue();

    int[] flips = {0x01, 0x80, 0xff};
    List<String> accepted = new ArrayList<>();
    for (int position = 0; position < receipt.length; position++) {
      for (int flip : flips) {
        byte[] tampered = receipt.clone();
        tampered[position] ^= (byte) flip;
        if (verifier.verify(tampered).isValid()) {
          accepted.add("byte " + position + " xor " + Integer.toHexString(flip));
        }
      }
    }
    assertThat(accepted).as("tampered receipts that verified (of %d bytes)", receipt.length)
        .isEmpty();
  }

  @Test
  void aCertificateBelowTheQuorumIsNamedWithItsCount() throws Exception {
    chain.commitEmptyUpTo(4);
    TransactionReceipt receipt = builder.build(idOf(transactions.get(0))).orElseThrow().receipt();
    CommitCertificate two = receipt.getCertificate().toBuilder().removeCommits(2).build();

    ReceiptVerification verification =
        verifier.verify(receipt.toBuilder().setCertificate(two).build());

    assertThat(verification.failedCheck()).isEqualTo(ReceiptCheck.CERTIFICATE);
    assertThat(verification.reason()).startsWith("commit certificate of height 4 has 2 valid"
        + " signatures from distinct validators, the quorum of 4 validators is 3");
  }

  @Test
  void aChangedTransactionHeaderBreaksTheLinkToTheNextHeader() throws Exception {
    chain.commitEmptyUpTo(4);
    TransactionReceipt receipt = builder.build(idOf(transactions.get(0))).orElseThrow().receipt();
    TransactionReceipt otherHeader = receipt.toBuilder()
        .setBlockHeader(chain.storageHeader(1)).build();

    ReceiptVerification verification = verifier.verify(otherHeader);

    assertThat(verification.failedCheck()).isEqualTo(ReceiptCheck.HEADER_LINKS);
    assertThat(verification.reason())
        .isEqualTo("header 3 does not link to header 1 (previous_hash differs)");
  }

  @Test
  void anotherChainsGenesisDoesNotAcceptTheReceipt() throws Exception {
    chain.commitEmptyUpTo(4);
    TransactionReceipt receipt = builder.build(idOf(transactions.get(0))).orElseThrow().receipt();
    ReceiptVerifier strangers = new ReceiptVerifier(TestGenesis.create(4, 2).genesis);

    ReceiptVerification verification = strangers.verify(receipt);

    assertThat(verification.failedCheck()).isEqualTo(ReceiptCheck.CERTIFICATE);
    assertThat(verification.reason()).contains("has 0 valid signatures");
  }

  @Test
  void aWindowOfOneNeedsOneFollowingHeader(@TempDir Path other) throws Exception {
    try (TestChain single = TestChain.open(TestGenesis.create(1, 1), other,
        MempoolLimits.defaults())) {
      byte[] transaction = TestTransactions.put(TestGenesis.CHAIN_ID, single.keys.client, "trade",
          "k", "v");
      single.commit(List.of(transaction));
      single.commitEmptyUpTo(2);
      TransactionReceipt receipt = new ReceiptBuilder(single.storage, single.rules)
          .build(TestChain.idOf(single.rules, transaction)).orElseThrow().receipt();

      assertThat(receipt.getFollowingHeadersCount()).isEqualTo(1);
      assertThat(new ReceiptVerifier(single.keys.genesis).verify(receipt).isValid()).isTrue();
    }
  }

  private TransactionId idOf(byte[] transaction) {
    return TestChain.idOf(chain.rules, transaction);
  }
}
