package org.alliancechain.node.state;

import com.google.protobuf.ByteString;
import java.util.Optional;

/** Reads the state as of the last executed block. */
@FunctionalInterface
public interface StateReader {
  /** The value of a state key, or empty when absent. */
  Optional<ByteString> get(ByteString key);
}
