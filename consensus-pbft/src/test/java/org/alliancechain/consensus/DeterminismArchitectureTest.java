package org.alliancechain.consensus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replica must be a deterministic step function: nothing in the module's production code
 * may start threads, read clocks, touch files or sockets, log, or draw randomness. This is what makes a simulator seed replay exactly.
 */
class DeterminismArchitectureTest {
  private final JavaClasses production = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.alliancechain.consensus");

  @Test
  void noThreadsClocksIoLoggingOrRandomness() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.util.concurrent..", "java.time..", "java.net..", "java.nio.file..",
            "java.nio.channels..", "java.util.logging..", "org.slf4j..", "io.netty..",
            "org.rocksdb..")
        .because("consensus-pbft is a deterministic state machine; the host does all I/O")
        .check(production);
    noClasses().should().dependOnClassesThat().belongToAnyOf(Thread.class, Random.class, SecureRandom.class, File.class, FileInputStream.class,
            FileOutputStream.class, PrintStream.class)
        .because("threads, randomness and files would make runs unrepeatable")
        .check(production);
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random")
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .because("time is an input (TimerFired), and nothing is printed")
        .check(production);
  }
}
