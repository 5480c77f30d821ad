package org.alliancechain.bench.api;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.node.logging.LogSetup;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitBatchResponse;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;

/**
 * The client side of {@link ApiThroughput}, in its own JVM so that the server's process CPU is
 * the server's alone. Reads pre-signed transactions (4-byte length, bytes) from a file, warms
 * up on the first tenth, prints {@code START}, runs the phase, prints {@code END <nanos>}.
 *
 * <p>Arguments: port, transactions file, phase (status | submit | batch), count, in flight.
 */
public final class ApiLoadClient {
  static final int BATCH = 100;
  private static final AtomicLong FAILURES = new AtomicLong();

  private ApiLoadClient() {}

  public static void main(String[] args) throws Exception {
    LogSetup.configure("warn", null, false);
    int port = Integer.parseInt(args[0]);
    List<ByteString> transactions = read(Path.of(args[1]));
    String phase = args[2];
    int count = Integer.parseInt(args[3]);
    int inFlight = Integer.parseInt(args[4]);
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port,
        InsecureChannelCredentials.create()).build();
    int warmUp = count / 10;
    run(channel, phase, transactions.subList(0, warmUp), inFlight);
    System.out.println("START");
    long started = System.nanoTime();
    run(channel, phase, transactions.subList(warmUp, warmUp + count), inFlight);
    System.out.println("END " + (System.nanoTime() - started));
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    if (FAILURES.get() > 0) {
      System.out.println("FAILED " + FAILURES.get());
      System.exit(1);
    }
  }

  private static List<ByteString> read(Path file) throws IOException {
    List<ByteString> out = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      while (in.available() > 0) {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        out.add(ByteString.copyFrom(bytes));
      }
    }
    return out;
  }

  private static void run(ManagedChannel channel, String phase, List<ByteString> transactions,
      int inFlight) throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    switch (phase) {
      case "status" -> {
        var stub = QueryServiceGrpc.newStub(channel);
        for (int i = 0; i < transactions.size(); i++) {
          window.acquire();
          stub.getStatus(GetStatusRequest.getDefaultInstance(), releasing(window));
        }
      }
      case "submit" -> {
        var stub = TransactionServiceGrpc.newStub(channel);
        for (ByteString transaction : transactions) {
          window.acquire();
          stub.submit(SubmitRequest.newBuilder().setTransaction(transaction).build(),
              releasing(window));
        }
      }
      case "batch" -> {
        var stub = TransactionServiceGrpc.newStub(channel);
        for (int from = 0; from < transactions.size(); from += BATCH) {
          window.acquire();
          stub.submitBatch(SubmitBatchRequest.newBuilder().addAllTransactions(transactions
              .subList(from, Math.min(transactions.size(), from + BATCH))).build(),
              releasing(window));
        }
      }
      default -> throw new IllegalArgumentException("unknown phase " + phase
          + ", expected status, submit or batch");
    }
    window.acquire(inFlight);
  }

  private static <T> StreamObserver<T> releasing(Semaphore window) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T response) {
        boolean refused = response instanceof SubmitResponse submitted
            && submitted.getTransactionId().isEmpty()
            || response instanceof SubmitBatchResponse batch
            && batch.getOutcomesList().stream().anyMatch(outcome -> !outcome.getAccepted());
        if (refused) {
          FAILURES.incrementAndGet();
        }
      }

      @Override
      public void onError(Throwable failure) {
        if (FAILURES.getAndIncrement() == 0) {
          System.err.printf(Locale.ROOT, "a call failed: %s%n", failure);
        }
        window.release();
      }

      @Override
      public void onCompleted() {
        window.release();
      }
    };
  }
}
