package org.alliancechain.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries (README, Modules), checked on the compiled p2p classes. */
class ModuleBoundaryTest {
  private static final JavaClasses P2P = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.alliancechain.p2p");

  @Test
  void p2pUsesCryptoOnlyThroughItsJdkTypedApi() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
        .because("only crypto touches BouncyCastle").check(P2P);
  }

  @Test
  void p2pKnowsNothingOfConsensusStorageConfigOrGrpc() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
        "org.alliancechain.consensus..", "org.alliancechain.storage..",
        "org.alliancechain.config..", "org.alliancechain.node..", "org.rocksdb..", "io.grpc..")
        .because("p2p routes opaque payloads; the node maps its config to P2pSettings")
        .check(P2P);
  }

  @Test
  void onlyTheFrameCodecEdgesTouchGeneratedProtobufTypes() {
    noClasses().that().haveNameNotMatching("org\\.alliancechain\\.p2p\\."
            + "(FrameCodec|FrameDecoder|FrameEncoder|InboundFrame|HandshakeHandler|SessionHandler"
            + "|PeerSession)(\\$.*)?")
        .should().dependOnClassesThat().resideInAPackage("org.alliancechain.proto..")
        .because("generated classes stay at the codec edges").check(P2P);
  }
}
