package org.alliancechain.consensus.sim;

import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.SignedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "debug.seed", matches = "\\d+")
class DebugSeed {
  @Test
  void debug() {
    long seed = Long.getLong("debug.seed");
    int n = Integer.getInteger("debug.validators", 4);
    long maxHeight = Long.getLong("debug.height", 2);
    FaultPlan plan = FaultPlan.random(seed, n, true);
    Checkers.tracer = (node, envelope) -> {
      SignedMessage signed = Misbehaviour.decode(envelope).message();
      ConsensusMessage m = signed.message();
      if (m.height() <= maxHeight || m instanceof ConsensusMessage.ViewChange
          || m instanceof ConsensusMessage.NewView) {
        System.out.println("t=" + node.cluster.scheduler().nowMs() + " " + node + " sends " + m);
      }
    };
    if (Boolean.getBoolean("debug.quiet")) {
      Checkers.tracer = null;
    }
    Simulation.Result result = Simulation.run(plan);
    System.out.println(result.describe());
    for (SimNode node : Simulation.lastCluster.nodes()) {
      System.out.println(node + " up=" + node.up() + " height=" + node.storage().height()
          + (node.replica() == null ? "" : " " + node.replica().status()));
    }
  }
}
