package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.ConsensusParameters;

/** Builds a {@link SimCluster}: how many validators and observers, and who misbehaves how. */
public final class SimClusterBuilder {
  private final int validators;
  private long seed = 1;
  private int observers;
  private ConsensusParameters parameters = ConsensusParameters.forTests();
  private final Map<Integer, Misbehaviour> misbehaving = new TreeMap<>();
  private final Map<Integer, Long> diverging = new TreeMap<>();

  private SimClusterBuilder(int validators) {
    this.validators = validators;
  }

  public static SimClusterBuilder cluster(int validators) {
    return new SimClusterBuilder(validators);
  }

  public SimClusterBuilder seed(long value) {
    this.seed = value;
    return this;
  }

  public SimClusterBuilder observers(int count) {
    this.observers = count;
    return this;
  }

  public SimClusterBuilder parameters(ConsensusParameters value) {
    this.parameters = value;
    return this;
  }

  public SimClusterBuilder misbehaving(int validator, Misbehaviour misbehaviour) {
    misbehaving.put(validator, misbehaviour);
    return this;
  }

  /** Validator {@code validator}'s executor computes wrong state roots from {@code height} on. */
  public SimClusterBuilder divergentExecution(int validator, long height) {
    diverging.put(validator, height);
    return this;
  }

  public SimCluster build() {
    int twins = (int) misbehaving.values().stream().filter(m -> m == Misbehaviour.TWIN).count();
    SimCluster cluster = new SimCluster(seed, validators, parameters, validators + twins + observers);
    int endpoint = 0;
    List<int[]> twinPairs = new ArrayList<>();
    for (int index = 0; index < validators; index++) {
      Misbehaviour misbehaviour = misbehaving.getOrDefault(index, Misbehaviour.NONE);
      long divergeFrom = diverging.getOrDefault(index, Long.MAX_VALUE);
      cluster.addNode(new SimNode(cluster, endpoint, index, false, misbehaviour, divergeFrom));
      if (misbehaviour == Misbehaviour.TWIN) {
        cluster.addNode(new SimNode(cluster, endpoint + 1, index, false, misbehaviour, divergeFrom));
        twinPairs.add(new int[] {endpoint, endpoint + 1});
        endpoint++;
      }
      endpoint++;
    }
    for (int k = 0; k < observers; k++) {
      cluster.addNode(new SimNode(cluster, endpoint++, -1 - k, true, Misbehaviour.NONE,
          Long.MAX_VALUE));
    }
    for (int[] pair : twinPairs) {
      cluster.network().cut(pair[0], pair[1]);
      for (int other = 0; other < endpoint; other++) {
        if (other != pair[0] && other != pair[1]) {
          cluster.network().cut(other, pair[cluster.random().nextInt(2)]);
        }
      }
    }
    return cluster;
  }
}
