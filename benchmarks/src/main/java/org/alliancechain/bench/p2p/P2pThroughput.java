package org.alliancechain.bench.p2p;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.alliancechain.p2p.ChainIdentity;
import org.alliancechain.p2p.Membership;
import org.alliancechain.p2p.P2pSettings;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.PeerListener;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.QueueLimit;
import org.alliancechain.p2p.QueuePolicy;
import org.alliancechain.p2p.SendResult;
import org.alliancechain.p2p.TlsProvider;

/**
 * Messages per second and MB/s from one node to another over TLS 1.3 on loopback, for 200-byte
 * and 64 KiB payloads, plus the round trip of a 200-byte message. Both nodes run in this JVM
 * with one event-loop thread each; one thread sends as fast as the bounded queue accepts
 * (policy REFUSE, so nothing is lost and the sender backs off when it is full).
 *
 * <pre>
 * ./mvnw -q -Pbench -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar \
 *     org.alliancechain.bench.p2p.P2pThroughput [JDK|OPENSSL] [seconds]
 * </pre>
 * OPENSSL uses netty-tcnative-boringssl-static, which p2p brings for linux-x86_64.
 */
public final class P2pThroughput {
  private static final ChainIdentity CHAIN = new ChainIdentity("bench", new byte[32]);

  private P2pThroughput() {}

  public static void main(String[] args) throws Exception {
    TlsProvider provider = args.length > 0 ? TlsProvider.valueOf(args[0]) : TlsProvider.JDK;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    BenchPki pki = new BenchPki();
    Receiver receiver = new Receiver();
    try (PeerNetwork second = start(pki.second, pki, List.of(), provider, receiver)) {
      PeerAddress target = new PeerAddress("bench-2", "127.0.0.1", second.listenPort());
      try (PeerNetwork first = start(pki.first, pki, List.of(target), provider, receiver)) {
        receiver.echoer.set(second);
        if (!receiver.linked.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the two nodes did not link within 10 s");
        }
        System.out.printf(Locale.ROOT, "p2p over TLS 1.3 (%s), loopback, %d s per size, %d cores%n",
            provider, seconds, Runtime.getRuntime().availableProcessors());
        for (int size : new int[] {200, 64 * 1024}) {
          throughput(first, receiver, size, Math.max(2, seconds / 3));
          throughput(first, receiver, size, seconds).print(size);
        }
        roundTrips(first, receiver, 2_000);
        roundTrips(first, receiver, 10_000).print();
      }
    }
  }

  private static PeerNetwork start(org.alliancechain.p2p.TlsIdentity identity, BenchPki pki,
      List<PeerAddress> peers, TlsProvider provider, PeerListener listener) throws Exception {
    QueueLimit refuse = new QueueLimit(4096, 256L << 20, QueuePolicy.REFUSE);
    P2pSettings settings = P2pSettings.defaults("127.0.0.1", 0, peers)
        .withQueueLimits(Map.of(PeerChannel.CONSENSUS, refuse, PeerChannel.TRANSACTIONS, refuse,
            PeerChannel.BLOCK_SYNC, refuse))
        .withTlsProvider(provider).withIoThreads(1);
    PeerNetwork network = PeerNetwork.create(settings, identity, CHAIN,
        Membership.fixed(pki.membership), () -> 0L, listener);
    network.start();
    return network;
  }

  /**
   * Figures of one measured window. CPU time is the whole process's (both nodes, the sender),
   * so the cost per message holds even when other processes share the machine.
   */
  private record Throughput(long messages, long payloadBytes, long nanos, long cpuNanos) {
    void print(int size) {
      double perSecond = messages * 1e9 / nanos;
      System.out.printf(Locale.ROOT, "payload %6d B: %,12.0f messages/s  %9.1f MB/s"
          + "  %8.2f CPU us/message  (%.2f of %d cores busy)%n",
          size, perSecond, payloadBytes * 1e9 / nanos / 1e6, cpuNanos / 1e3 / messages,
          (double) cpuNanos / nanos, Runtime.getRuntime().availableProcessors());
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Throughput throughput(PeerNetwork first, Receiver receiver, int size,
      int seconds) {
    byte[] payload = new byte[size];
    long messagesBefore = receiver.messages.sum();
    long bytesBefore = receiver.bytes.sum();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      SendResult result = first.send("bench-2", PeerChannel.TRANSACTIONS, payload);
      if (result == SendResult.REFUSED_QUEUE_FULL) {
        LockSupport.parkNanos(20_000);
      } else if (result != SendResult.ACCEPTED) {
        throw new IllegalStateException("send failed: " + result);
      }
    }
    long nanos = System.nanoTime() - start;
    return new Throughput(receiver.messages.sum() - messagesBefore,
        receiver.bytes.sum() - bytesBefore, nanos, processCpuNanos() - cpuStart);
  }

  /** Round-trip figures in microseconds. */
  private record RoundTrips(long[] micros) {
    void print() {
      Arrays.sort(micros);
      System.out.printf(Locale.ROOT, "round trip 200 B (send, echo back): p50 %d us, p99 %d us,"
          + " max %d us over %d%n", micros[micros.length / 2],
          micros[(int) (micros.length * 0.99)], micros[micros.length - 1], micros.length);
    }
  }

  private static RoundTrips roundTrips(PeerNetwork first, Receiver receiver, int count)
      throws InterruptedException {
    long[] micros = new long[count];
    byte[] payload = new byte[200];
    for (int i = 0; i < count; i++) {
      CountDownLatch echoed = new CountDownLatch(1);
      receiver.echoArrived.set(echoed);
      long start = System.nanoTime();
      first.send("bench-2", PeerChannel.CONSENSUS, payload);
      if (!echoed.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no echo within 5 s");
      }
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    return new RoundTrips(micros);
  }

  /**
   * Both nodes' listener: counts what bench-2 receives on TRANSACTIONS, echoes CONSENSUS
   * messages back from bench-2 to bench-1, and releases the waiting sender on the echo.
   */
  private static final class Receiver implements PeerListener {
    final LongAdder messages = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final CountDownLatch linked = new CountDownLatch(1);
    final AtomicReference<PeerNetwork> echoer = new AtomicReference<>();
    final AtomicReference<CountDownLatch> echoArrived = new AtomicReference<>();

    @Override
    public void onMessage(String peerId, PeerChannel channel, byte[] payload) {
      if (channel == PeerChannel.TRANSACTIONS) {
        messages.increment();
        bytes.add(payload.length);
      } else if (peerId.equals("bench-1")) {
        echoer.get().send("bench-1", PeerChannel.CONSENSUS, payload);
      } else {
        echoArrived.get().countDown();
      }
    }

    @Override
    public void onConnected(org.alliancechain.p2p.ConnectedPeer peer) {
      linked.countDown();
    }
  }
}
