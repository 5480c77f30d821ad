package org.alliancechain.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries (README, Modules), checked over the production classes of every
 * module: each library stays in the one module that owns it, and the consensus core stays pure.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.alliancechain");
  }

  @Test
  void importsTheClassesOfEveryModule() {
    // The rules below mean something only if the modules' classes are really imported.
    for (String name : new String[] {"org.alliancechain.crypto.SigningKey",
        "org.alliancechain.storage.Storage", "org.alliancechain.p2p.PeerStatus",
        "org.alliancechain.consensus.Replica", "org.alliancechain.node.runtime.Node",
        "org.alliancechain.config.Genesis", "org.alliancechain.cli.Alliance"}) {
      assertThat(classes.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void onlyCryptoTouchesBouncyCastle() {
    noClasses().that().resideOutsideOfPackage("org.alliancechain.crypto..")
        .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
        .because("BouncyCastle stays in crypto (README, Modules)")
        .check(classes);
  }

  @Test
  void onlyStorageTouchesRocksDb() {
    noClasses().that().resideOutsideOfPackage("org.alliancechain.storage..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .because("RocksDB stays in storage (README, Modules)")
        .check(classes);
  }

  @Test
  void onlyTheThreadPriorityClassCallsNativeCode() {
    noClasses().that().resideOutsideOfPackage("org.alliancechain.node.threads..")
        .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
        .because("JNA serves one purpose, lowering the priority of bulk threads (ADR 0065)")
        .check(classes);
  }

  @Test
  void consensusHasNoNetworkStorageOrCryptoLibrary() {
    noClasses().that().resideInAPackage("org.alliancechain.consensus..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.grpc..",
            "org.rocksdb..", "org.bouncycastle..")
        .because("the PBFT core is a deterministic state machine without I/O")
        .check(classes);
  }

  @Test
  void onlyP2pUsesNettySockets() {
    noClasses().that().resideOutsideOfPackage("org.alliancechain.p2p..")
        .should().dependOnClassesThat().resideInAPackage("io.netty..")
        .because("Netty's sockets are p2p's; gRPC brings its own shaded Netty"
            + " (io.grpc.netty.shaded), which the API server may use")
        .check(classes);
  }
}
