package org.alliancechain.crypto;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies many signatures on all cores: the node's hottest path, since every validator checks
 * every transaction signature once. One task per worker is handed to the executor (the costly
 * part: waking a thread); each worker then claims chunks of the batch from a shared counter
 * until none are left, so a chunk costs only an atomic increment. Chunks are small (about
 * {@value #CHUNKS_PER_WORKER} per worker, at least {@value #CHUNK_ITEMS_MIN} items) so that a
 * worker descheduled by a busy machine holds the batch back by one short chunk at most.
 * {@link #verify} also works in the calling thread, so it finishes even when the executor is
 * saturated or single-threaded.
 *
 * <p>Thread-safe; one instance serves any number of concurrent batches.
 */
public final class BatchVerifier {
  /** Below this many items a chunk is not worth the shared counter's cache traffic. */
  static final int CHUNK_ITEMS_MIN = 8;
  /** Chunks per worker: many, so the last chunk to finish is short. */
  static final int CHUNKS_PER_WORKER = 16;

  /**
   * One signature to check: {@code signature} by {@code key} over {@code payload}, framed for
   * {@code domain}.
   */
  public record Item(PublicKey key, SigningDomain domain, byte[] payload, byte[] signature) {
    /** The arrays are not copied (this is the hot path): do not change them while verifying. */
    public Item {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(signature, "signature");
    }
  }

  private final Executor executor;
  private final int parallelism;

  private BatchVerifier(Executor executor, int parallelism) {
    this.executor = executor;
    this.parallelism = parallelism;
  }

  /** The process-wide verifier: a pool of daemon threads, one per available processor. */
  public static BatchVerifier shared() {
    return SharedPool.INSTANCE;
  }

  /**
   * A verifier that runs on {@code executor} with up to {@code parallelism} chunks in flight at
   * once (the calling thread of {@link #verify} counts as one).
   */
  public static BatchVerifier using(Executor executor, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    return new BatchVerifier(Objects.requireNonNull(executor, "executor"), parallelism);
  }

  public int parallelism() {
    return parallelism;
  }

  /** Verifies every item, using the calling thread and the pool; blocks until all are checked. */
  public BatchResult verify(List<Item> items) {
    Job job = new Job(List.copyOf(items), chunkItems(items.size()));
    startHelpers(job, Math.min(parallelism, job.chunkCount) - 1);
    job.runChunks();
    return job.done.join();
  }

  /**
   * Verifies every item on the executor, leaving the calling thread free (an I/O thread, say);
   * the future completes when all are checked. Should the executor refuse every task, the
   * calling thread does the work before returning.
   */
  public CompletableFuture<BatchResult> verifyAsync(List<Item> items) {
    Job job = new Job(List.copyOf(items), chunkItems(items.size()));
    int started = startHelpers(job, Math.min(parallelism, job.chunkCount));
    if (started == 0) {
      job.runChunks();
    }
    return job.done;
  }

  /** Items per chunk: about {@value #CHUNKS_PER_WORKER} chunks per worker, never tiny. */
  int chunkItems(int itemCount) {
    int perChunk = ceilDiv(itemCount, parallelism * CHUNKS_PER_WORKER);
    return Math.max(CHUNK_ITEMS_MIN, perChunk);
  }

  private int startHelpers(Job job, int helpers) {
    int started = 0;
    for (int i = 0; i < helpers; i++) {
      try {
        executor.execute(job::runChunks);
        started++;
      } catch (RejectedExecutionException e) {
        // A saturated pool only costs speed: the caller or the helpers already started take the
        // chunks this helper would have taken.
        break;
      }
    }
    return started;
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (dividend + divisor - 1) / divisor;
  }

  /** One batch in progress: chunks are claimed from {@code nextChunk} by whoever is free. */
  private static final class Job {
    final List<Item> items;
    final boolean[] valid;
    final int chunkItems;
    final int chunkCount;
    final AtomicInteger nextChunk = new AtomicInteger();
    final AtomicInteger chunksLeft;
    final CompletableFuture<BatchResult> done = new CompletableFuture<>();

    Job(List<Item> items, int chunkItems) {
      this.items = items;
      this.valid = new boolean[items.size()];
      this.chunkItems = chunkItems;
      this.chunkCount = ceilDiv(items.size(), chunkItems);
      this.chunksLeft = new AtomicInteger(chunkCount);
      if (chunkCount == 0) {
        done.complete(new BatchResult(valid));
      }
    }

    void runChunks() {
      int chunk;
      while ((chunk = nextChunk.getAndIncrement()) < chunkCount) {
        try {
          int end = Math.min(items.size(), (chunk + 1) * chunkItems);
          for (int i = chunk * chunkItems; i < end; i++) {
            Item item = items.get(i);
            valid[i] = item.key().verify(item.domain(), item.payload(), item.signature());
          }
        } catch (Throwable t) {
          // PublicKey.verify never throws; this is an Error such as OutOfMemoryError. Fail the
          // batch rather than leave its waiters hanging.
          done.completeExceptionally(t);
          throw t;
        }
        // The atomic decrement orders every chunk's writes to valid[] before the completion.
        if (chunksLeft.decrementAndGet() == 0) {
          done.complete(new BatchResult(valid));
        }
      }
    }
  }

  private static final class SharedPool {
    static final BatchVerifier INSTANCE = create();

    private static BatchVerifier create() {
      int threads = Runtime.getRuntime().availableProcessors();
      AtomicInteger counter = new AtomicInteger();
      ThreadFactory factory = runnable -> {
        Thread thread = new Thread(runnable, "alliance-verify-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
      ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
      return new BatchVerifier(pool, threads);
    }
  }
}
