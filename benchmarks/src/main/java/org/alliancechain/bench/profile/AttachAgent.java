package org.alliancechain.bench.profile;

import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native JVMTI agent into a running JVM with its options passed verbatim. Used to
 * start and stop async-profiler in a running validator (docs/performance.md, "Profiling a
 * validator"): {@code jcmd <pid> JVMTI.agent_load} splits agent options at '=', which
 * async-profiler's {@code event=cpu,file=...} needs intact.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.alliancechain.bench.profile.AttachAgent <pid>
 * <absolute path of the agent .so> <options>}
 */
public final class AttachAgent {
  private AttachAgent() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: AttachAgent <pid> <absolute path of the agent library> <options>"
          + "\n  e.g. AttachAgent 4242 /tmp/ap/linux-x64/libasyncProfiler.so"
          + " start,event=cpu,interval=1ms,threads");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
