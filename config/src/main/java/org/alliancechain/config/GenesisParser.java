package org.alliancechain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.PublicKey;

/**
 * Turns the parsed genesis.json tree into {@link GenesisFields}. Each entry is first read into a
 * draft whose parts may be missing (a bad part is reported and left out), the cross-entry rules of
 * {@link GenesisRules} run over the drafts, and the records are built only if nothing was wrong.
 */
final class GenesisParser {
  private static final List<String> TOP_KEYS = List.of("chainId", "suite", "genesisTime", "organizations",
      "validators", "observers", "clients", "namespaces", "consensus");
  private static final List<String> ORG_KEYS = List.of("id", "name", "caCertificate", "admins");
  private static final List<String> NODE_KEYS = List.of("id", "organization", "publicKey", "tlsCertificate");
  private static final List<String> CLIENT_KEYS = List.of("publicKey", "organization");
  private static final List<String> NAMESPACE_KEYS = List.of("name", "owner", "writers");
  private static final List<String> CONSENSUS_KEYS = List.of("window", "checkpointInterval",
      "maxBlockTransactions", "maxBlockBytes", "maxTransactionBytes", "transactionLifetimeBlocks");
  private static final Pattern RFC_3339 = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final int NAME_LENGTH_MAX = 256;

  record OrgDraft(String field, String id, String name, X509Certificate ca, List<PublicKey> admins) {}

  record NodeDraft(String field, String id, String organization, PublicKey publicKey, X509Certificate tls) {}

  record ClientDraft(String field, PublicKey publicKey, String organization) {}

  record NamespaceDraft(String field, String name, String owner, List<PublicKey> writers) {}

  private final Problems problems;
  private CryptoSuite suite;
  private Instant genesisTime;

  GenesisParser(Problems problems) {
    this.problems = problems;
  }

  /** The content of the tree, or {@code null} when a problem was reported. */
  GenesisFields parse(JsonNode tree) {
    TreeReader root = TreeReader.root(tree, problems, Syntax.JSON);
    root.allowOnly(TOP_KEYS);
    String chainId = root.requiredText("chainId", "the chain id (" + Ids.RULE + ")");
    Ids.check(problems, "chainId", chainId);
    suite = suite(root);
    genesisTime = time(root);
    List<OrgDraft> organizations = organizations(root);
    requireNonEmpty(root, "validators", "at least one validator");
    List<NodeDraft> validators = nodes(root, "validators");
    List<NodeDraft> observers = nodes(root, "observers");
    List<ClientDraft> clients = clients(root);
    List<NamespaceDraft> namespaces = namespaces(root);
    ConsensusParams consensus = consensus(root.table("consensus"));
    new GenesisRules(problems).check(organizations, validators, observers, clients, namespaces);
    if (!problems.isEmpty()) {
      return null;
    }
    return new GenesisFields(chainId, suite, genesisTime,
        organizations.stream().map(o -> new Organization(o.id(), o.name(), o.ca(), o.admins())).toList(),
        validators.stream().map(GenesisParser::identity).toList(),
        observers.stream().map(GenesisParser::identity).toList(),
        clients.stream().map(c -> new ClientIdentity(c.publicKey(), c.organization())).toList(),
        namespaces.stream().map(n -> new Namespace(n.name(), ownerOf(n, organizations), n.writers()))
            .toList(), consensus);
  }

  private static NodeIdentity identity(NodeDraft draft) {
    return new NodeIdentity(draft.id(), draft.organization(), draft.publicKey(), draft.tls());
  }

  private CryptoSuite suite(TreeReader root) {
    String id = root.requiredText("suite", "the crypto suite: \"intl\" or \"sm\"");
    if (id == null) {
      return null;
    }
    try {
      return CryptoSuite.fromId(id);
    } catch (CryptoException e) {
      problems.add("suite", Problems.quote(id), "unknown crypto suite (expected \"intl\" or \"sm\")");
      return null;
    }
  }

  private Instant time(TreeReader root) {
    String text = root.requiredText("genesisTime", "the chain's start time in RFC 3339, e.g. \"2026-01-01T00:00:00Z\"");
    if (text == null) {
      return null;
    }
    try {
      if (RFC_3339.matcher(text).matches()) {
        return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant();
      }
    } catch (DateTimeParseException e) {
      // a well-formed but impossible date such as February 30; reported below
    }
    problems.add("genesisTime", Problems.quote(text), "expected an RFC 3339 time such as \"2026-01-01T00:00:00Z\"");
    return null;
  }

  private List<OrgDraft> organizations(TreeReader root) {
    requireNonEmpty(root, "organizations", "at least one member organization");
    List<OrgDraft> drafts = new ArrayList<>();
    for (TreeReader org : root.tables("organizations")) {
      org.allowOnly(ORG_KEYS);
      String id = org.requiredText("id", "the organization's id");
      Ids.check(problems, org.field("id"), id);
      String name = org.requiredText("name", "the organization's display name");
      if (name != null && !validName(name)) {
        problems.add(org.field("name"), Problems.quote(name),
            "expected 1.." + NAME_LENGTH_MAX + " characters without control characters");
      }
      X509Certificate ca = certificate(org, "caCertificate", "the organization's PEM CA certificate");
      if (ca != null && ca.getBasicConstraints() < 0) {
        problems.add(org.field("caCertificate"), Problems.quote(Certificates.describe(ca)),
            "not a CA certificate (expected basicConstraints CA:TRUE)");
      }
      requireNonEmpty(org, "admins", "at least one admin public key");
      drafts.add(new OrgDraft(org.path(), id, name, ca, keys(org, "admins")));
    }
    return drafts;
  }

  /** A display name is one line of text, since it ends up in logs and status output. */
  private static boolean validName(String name) {
    return !name.isBlank() && name.length() <= NAME_LENGTH_MAX && name.chars().noneMatch(Character::isISOControl);
  }

  private List<NodeDraft> nodes(TreeReader root, String key) {
    List<NodeDraft> drafts = new ArrayList<>();
    for (TreeReader node : root.tables(key)) {
      node.allowOnly(NODE_KEYS);
      String id = node.requiredText("id", "the node's id");
      Ids.check(problems, node.field("id"), id);
      String organization = node.requiredText("organization", "the id of the organization that runs the node");
      PublicKey publicKey = requiredKey(node, "publicKey");
      X509Certificate tls = certificate(node, "tlsCertificate", "the node's PEM TLS certificate");
      drafts.add(new NodeDraft(node.path(), id, organization, publicKey, tls));
    }
    return drafts;
  }

  private List<ClientDraft> clients(TreeReader root) {
    List<ClientDraft> drafts = new ArrayList<>();
    for (TreeReader client : root.tables("clients")) {
      client.allowOnly(CLIENT_KEYS);
      PublicKey publicKey = requiredKey(client, "publicKey");
      String organization = client.requiredText("organization", "the id of the organization that admitted the client");
      drafts.add(new ClientDraft(client.path(), publicKey, organization));
    }
    return drafts;
  }

  /** A genesis namespace without an owner belongs to the first organization listed. */
  private static String ownerOf(NamespaceDraft namespace, List<OrgDraft> organizations) {
    if (namespace.owner() != null) {
      return namespace.owner();
    }
    return organizations.isEmpty() ? "" : organizations.get(0).id();
  }

  private List<NamespaceDraft> namespaces(TreeReader root) {
    List<NamespaceDraft> drafts = new ArrayList<>();
    for (TreeReader namespace : root.tables("namespaces")) {
      namespace.allowOnly(NAMESPACE_KEYS);
      String name = namespace.requiredText("name", "the namespace's name");
      Ids.check(problems, namespace.field("name"), name);
      String owner = namespace.optionalText("owner").orElse(null);
      drafts.add(new NamespaceDraft(namespace.path(), name, owner, keys(namespace, "writers")));
    }
    return drafts;
  }

  private ConsensusParams consensus(TreeReader table) {
    table.allowOnly(CONSENSUS_KEYS);
    ConsensusParams d = ConsensusParams.defaults();
    int blockBytes = table.integerInt("maxBlockBytes", ConsensusParams.BLOCK_BYTES, d.blockBytesMax());
    int transactionBytes = table.integerInt("maxTransactionBytes", ConsensusParams.TRANSACTION_BYTES,
        Math.min(d.transactionBytesMax(), blockBytes));
    if (transactionBytes > blockBytes) {
      problems.add(table.field("maxTransactionBytes"), String.valueOf(transactionBytes),
          "expected at most consensus.maxBlockBytes (" + blockBytes + ")");
      transactionBytes = blockBytes;
    }
    return new ConsensusParams(
        table.integerInt("window", ConsensusParams.WINDOW, d.window()),
        table.integerInt("checkpointInterval", ConsensusParams.CHECKPOINT_INTERVAL, d.checkpointInterval()),
        table.integerInt("maxBlockTransactions", ConsensusParams.BLOCK_TRANSACTIONS, d.blockTransactionsMax()),
        blockBytes, transactionBytes,
        table.integerInt("transactionLifetimeBlocks", ConsensusParams.TRANSACTION_LIFETIME_BLOCKS,
            d.transactionLifetimeBlocks()));
  }

  private void requireNonEmpty(TreeReader table, String key, String what) {
    JsonNode value = table.element(key).node();
    if (value == null) {
      problems.missing(table.field(key), what);
    } else if (value.isArray() && value.isEmpty()) {
      problems.add(table.field(key), "an empty array", "expected " + what);
    }
  }

  private PublicKey requiredKey(TreeReader table, String key) {
    if (!table.has(key)) {
      problems.missing(table.field(key), "a base64 public key or {\"scheme\": ..., \"key\": ...}");
      return null;
    }
    return KeyCodec.read(table.element(key), suite, problems);
  }

  private List<PublicKey> keys(TreeReader table, String key) {
    List<PublicKey> keys = new ArrayList<>();
    for (TreeReader.Element element : table.elements(key)) {
      keys.add(KeyCodec.read(element, suite, problems)); // null entries only when a problem was reported
    }
    return keys;
  }

  private X509Certificate certificate(TreeReader table, String key, String what) {
    String pem = table.requiredText(key, what);
    if (pem == null) {
      return null;
    }
    try {
      X509Certificate certificate = Certificates.parsePem(pem);
      String invalid = genesisTime == null ? null : Certificates.validityProblem(certificate, genesisTime);
      if (invalid != null) {
        problems.add(table.field(key), Problems.quote(Certificates.describe(certificate)), invalid);
      }
      return certificate;
    } catch (CertificateException e) {
      problems.add(table.field(key), Problems.quote(pem), "not a valid PEM X.509 certificate (" + e.getMessage() + ")");
      return null;
    }
  }
}
