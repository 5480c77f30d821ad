package org.alliancechain.cli.client;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.GroupCommand;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.PublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alliance tx submit ...}: one signed transaction, by default waiting for its commit. */
@Command(name = "submit", header = "Signs and submits a transaction.",
    description = {
    "Signs a transaction with --key-file and submits it; waits for the commit unless --no-wait.",
    "The chain id and current height come from the node."},
    subcommands = {TxSubmitCommand.Put.class, TxSubmitCommand.Delete.class,
        TxSubmitCommand.Anchor.class, TxSubmitCommand.Register.class})
public final class TxSubmitCommand extends GroupCommand {
  @Command(name = "put", description = "Sets KEY to VALUE in a key-value namespace.")
  static final class Put implements Callable<Integer> {
    @Mixin
    SubmitOptions submit;

    @Option(names = "--namespace", defaultValue = "default", paramLabel = "NAME",
        description = "The namespace (must exist; the sender must be a writer). Default: ${DEFAULT-VALUE}")
    String namespace;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    public Integer call() throws CliException {
      return submit.submit("put " + namespace + "/" + key, (factory, expiry) -> factory.put(
          namespace, ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value), expiry));
    }
  }

  @Command(name = "delete", description = "Removes KEY from a key-value namespace.")
  static final class Delete implements Callable<Integer> {
    @Mixin
    SubmitOptions submit;

    @Option(names = "--namespace", defaultValue = "default", paramLabel = "NAME",
        description = "The namespace. Default: ${DEFAULT-VALUE}")
    String namespace;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public Integer call() throws CliException {
      return submit.submit("delete " + namespace + "/" + key, (factory, expiry) ->
          factory.delete(namespace, ByteString.copyFromUtf8(key), expiry));
    }
  }

  @Command(name = "anchor", description = {
      "Anchors a document's digest (存证): the receipt proves this digest, with this metadata,",
      "was recorded by the sender no later than the block's time. The document stays here."})
  static final class Anchor implements Callable<Integer> {
    @Mixin
    SubmitOptions submit;

    @Option(names = "--file", required = true, paramLabel = "DOCUMENT",
        description = "The document to digest")
    Path file;

    @Option(names = "--algorithm", defaultValue = "sha-256", paramLabel = "ALG",
        description = "sha-256, sm3, sha-512 or sha3-256. Default: ${DEFAULT-VALUE}")
    String algorithm;

    @Option(names = "--meta", paramLabel = "KEY=VALUE",
        description = "Descriptive metadata (title, case number...), repeatable")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Override
    public Integer call() throws CliException {
      byte[] digest = DocumentDigest.of(file, algorithm);
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put("file", String.valueOf(file.getFileName()));
      entries.putAll(metadata);
      System.out.println(algorithm + " of " + file + ": " + Text.hex(digest));
      return submit.submit("anchor", (factory, expiry) ->
          factory.anchor(digest, algorithm, entries, expiry));
    }
  }

  @Command(name = "register-client", description = {
      "Admits a client identity for an organization; --key-file must be that organization's",
      "admin key (organizations/<org>/admin.key.pem from network init)."})
  static final class Register implements Callable<Integer> {
    @Mixin
    SubmitOptions submit;

    @Option(names = "--organization", required = true, paramLabel = "ORG",
        description = "The admin's organization id, e.g. org1")
    String organization;

    @Option(names = "--client-public-key", required = true, paramLabel = "PEM",
        description = "The client's public key file (alliance keygen writes FILE.pub)")
    Path clientKey;

    @Option(names = "--label", defaultValue = "", paramLabel = "TEXT",
        description = "Who the client is, for people reading the ledger")
    String label;

    @Override
    public Integer call() throws CliException {
      PublicKey client = publicKey(clientKey);
      return submit.submit("register-client", (factory, expiry) ->
          factory.registerClient(client, organization, label, expiry));
    }

    private static PublicKey publicKey(Path file) throws CliException {
      String pem = new String(BinaryFiles.read(file, "client public key",
          "pass the .pub file that alliance keygen wrote"), java.nio.charset.StandardCharsets.US_ASCII);
      try {
        return KeyPem.decodePublic(pem);
      } catch (CryptoException e) {
        throw CliException.badInput(file + " is not a public key: " + e.getMessage(),
            "pass the .pub file that alliance keygen wrote (-----BEGIN PUBLIC KEY-----)");
      }
    }
  }
}
