package org.alliancechain.node.api;

import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls that stay open until something happens (a commit, a new block): the server ends them
 * itself when it shuts down, so graceful shutdown does not wait for a stream that never ends.
 */
final class OpenCalls {
  /** A call the server can end. */
  interface Call {
    /** Ends the call with {@code status}, unless it already ended. */
    void end(Status status);
  }

  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private volatile Status closedWith;

  /** Tracks {@code call}; false (and the call is ended) if the server is already closing. */
  boolean add(Call call) {
    calls.add(call);
    Status closed = closedWith;
    if (closed != null) {
      calls.remove(call);
      call.end(closed);
      return false;
    }
    return true;
  }

  void remove(Call call) {
    calls.remove(call);
  }

  /** Ends every open call, and every call added from now on, with {@code status}. */
  void endAll(Status status) {
    closedWith = status;
    for (Call call : calls) {
      calls.remove(call);
      call.end(status);
    }
  }

  int size() {
    return calls.size();
  }
}
