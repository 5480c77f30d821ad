package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.alliancechain.node.receipt.ReceiptBuilder;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.GetStateRequest;
import org.alliancechain.proto.v1.GetStateResponse;
import org.alliancechain.storage.StateProof;
import org.alliancechain.storage.StateStore;
import org.alliancechain.storage.StorageException;

/**
 * GetState: a key's value or absence at a retained height, with its sparse Merkle proof and,
 * once a committed header carries that height's state root, the header and its certificate.
 */
final class StateQuery {
  /** User namespaces as transactions name them, plus the node's reserved "_" ones (readable). */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_][a-z0-9._-]{0,63}");
  private static final int KEY_BYTES_MAX = 1024;

  private final StateStore state;
  private final ReceiptBuilder anchors;

  StateQuery(StateStore state, ReceiptBuilder anchors) {
    this.state = state;
    this.anchors = anchors;
  }

  GetStateResponse answer(GetStateRequest request) throws StorageException {
    checkRequest(request);
    long latest = state.latestVersion();
    long version = request.getHeight() == 0 ? latest : request.getHeight();
    long oldest = state.oldestRetainedVersion();
    if (version > latest) {
      throw Status.OUT_OF_RANGE.withDescription("height " + version + " is not executed yet;"
          + " this node has executed up to " + latest).asRuntimeException();
    }
    if (version < oldest) {
      throw Status.FAILED_PRECONDITION.withDescription("the state at height " + version
          + " is no longer kept; this node keeps heights " + oldest + " to " + latest
          + " (ask an archive node for older state)").asRuntimeException();
    }
    ByteString stateKey = StateKeys.of(request.getNamespace(), request.getKey());
    StateProof proof = state.prove(stateKey.toByteArray(), version);
    GetStateResponse.Builder response = GetStateResponse.newBuilder()
        .setHeight(version)
        .setStateRoot(ByteString.copyFrom(proof.stateRoot()))
        .setProof(proof.toProto());
    Optional<byte[]> value = proof.value();
    response.setFound(value.isPresent());
    value.ifPresent(bytes -> response.setValue(ByteString.copyFrom(bytes)));
    Optional<ReceiptBuilder.StateAnchor> anchor = anchors.anchorFor(version);
    if (anchor.isPresent()) {
      checkAnchorRoot(anchor.get(), response.getStateRoot(), version);
      response.setAnchorHeader(anchor.get().header())
          .setAnchorCertificate(anchor.get().certificate());
    }
    return response.build();
  }

  private static void checkRequest(GetStateRequest request) {
    if (!NAMESPACE.matcher(request.getNamespace()).matches()) {
      throw ApiErrors.invalidArgument("namespace '" + request.getNamespace() + "' is not valid:"
          + " expected 1 to 64 characters of a-z, 0-9, '.', '_', '-', not starting with '.' or"
          + " '-'");
    }
    int keyBytes = request.getKey().size();
    if (keyBytes == 0 || keyBytes > KEY_BYTES_MAX) {
      throw ApiErrors.invalidArgument("key is " + keyBytes + " bytes, expected 1 to "
          + KEY_BYTES_MAX);
    }
  }

  private static void checkAnchorRoot(ReceiptBuilder.StateAnchor anchor, ByteString root,
      long version) {
    ByteString anchored;
    try {
      anchored = BlockHeader.parseFrom(anchor.header()).getStateRoot();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a committed header does not parse", e);
    }
    if (!anchored.equals(root)) {
      // This node's state diverged from what the validators certified: never serve it as proven.
      throw new IllegalStateException("the state root of height " + version + " here is "
          + HexFormat.of().formatHex(root.toByteArray()) + " but the certified header carries "
          + HexFormat.of().formatHex(anchored.toByteArray()));
    }
  }
}
