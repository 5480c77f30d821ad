package org.alliancechain.node.api;

import static org.alliancechain.node.api.QueryServiceTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.util.List;
import org.alliancechain.crypto.SparseMerkleProof;
import org.alliancechain.node.receipt.ProofCodec;
import org.alliancechain.node.receipt.ReceiptBuilder;
import org.alliancechain.node.receipt.StateProofVerifier;
import org.alliancechain.node.receipt.StateVerification;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.GetStateRequest;
import org.alliancechain.proto.v1.GetStateResponse;
import org.junit.jupiter.api.Test;

class StateQueryTest extends ApiTestBase {
  private static final String CHAIN = TestGenesis.CHAIN_ID;

  @Override
  int retainedStateVersions() {
    return 3;
  }

  @Test
  void aPresentKeyIsProvenAndAnchoredByACertifiedHeader() throws Exception {
    chain.commit(List.of(TestTransactions.put(CHAIN, chain.keys.client, "trade", "k", "v1")));
    chain.commitEmptyUpTo(3);

    GetStateResponse answer = queries.getState(request("trade", "k", 1));

    assertThat(answer.getFound()).isTrue();
    assertThat(answer.getValue().toStringUtf8()).isEqualTo("v1");
    assertThat(answer.getHeight()).isEqualTo(1);
    SparseMerkleProof proof = ProofCodec.fromProto(answer.getProof());
    assertThat(proof.verifyInclusion(chain.rules.hash(), answer.getStateRoot().toByteArray(),
        stateKey("trade", "k"), "v1".getBytes())).isTrue();
    assertThat(answer.getAnchorHeader()).isEqualTo(chain.storageHeader(3));
    StateVerification verification = verifier().verify(answer, "trade", bytes("k"));
    assertThat(verification.valid()).as(verification.reason()).isTrue();
    assertThat(verification.anchored()).isTrue();
  }

  @Test
  void anAbsentKeyIsProvenAbsent() throws Exception {
    chain.commit(List.of(TestTransactions.put(CHAIN, chain.keys.client, "trade", "k", "v1")));
    chain.commitEmptyUpTo(3);

    GetStateResponse answer = queries.getState(request("trade", "nothing-here", 1));

    assertThat(answer.getFound()).isFalse();
    assertThat(ProofCodec.fromProto(answer.getProof()).verifyNonInclusion(chain.rules.hash(),
        answer.getStateRoot().toByteArray(), stateKey("trade", "nothing-here"))).isTrue();
    StateVerification verification = verifier().verify(answer, "trade", bytes("nothing-here"));
    assertThat(verification.anchored()).as(verification.reason()).isTrue();
    GetStateResponse forged = answer.toBuilder().setFound(true).setValue(bytes("v1")).build();
    assertThat(verifier().verify(forged, "trade", bytes("nothing-here")).valid()).isFalse();
  }

  @Test
  void theLatestStateIsProvenBeforeAnyHeaderCarriesItsRoot() throws Exception {
    chain.commit(List.of(TestTransactions.put(CHAIN, chain.keys.client, "trade", "k", "v1")));
    chain.commit(List.of(TestTransactions.put(CHAIN, chain.keys.client, "trade", "k", "v2")));

    GetStateResponse latest = queries.getState(request("trade", "k", 0));

    assertThat(latest.getHeight()).isEqualTo(2);
    assertThat(latest.getValue().toStringUtf8()).isEqualTo("v2");
    assertThat(latest.getAnchorHeader()).isEmpty();
    StateVerification verification = verifier().verify(latest, "trade", bytes("k"));
    assertThat(verification.valid()).isTrue();
    assertThat(verification.anchored()).isFalse();
  }

  @Test
  void theNodesOwnRecordsAreReadableWithProofs() throws Exception {
    chain.commitEmptyUpTo(3);

    GetStateResponse answer = queries.getState(request("_namespaces", "trade", 1));

    assertThat(answer.getFound()).isTrue();
    assertThat(verifier().verify(answer, "_namespaces", bytes("trade")).anchored()).isTrue();
  }

  @Test
  void theGenesisStateIsAnchoredByTheFirstHeader() throws Exception {
    chain.commitEmptyUpTo(1);

    // Height 0 cannot be asked by number (0 means the latest), but receipts and tools anchor it.
    ReceiptBuilder.StateAnchor anchor =
        new ReceiptBuilder(chain.storage, chain.rules).anchorFor(0).orElseThrow();

    assertThat(anchor.header()).isEqualTo(chain.storageHeader(1));
    assertThat(BlockHeader.parseFrom(anchor.header()).getStateRoot().toByteArray())
        .isEqualTo(chain.storage.state().root(0));
  }

  @Test
  void prunedFutureAndMalformedRequestsSayWhy() throws Exception {
    chain.commitEmptyUpTo(6);

    assertCode(() -> queries.getState(request("trade", "k", 1)),
        Status.Code.FAILED_PRECONDITION,
        "the state at height 1 is no longer kept; this node keeps heights 4 to 6");
    assertCode(() -> queries.getState(request("trade", "k", 9)), Status.Code.OUT_OF_RANGE,
        "height 9 is not executed yet; this node has executed up to 6");
    assertCode(() -> queries.getState(request("Trade Floor", "k", 0)),
        Status.Code.INVALID_ARGUMENT, "namespace 'Trade Floor' is not valid");
    assertCode(() -> queries.getState(GetStateRequest.newBuilder().setNamespace("trade").build()),
        Status.Code.INVALID_ARGUMENT, "key is 0 bytes, expected 1 to 1024");
  }

  private StateProofVerifier verifier() {
    return new StateProofVerifier(chain.keys.genesis);
  }

  private static GetStateRequest request(String namespace, String key, long height) {
    return GetStateRequest.newBuilder().setNamespace(namespace).setKey(bytes(key))
        .setHeight(height).build();
  }

  private static byte[] stateKey(String namespace, String key) {
    return StateKeys.of(namespace, bytes(key)).toByteArray();
  }

  private static ByteString bytes(String text) {
    return ByteString.copyFromUtf8(text);
  }
}
