package org.alliancechain.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code [node]} of node.toml: who this node is and where its files are. Paths are absolute:
 * relative paths in the file are resolved against the directory of node.toml when it is loaded.
 *
 * @param id this node's id as listed among the validators or observers of genesis.json
 * @param dataDir the directory of the node's database and consensus log
 * @param genesisFile the chain's genesis.json
 * @param keyFile the PKCS#8 PEM private key this node signs consensus messages with
 * @param tlsCertFile the PEM X.509 certificate this node presents on p2p TLS links
 * @param tlsKeyFile the PKCS#8 PEM private key of that certificate
 */
public record NodeSection(
    String id, Path dataDir, Path genesisFile, Path keyFile, Path tlsCertFile, Path tlsKeyFile) {
  static final String DATA_DIR_DEFAULT = "data";
  static final String GENESIS_FILE_DEFAULT = "genesis.json";

  public NodeSection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(genesisFile, "genesisFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(tlsCertFile, "tlsCertFile");
    Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
  }

  /**
   * The section of node {@code id} whose files sit in {@code directory} under the names
   * {@code alliance network init} gives them: {@code data/}, {@code genesis.json},
   * {@code node.key.pem}, {@code tls.crt.pem}, {@code tls.key.pem}.
   */
  public static NodeSection inDirectory(String id, Path directory) {
    Path base = directory.toAbsolutePath().normalize();
    return new NodeSection(id, base.resolve(DATA_DIR_DEFAULT), base.resolve(GENESIS_FILE_DEFAULT),
        base.resolve("node.key.pem"), base.resolve("tls.crt.pem"), base.resolve("tls.key.pem"));
  }
}
