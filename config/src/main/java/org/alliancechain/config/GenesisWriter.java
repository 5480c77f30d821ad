package org.alliancechain.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.PublicKey;

/**
 * Writes genesis content as JSON: keys in the order of the reference, two-space indentation, one
 * array element per line, {@code \n} line ends on every platform, a final newline. The output is
 * stable, because the genesis hash is the hash of these bytes.
 */
final class GenesisWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = printer();

  private GenesisWriter() {}

  static String write(GenesisFields genesis) {
    CryptoSuite suite = genesis.suite();
    ObjectNode root = NODES.objectNode();
    root.put("chainId", genesis.chainId());
    root.put("suite", suite.id());
    root.put("genesisTime", DateTimeFormatter.ISO_INSTANT.format(genesis.genesisTime()));
    ArrayNode organizations = root.putArray("organizations");
    for (Organization org : genesis.organizations()) {
      ObjectNode node = organizations.addObject();
      node.put("id", org.id());
      node.put("name", org.name());
      node.put("caCertificate", Certificates.toPem(org.caCertificate()));
      node.set("admins", keys(org.admins(), suite));
    }
    root.set("validators", nodes(genesis.validators(), suite));
    root.set("observers", nodes(genesis.observers(), suite));
    ArrayNode clients = root.putArray("clients");
    for (ClientIdentity client : genesis.clients()) {
      ObjectNode node = clients.addObject();
      node.set("publicKey", KeyCodec.write(client.publicKey(), suite));
      node.put("organization", client.organization());
    }
    ArrayNode namespaces = root.putArray("namespaces");
    for (Namespace namespace : genesis.namespaces()) {
      ObjectNode node = namespaces.addObject();
      node.put("name", namespace.name());
      node.put("owner", namespace.owner());
      node.set("writers", keys(namespace.writers(), suite));
    }
    root.set("consensus", consensus(genesis.consensus()));
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers could not be written", e);
    }
  }

  private static ArrayNode nodes(List<NodeIdentity> identities, CryptoSuite suite) {
    ArrayNode array = NODES.arrayNode();
    for (NodeIdentity identity : identities) {
      ObjectNode node = array.addObject();
      node.put("id", identity.id());
      node.put("organization", identity.organization());
      node.set("publicKey", KeyCodec.write(identity.publicKey(), suite));
      node.put("tlsCertificate", Certificates.toPem(identity.tlsCertificate()));
    }
    return array;
  }

  private static ArrayNode keys(List<PublicKey> keys, CryptoSuite suite) {
    ArrayNode array = NODES.arrayNode();
    keys.forEach(key -> array.add(KeyCodec.write(key, suite)));
    return array;
  }

  private static ObjectNode consensus(ConsensusParams consensus) {
    ObjectNode node = NODES.objectNode();
    node.put("window", consensus.window());
    node.put("checkpointInterval", consensus.checkpointInterval());
    node.put("maxBlockTransactions", consensus.blockTransactionsMax());
    node.put("maxBlockBytes", consensus.blockBytesMax());
    node.put("maxTransactionBytes", consensus.transactionBytesMax());
    node.put("transactionLifetimeBlocks", consensus.transactionLifetimeBlocks());
    return node;
  }

  private static DefaultPrettyPrinter printer() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}
