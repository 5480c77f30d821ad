package org.alliancechain.node.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Chooses listen ports for a generated network. */
@FunctionalInterface
public interface PortAllocator {
  int next();

  /** Consecutive ports from {@code base}: predictable, for files people read and edit. */
  static PortAllocator sequential(int base) {
    int[] next = {base};
    return () -> next[0]++;
  }

  /**
   * Ports the kernel reports free on 127.0.0.1 right now (never the same one twice): for tests
   * and for a local network that must not collide with whatever else runs on the machine.
   */
  static PortAllocator free() {
    Set<Integer> handedOut = new HashSet<>();
    return () -> {
      for (int attempt = 0; attempt < 100; attempt++) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          int port = socket.getLocalPort();
          if (handedOut.add(port)) {
            return port;
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
      }
      throw new IllegalStateException("no new free port on 127.0.0.1 after 100 attempts");
    };
  }
}
