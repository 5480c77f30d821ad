package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any valid genesis content written as JSON reads back to equal records, and the bytes of a built
 * genesis are exactly its canonical JSON. Certificates are the committed examples (the JDK cannot
 * issue new ones); everything else is drawn from a seed (see {@link Seeds} to replay or run more).
 */
class GenesisRoundTripTest {
  private static final Genesis EXAMPLE = load();
  /** Quotes, backslashes, non-ASCII and a non-breaking space: what JSON escaping must get right. */
  private static final String NAME_CHARS = "Bank AZ\"\\/é中\u00a0";

  private static Genesis load() {
    try {
      return Genesis.load(ExampleFiles.GENESIS);
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A spec drawn from a seed; keys come from {@code keySeed} so a failing case replays exactly. */
  record Spec(String chainId, CryptoSuite suite, long timeOffsetSeconds, List<String> orgNames,
      int validatorCount, boolean observer, int clientCount, List<String> namespaceNames,
      long keySeed, ConsensusParams consensus) {}

  static LongStream seeds() {
    return Seeds.of(150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jsonRoundTrips(long seed) {
    Seeds.check(seed, () -> spec(new Draw(seed)), GenesisRoundTripTest::roundTrip);
  }

  private static void roundTrip(Spec spec) throws ConfigException {
    SecureRandom random = seeded(spec.keySeed());
    List<Organization> organizations = new ArrayList<>();
    for (int i = 0; i < EXAMPLE.organizations().size(); i++) {
      Organization example = EXAMPLE.organizations().get(i);
      organizations.add(new Organization(example.id(), spec.orgNames().get(i), example.caCertificate(),
          List.of(key(spec.suite(), random), key(spec.suite(), random))));
    }
    GenesisBuilder builder = new GenesisBuilder(spec.chainId(), spec.suite(), genesisTime(spec.timeOffsetSeconds()))
        .consensus(spec.consensus());
    organizations.forEach(builder::organization);
    List<NodeIdentity> validators = new ArrayList<>();
    for (int i = 0; i < spec.validatorCount(); i++) {
      NodeIdentity example = EXAMPLE.validators().get(i);
      validators.add(new NodeIdentity(example.id(), example.organization(), key(spec.suite(), random),
          example.tlsCertificate()));
    }
    validators.forEach(builder::validator);
    List<NodeIdentity> observers = new ArrayList<>();
    if (spec.observer()) {
      NodeIdentity example = EXAMPLE.observers().get(0);
      observers.add(new NodeIdentity(example.id(), example.organization(), key(spec.suite(), random),
          example.tlsCertificate()));
    }
    observers.forEach(builder::observer);
    List<ClientIdentity> clients = new ArrayList<>();
    for (int i = 0; i < spec.clientCount(); i++) {
      clients.add(new ClientIdentity(key(spec.suite(), random), organizations.get(i % organizations.size()).id()));
    }
    clients.forEach(builder::client);
    List<Namespace> namespaces = new ArrayList<>();
    for (String name : spec.namespaceNames()) {
      String owner = organizations.get(name.length() % organizations.size()).id();
      namespaces.add(new Namespace(name, owner,
          name.length() % 2 == 0 ? List.of() : List.of(key(spec.suite(), random))));
    }
    namespaces.forEach(builder::namespace);

    Genesis built = builder.build();
    assertThat(built.chainId()).isEqualTo(spec.chainId());
    assertThat(built.suite()).isEqualTo(spec.suite());
    assertThat(built.organizations()).isEqualTo(organizations);
    assertThat(built.validators()).isEqualTo(validators);
    assertThat(built.observers()).isEqualTo(observers);
    assertThat(built.clients()).isEqualTo(clients);
    assertThat(built.namespaces()).isEqualTo(namespaces);
    assertThat(built.consensus()).isEqualTo(spec.consensus());
    assertThat(built.genesisTime()).isEqualTo(genesisTime(spec.timeOffsetSeconds()));
    assertThat(built.toJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(built.bytes());
    assertThat(Genesis.parse(built.toJson().getBytes(StandardCharsets.UTF_8), "genesis.json")).isEqualTo(built);
  }

  /** A key of the suite: mostly its default scheme, sometimes ECDSA P-256 on intl (object form). */
  private static PublicKey key(CryptoSuite suite, SecureRandom random) {
    SignatureScheme scheme = suite == CryptoSuite.INTL && random.nextInt(4) == 0
        ? SignatureScheme.ECDSA_P256 : suite.defaultScheme();
    return SigningKey.generate(scheme, random).publicKey();
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed); // seeded before first use: a repeatable stream
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A time at which every example certificate is valid. */
  private static Instant genesisTime(long offsetSeconds) {
    return EXAMPLE.genesisTime().plusSeconds(offsetSeconds);
  }

  private static Spec spec(Draw draw) {
    List<String> orgNames = new ArrayList<>();
    for (int i = 0; i < EXAMPLE.organizations().size(); i++) {
      orgNames.add(draw.until(() -> draw.string(NAME_CHARS, 1, 40), name -> !name.isBlank()));
    }
    return new Spec(id(draw), draw.oneOf(CryptoSuite.class), draw.between(0, validForSeconds()), orgNames,
        draw.between(1, 4), draw.bool(), draw.between(0, 3), draw.uniqueList(0, 3, () -> id(draw)),
        draw.anyLong(), consensus(draw));
  }

  private static String id(Draw draw) {
    return draw.string("abz09._-", 1, 64);
  }

  private static long validForSeconds() {
    Instant end = Instant.MAX;
    for (NodeIdentity node : EXAMPLE.validators()) {
      X509Certificate tls = node.tlsCertificate();
      end = end.isBefore(tls.getNotAfter().toInstant()) ? end : tls.getNotAfter().toInstant();
    }
    return end.getEpochSecond() - EXAMPLE.genesisTime().getEpochSecond() - 1;
  }

  private static ConsensusParams consensus(Draw draw) {
    int blockBytes = draw.between(16 * 1024, 128 * 1024 * 1024);
    return new ConsensusParams(draw.between(1, 16), draw.between(1, 1_000_000), draw.between(1, 1_000_000),
        blockBytes, Math.min(blockBytes, draw.between(256, 16 * 1024 * 1024)), draw.between(1, 1_000_000));
  }
}
