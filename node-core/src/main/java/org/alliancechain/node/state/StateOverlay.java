package org.alliancechain.node.state;

import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The writes of a block being executed, over the state of its parent: reads see earlier writes
 * of the same block. Changes come out ordered by key, so every validator hands storage the same
 * sequence.
 */
public final class StateOverlay implements StateReader {
  private final StateReader base;
  /** Key → new value, or empty for a delete. */
  private final TreeMap<ByteString, Optional<ByteString>> changes =
      new TreeMap<>(ByteString.unsignedLexicographicalComparator());

  public StateOverlay(StateReader base) {
    this.base = base;
  }

  @Override
  public Optional<ByteString> get(ByteString key) {
    Optional<ByteString> changed = changes.get(key);
    return changed != null ? changed : base.get(key);
  }

  public void put(ByteString key, ByteString value) {
    changes.put(key, Optional.of(value));
  }

  public void delete(ByteString key) {
    changes.put(key, Optional.empty());
  }

  /** The block's changes by key: a value to set, or empty to delete. */
  public Map<ByteString, Optional<ByteString>> changes() {
    return Collections.unmodifiableMap(changes);
  }
}
