package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.StreamBlocksRequest;
import org.junit.jupiter.api.Test;

class BlockStreamTest extends ApiTestBase {
  @Test
  void storedBlocksThenLiveOnesComeWithoutGapsOrDuplicates() throws Exception {
    chain.commitEmptyUpTo(5);
    Collector collector = new Collector(Long.MAX_VALUE);
    QueryServiceGrpc.newStub(channel).streamBlocks(from(1), collector);

    Thread committer = commitInBackground(6, 60);
    committer.join();

    awaitTrue("height 60 is streamed", () -> collector.last() == 60);
    assertThat(collector.heights()).containsExactlyElementsOf(range(1, 60));
    for (BlockEvent event : collector.events) {
      byte[] header = event.getBlock().getBlock().getHeader().toByteArray();
      assertThat(event.getHash().toByteArray()).isEqualTo(chain.rules.hash().digest(header));
      assertThat(event.getBlock().getCertificate().getHeight())
          .isEqualTo(BlockHeader.parseFrom(header).getHeight());
      assertThat(event.getResultsCount())
          .isEqualTo(event.getBlock().getBlock().getTransactionsCount());
    }
  }

  @Test
  void aClientThatReconnectsFromTheNextHeightMissesNothing() throws Exception {
    chain.commitEmptyUpTo(3);
    Thread committer = commitInBackground(4, 80);
    Collector first = new Collector(15);
    QueryServiceGrpc.newStub(channel).streamBlocks(from(1), first);
    awaitTrue("the first stream is cancelled", first::cancelled);

    Collector second = new Collector(Long.MAX_VALUE);
    QueryServiceGrpc.newStub(channel).streamBlocks(from(first.last() + 1), second);
    committer.join();
    awaitTrue("height 80 is streamed", () -> second.last() == 80);

    List<Long> all = new ArrayList<>(first.heights());
    all.addAll(second.heights());
    assertThat(first.heights()).hasSize(15);
    assertThat(all).containsExactlyElementsOf(range(1, 80));
  }

  @Test
  void aCancelledStreamStopsListeningForBlocks() throws Exception {
    Collector collector = new Collector(2);
    QueryServiceGrpc.newStub(channel).streamBlocks(from(1), collector);
    awaitTrue("the stream listens", () -> node.blockListeners() == 1);

    chain.commitEmptyUpTo(3);

    awaitTrue("the listener is removed", () -> node.blockListeners() == 0);
    assertThat(collector.heights()).containsExactly(1L, 2L);
  }

  @Test
  void aClientThatDoesNotReadHoldsTheNodeAtItsFlowControlWindow() throws Exception {
    for (int height = 1; height <= 40; height++) {
      chain.commit(List.of(bigPut(height + "a"), bigPut(height + "b")));
    }
    CountingStorage counting = new CountingStorage(chain.storage);
    node.storage = counting;
    try (ApiServer counted = new ApiServer(node, settings()).start()) {
      ManagedChannel small = NettyChannelBuilder.forAddress(counted.publicAddress())
          .usePlaintext().initialFlowControlWindow(64 * 1024).build();
      try {
        Collector slow = new Collector(Long.MAX_VALUE, 1);
        QueryServiceGrpc.newStub(small).streamBlocks(from(1), slow);
        awaitTrue("the first block arrives", () -> slow.last() == 1);
        // Give the server time to run ahead if it would; it must stop at the window.
        Thread.sleep(300);
        int readWhileStalled = counting.blocksRead.get();

        slow.requestAll();
        awaitTrue("all 40 blocks arrive", () -> slow.last() == 40);

        assertThat(readWhileStalled).as("blocks read while the client read none")
            .isBetween(1, 8);
        assertThat(slow.heights()).containsExactlyElementsOf(range(1, 40));
      } finally {
        small.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private byte[] bigPut(String key) {
    return TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client, "trade", key,
        "x".repeat(30_000));
  }

  private Thread commitInBackground(long fromHeight, long toHeight) {
    Thread thread = new Thread(() -> {
      try {
        for (long height = fromHeight; height <= toHeight; height++) {
          chain.commit(List.of(TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client,
              "trade", "k" + height, "v")));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "committer");
    thread.start();
    return thread;
  }

  private static StreamBlocksRequest from(long height) {
    return StreamBlocksRequest.newBuilder().setFromHeight(height).build();
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }

  /** Receives a stream; cancels it after {@code keep} blocks, and reads on demand if asked. */
  private static final class Collector
      implements ClientResponseObserver<StreamBlocksRequest, BlockEvent> {
    final List<BlockEvent> events = new CopyOnWriteArrayList<>();
    private final long keep;
    private final int initialRequest;
    private final AtomicReference<ClientCallStreamObserver<StreamBlocksRequest>> call =
        new AtomicReference<>();
    private volatile boolean cancelled;

    Collector(long keep) {
      this(keep, -1);
    }

    Collector(long keep, int initialRequest) {
      this.keep = keep;
      this.initialRequest = initialRequest;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamBlocksRequest> requestStream) {
      call.set(requestStream);
      if (initialRequest >= 0) {
        requestStream.disableAutoRequestWithInitial(initialRequest);
      }
    }

    void requestAll() {
      call.get().request(Integer.MAX_VALUE);
    }

    @Override
    public void onNext(BlockEvent event) {
      if (cancelled) {
        return;
      }
      events.add(event);
      if (events.size() >= keep) {
        cancelled = true;
        call.get().cancel("the test has what it needs", null);
      }
    }

    @Override
    public void onError(Throwable failure) {}

    @Override
    public void onCompleted() {}

    boolean cancelled() {
      return cancelled;
    }

    List<Long> heights() {
      return events.stream().map(e -> e.getBlock().getCertificate().getHeight()).toList();
    }

    long last() {
      List<Long> heights = heights();
      return heights.isEmpty() ? 0 : heights.get(heights.size() - 1);
    }
  }
}
