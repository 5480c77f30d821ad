package org.alliancechain.node.execution;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.alliancechain.proto.v1.AnchorRecord;

final class AnchorRecords {
  private AnchorRecords() {}

  static AnchorRecord parse(ByteString bytes) {
    try {
      return AnchorRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("anchor record in state does not parse", e);
    }
  }
}
