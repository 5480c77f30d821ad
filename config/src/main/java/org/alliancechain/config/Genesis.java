package org.alliancechain.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliancechain.crypto.CryptoSuite;

/**
 * The chain's genesis, read from {@code genesis.json}: chain id, crypto suite, member
 * organizations, validators and observers, initial clients and namespaces, and the consensus
 * parameters every validator must agree on.
 *
 * <p>The genesis hash is the suite hash of the exact file bytes (docs/adr/0020), so the bytes are
 * kept. This is a class rather than a record so that no one can pair content with bytes that do
 * not encode it: a Genesis comes only from {@link #parse}, {@link #load} or {@link GenesisBuilder}.
 * Two are equal when content and bytes are equal, that is when they define the same chain.
 */
public final class Genesis {
  /** The conventional file name, and the name problems use when the genesis has no file. */
  public static final String FILE_NAME = "genesis.json";

  private final GenesisFields fields;
  private final byte[] bytes;

  private Genesis(GenesisFields fields, byte[] bytes) {
    this.fields = fields;
    this.bytes = bytes;
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws ConfigException listing every problem: a missing file (with the path tried), a JSON
   *     syntax error (with line and column), or each bad, missing or unknown key
   */
  public static Genesis load(Path file) throws ConfigException {
    return parse(ConfigFiles.read(file), file.toString());
  }

  /**
   * Parses and validates genesis.json bytes.
   *
   * @param file the name problems give the file
   */
  public static Genesis parse(byte[] bytes, String file) throws ConfigException {
    byte[] copy = bytes.clone();
    ConfigFiles.utf8(copy, file);
    Problems problems = new Problems(file);
    GenesisFields fields = new GenesisParser(problems).parse(ConfigFiles.parseJson(copy, file));
    problems.throwIfAny();
    return new Genesis(fields, copy);
  }

  /** The genesis of {@code fields} encoded by the writer; validated like a file. */
  static Genesis create(GenesisFields fields) throws ConfigException {
    return parse(GenesisWriter.write(fields).getBytes(StandardCharsets.UTF_8), FILE_NAME);
  }

  public String chainId() {
    return fields.chainId();
  }

  public CryptoSuite suite() {
    return fields.suite();
  }

  public Instant genesisTime() {
    return fields.genesisTime();
  }

  public List<Organization> organizations() {
    return fields.organizations();
  }

  public List<NodeIdentity> validators() {
    return fields.validators();
  }

  public List<NodeIdentity> observers() {
    return fields.observers();
  }

  public List<ClientIdentity> clients() {
    return fields.clients();
  }

  public List<Namespace> namespaces() {
    return fields.namespaces();
  }

  public ConsensusParams consensus() {
    return fields.consensus();
  }

  /** A copy of the exact file bytes; write these, not {@link #toJson()}, to hand the chain on. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The suite hash of the file bytes: what identifies this chain's genesis. */
  public byte[] genesisHash() {
    return fields.suite().hash().digest(bytes);
  }

  public String genesisHashHex() {
    return HexFormat.of().formatHex(genesisHash());
  }

  /** The validator or observer with {@code id}. */
  public Optional<NodeIdentity> node(String id) {
    return Stream.concat(validators().stream(), observers().stream())
        .filter(node -> node.id().equals(id)).findFirst();
  }

  public boolean isValidator(String id) {
    return validators().stream().anyMatch(node -> node.id().equals(id));
  }

  public Optional<Organization> organization(String id) {
    return organizations().stream().filter(org -> org.id().equals(id)).findFirst();
  }

  /**
   * The content in the writer's canonical form. Equal to {@link #bytes()} for a genesis made by
   * {@link GenesisBuilder}; a hand-written file may differ in layout, and then so would its hash.
   */
  public String toJson() {
    return GenesisWriter.write(fields);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Genesis that && fields.equals(that.fields) && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "Genesis[chainId=" + chainId() + ", suite=" + suite().id() + ", validators="
        + validators().size() + ", observers=" + observers().size() + ", hash=" + genesisHashHex() + "]";
  }
}
