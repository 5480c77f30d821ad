package org.alliancechain.node.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.proto.v1.EvidenceAnchor;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.junit.jupiter.api.Test;

class TransactionCodecTest {
  private static final String CHAIN = "test-chain";
  private final ChainRules rules = ChainRules.forTests(CHAIN, CryptoSuite.INTL);
  private final TransactionCodec codec = new TransactionCodec(rules);
  private final SigningKey alice = SigningKey.generate(SignatureScheme.ED25519, new SecureRandom());

  @Test
  void decodesAValidTransactionAndItsIdIsTheHashOfTheBody() throws Exception {
    byte[] encoded = TestTransactions.put(CHAIN, alice, "trade", "k", "v");
    Transaction transaction = codec.decode(encoded);

    byte[] body = SignedTransaction.parseFrom(encoded).getBody().toByteArray();
    assertThat(transaction.id().toByteArray()).isEqualTo(HashAlgorithm.SHA_256.digest(body));
    assertThat(transaction.sender()).isEqualTo(alice.publicKey());
    assertThat(transaction.operation()).isEqualTo(new Operation.KvPut("trade",
        ByteString.copyFromUtf8("k"), ByteString.copyFromUtf8("v")));
    assertThat(transaction.signatureValid()).isTrue();
  }

  @Test
  void aFlippedBitInTheBodyBreaksTheSignature() throws Exception {
    SignedTransaction signed = SignedTransaction.parseFrom(
        TestTransactions.put(CHAIN, alice, "trade", "k", "v"));
    byte[] body = signed.getBody().toByteArray();
    body[body.length - 1] ^= 1;
    byte[] tampered = signed.toBuilder().setBody(ByteString.copyFrom(body)).build().toByteArray();

    assertThat(codec.decode(tampered).signatureValid()).isFalse();
  }

  @Test
  void refusesAnotherChainsTransaction() {
    assertThatThrownBy(() -> codec.decode(TestTransactions.put("other", alice, "trade", "k", "v")))
        .isInstanceOf(InvalidTransactionException.class)
        .hasMessage("transaction is for chain 'other', this is chain 'test-chain'")
        .extracting(e -> ((InvalidTransactionException) e).reason())
        .isEqualTo(InvalidTransactionException.Reason.WRONG_CHAIN);
  }

  @Test
  void refusesGarbageAndOversizedBytes() {
    assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xff, 0x01, 0x02}))
        .hasMessageStartingWith("not a SignedTransaction with a TransactionBody");
    assertThatThrownBy(() -> codec.decode(new byte[rules.maxTransactionBytes() + 1]))
        .hasMessage("transaction is 65537 bytes, the chain allows at most 65536");
  }

  @Test
  void refusesAKeyTheSuiteDoesNotAllow() {
    SigningKey sm2 = SigningKey.generate(SignatureScheme.SM2, new SecureRandom());
    assertThatThrownBy(() -> codec.decode(TestTransactions.put(CHAIN, sm2, "trade", "k", "v")))
        .hasMessage("sender key is sm2, the intl suite of this chain does not allow it");
  }

  @Test
  void checksFieldShapes() {
    assertThatThrownBy(() -> codec.decode(TestTransactions.sign(alice,
        TestTransactions.body(CHAIN, alice).setNonce(ByteString.copyFrom(new byte[4]))
            .setKvPut(KvPut.newBuilder().setNamespace("a").setKey(ByteString.copyFromUtf8("k")))
            .build())))
        .hasMessage("nonce is 4 bytes, expected 8 to 32");
    assertThatThrownBy(() -> codec.decode(TestTransactions.put(CHAIN, alice, "_admins", "k", "v")))
        .hasMessageStartingWith("namespace '_admins' is not valid");
    assertThatThrownBy(() -> codec.decode(TestTransactions.sign(alice,
        TestTransactions.body(CHAIN, alice).setEvidenceAnchor(EvidenceAnchor.newBuilder()
            .setDigestAlgorithm("sha-256").setDocumentDigest(ByteString.copyFrom(new byte[31])))
            .build())))
        .hasMessage("a sha-256 digest is 32 bytes, got 31");
    assertThatThrownBy(() -> codec.decode(TestTransactions.sign(alice,
        TestTransactions.body(CHAIN, alice).build())))
        .hasMessageStartingWith("transaction has no operation");
  }

  @Test
  void idsOfACommittedBlockAreTheIdsItsTransactionsDecodeTo() throws Exception {
    byte[] first = TestTransactions.put(CHAIN, alice, "default", "a", "1");
    byte[] second = TestTransactions.put(CHAIN, alice, "default", "b", "2");
    byte[] block = org.alliancechain.proto.v1.Block.newBuilder()
        .addTransactions(ByteString.copyFrom(first)).addTransactions(ByteString.copyFrom(second))
        .build().toByteArray();

    assertThat(codec.idsOf(block)).containsExactly(codec.decode(first).id(),
        codec.decode(second).id());
    assertThat(codec.idsOf(new byte[] {(byte) 0xff, 1, 2})).as("not a block").isEmpty();
  }
}
