package org.alliancechain.node.execution;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of executing one block.
 *
 * @param results TransactionResult bytes, in block order: the leaves of the results root
 * @param changes state changes ordered by key: a new value, or empty for a delete
 */
public record ExecutedBlock(List<ByteString> results, Map<ByteString, Optional<ByteString>> changes) {
  public ExecutedBlock {
    results = List.copyOf(results);
  }
}
