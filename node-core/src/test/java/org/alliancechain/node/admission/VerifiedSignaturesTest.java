package org.alliancechain.node.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.List;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.proto.v1.SignedTransaction;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
  private final TransactionCodec codec =
      new TransactionCodec(ChainRules.forTests("test-chain", CryptoSuite.INTL));
  private final SigningKey sender = SigningKey.generate(SignatureScheme.ED25519, new SecureRandom());

  @Test
  void aKnownBodyWithAForgedSignatureIsVerifiedAgainAndRefused() throws Exception {
    byte[] genuine = TestTransactions.put("test-chain", sender, "default", "k", "v");
    SignedTransaction signed = SignedTransaction.parseFrom(genuine);
    byte[] signature = signed.getSignature().toByteArray();
    signature[3] ^= 1;
    byte[] forged = signed.toBuilder().setSignature(ByteString.copyFrom(signature)).build()
        .toByteArray();
    VerifiedSignatures verified = new VerifiedSignatures();

    Transaction real = codec.decode(genuine);
    Transaction fake = codec.decode(forged);
    assertThat(fake.id()).isEqualTo(real.id());
    assertThat(verified.verify(List.of(real), BatchVerifier.shared())).containsExactly(true);
    assertThat(verified.contains(real)).isTrue();
    assertThat(verified.contains(fake)).isFalse();
    assertThat(verified.verify(List.of(real, fake), BatchVerifier.shared()))
        .containsExactly(true, false);
  }
}
