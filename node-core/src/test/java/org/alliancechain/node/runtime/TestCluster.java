package org.alliancechain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.ConsensusTiming;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.init.GeneratedNetwork;
import org.alliancechain.node.init.NetworkGenerator;
import org.alliancechain.node.init.NetworkSpec;
import org.alliancechain.storage.StorageException;

/** A network of real nodes in this JVM: real TLS on 127.0.0.1, real RocksDB in a temp dir. */
final class TestCluster implements AutoCloseable {
  final GeneratedNetwork network;
  final List<Node> nodes = new ArrayList<>();
  final SigningKey client;

  TestCluster(Path directory, int validators, int observers) throws Exception {
    NetworkSpec spec = NetworkSpec.local("test-chain", CryptoSuite.INTL, validators, observers)
        .withTiming(new ConsensusTiming(1_000, 8_000, 5, 0));
    network = new NetworkGenerator().generate(spec, directory);
    client = KeyPem.decodePrivate(Files.readString(network.clientKeyFile()));
    for (GeneratedNetwork.NodeFiles files : network.nodes()) {
      nodes.add(Node.start(ChainConfig.load(files.nodeToml())));
    }
  }

  Node start(int index) throws Exception {
    Node node = Node.start(ChainConfig.load(network.nodes().get(index).nodeToml()));
    nodes.set(index, node);
    return node;
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static long height(Node node) {
    return node.storage().blocks().tip().map(tip -> tip.height()).orElse(0L);
  }

  /** Every node has identical block hashes and state roots at every height up to {@code top}. */
  void assertIdenticalChains(long top) throws StorageException {
    Node reference = nodes.get(0);
    for (long height = 1; height <= top; height++) {
      byte[] block = reference.storage().blocks().block(height).orElseThrow();
      byte[] root = reference.storage().state().root(height);
      for (Node node : nodes.subList(1, nodes.size())) {
        assertThat(node.storage().blocks().block(height)).as("block %d at %s", height, node.nodeId())
            .hasValueSatisfying(other -> assertThat(other).isEqualTo(block));
        assertThat(node.storage().state().root(height)).as("state root %d at %s", height,
            node.nodeId()).isEqualTo(root);
      }
    }
  }

  static List<ByteString> bytes(List<byte[]> transactions) {
    return transactions.stream().map(ByteString::copyFrom).toList();
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      node.close();
    }
  }
}
