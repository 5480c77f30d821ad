package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.Map;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.tx.Operation;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.junit.jupiter.api.Test;

/** What the CLI signs is what the node decodes: same id, a signature that verifies. */
class TransactionFactoryTest {

  @Test
  void nodeDecodesWhatTheCliSignsForBothSuites() throws Exception {
    for (CryptoSuite suite : CryptoSuite.values()) {
      SigningKey key = SigningKey.generate(suite.defaultScheme(), new SecureRandom());
      TransactionFactory factory = new TransactionFactory("chain-a", suite.hash(), key);
      TransactionCodec codec = new TransactionCodec(ChainRules.forTests("chain-a", suite));

      byte[] put = factory.put("default", ByteString.copyFromUtf8("k"),
          ByteString.copyFromUtf8("v"), 42);
      Transaction decoded = codec.decode(put);
      assertThat(decoded.id().bytes()).isEqualTo(factory.id(put));
      assertThat(decoded.expiryHeight()).isEqualTo(42);
      assertThat(decoded.operation()).isInstanceOf(Operation.KvPut.class);
      assertThat(key.publicKey().verify(SigningDomain.TRANSACTION,
          decoded.body().toByteArray(), decoded.signature().toByteArray())).isTrue();

      byte[] anchor = factory.anchor(new byte[32], "sha-256", Map.of("title", "t"), 7);
      assertThat(codec.decode(anchor).operation()).isInstanceOf(Operation.AnchorEvidence.class);
      byte[] register = factory.registerClient(key.publicKey(), "org1", "label", 7);
      assertThat(codec.decode(register).operation()).isInstanceOf(Operation.RegisterClient.class);
      assertThat(codec.decode(factory.delete("default", ByteString.copyFromUtf8("k"), 7))
          .operation()).isInstanceOf(Operation.KvDelete.class);
    }
  }

  @Test
  void equalOperationsGetDifferentIds() {
    SigningKey key = SigningKey.generate(CryptoSuite.INTL.defaultScheme(), new SecureRandom());
    TransactionFactory factory = new TransactionFactory("c", CryptoSuite.INTL.hash(), key);
    byte[] first = factory.put("default", ByteString.copyFromUtf8("k"), ByteString.EMPTY, 5);
    byte[] second = factory.put("default", ByteString.copyFromUtf8("k"), ByteString.EMPTY, 5);
    assertThat(factory.id(first)).isNotEqualTo(factory.id(second));
  }
}
