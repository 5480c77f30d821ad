package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateValueCacheTest {
  private static final byte[] KEY = {1, 2, 3};
  private static final byte[] OLD = {10};
  private static final byte[] NEW = {20};

  /** A store's latest-state column; counts reads and can run a commit in the middle of one. */
  private static final class FakeView implements KvView {
    final Map<String, byte[]> values = new HashMap<>();
    int reads;
    Runnable duringNextRead;

    @Override
    public byte[] get(Column column, byte[] key) {
      reads++;
      byte[] value = values.get(new String(key));
      if (duringNextRead != null) {
        Runnable commit = duringNextRead;
        duringNextRead = null;
        commit.run();
      }
      return value;
    }

    @Override
    public Entry first(Column column, byte[] fromInclusive, byte[] toExclusive) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void scan(Column column, byte[] fromInclusive, byte[] toExclusive, Visitor visitor) {
      throw new UnsupportedOperationException();
    }
  }

  private final FakeView view = new FakeView();
  private final StateValueCache cache = new StateValueCache(16);

  @Test
  void aRecordIsReadFromTheStoreOnceThenFromMemory() throws Exception {
    view.values.put(new String(KEY), OLD);
    assertThat(cache.read(view, KEY)).isEqualTo(OLD);
    assertThat(cache.read(view, KEY)).isEqualTo(OLD);
    assertThat(view.reads).isEqualTo(1);
  }

  @Test
  void anAbsentRecordIsRememberedAsAbsent() throws Exception {
    assertThat(cache.read(view, KEY)).isNull();
    assertThat(cache.read(view, KEY)).isNull();
    assertThat(view.reads).isEqualTo(1);
  }

  @Test
  void aCommitReplacesAndDeletesWhatItWrote() throws Exception {
    view.values.put(new String(KEY), OLD);
    cache.read(view, KEY);
    cache.committed(List.of(new StateValueCache.Written(KEY, NEW)));
    assertThat(cache.read(view, KEY)).isEqualTo(NEW);
    cache.committed(List.of(new StateValueCache.Written(KEY, null)));
    assertThat(cache.read(view, KEY)).isNull();
    assertThat(view.reads).isEqualTo(1);
  }

  @Test
  void aReadOvertakenByACommitDoesNotLeaveTheOlderRecordBehind() throws Exception {
    view.values.put(new String(KEY), OLD);
    view.duringNextRead = () -> {
      view.values.put(new String(KEY), NEW);
      cache.committed(List.of(new StateValueCache.Written(new byte[] {9}, NEW)));
    };
    assertThat(cache.read(view, KEY)).isEqualTo(OLD);
    assertThat(cache.read(view, KEY)).isEqualTo(NEW);
    assertThat(view.reads).isEqualTo(2);
  }

  @Test
  void leastRecentlyUsedRecordsLeaveFirst() throws Exception {
    StateValueCache small = new StateValueCache(2);
    for (byte i = 0; i < 3; i++) {
      view.values.put(new String(new byte[] {i}), new byte[] {i});
    }
    small.read(view, new byte[] {0});
    small.read(view, new byte[] {1});
    small.read(view, new byte[] {0});
    small.read(view, new byte[] {2});
    view.reads = 0;
    small.read(view, new byte[] {0});
    small.read(view, new byte[] {1});
    assertThat(view.reads).isEqualTo(1);
  }

  @Test
  void aClosedCacheSendsEveryReadToTheStore() throws Exception {
    view.values.put(new String(KEY), OLD);
    cache.read(view, KEY);
    cache.close();
    cache.read(view, KEY);
    assertThat(view.reads).isEqualTo(2);
  }
}
