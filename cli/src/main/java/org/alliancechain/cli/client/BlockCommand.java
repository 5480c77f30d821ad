package org.alliancechain.cli.client;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.GroupCommand;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.GetBlockRequest;
import org.alliancechain.proto.v1.GetBlockResponse;
import org.alliancechain.proto.v1.SignedConsensusMessage;
import org.alliancechain.proto.v1.TransactionResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alliance block get}: one committed block. */
@Command(name = "block", description = "Reads committed blocks.",
    subcommands = BlockCommand.Get.class)
public final class BlockCommand extends GroupCommand {
  /** {@code alliance block get}. */
  @Command(name = "get", header = "Shows a committed block by height or hash.",
      description = {
      "Shows a committed block (header, commit certificate, transaction results) by height or",
      "hash; --out saves it as alliance.v1.CommittedBlock bytes."})
  static final class Get implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @ArgGroup(multiplicity = "1")
    Selector selector;

    static final class Selector {
      @Parameters(paramLabel = "HEIGHT", description = "The block's height (1 is the first)")
      Long height;

      @Option(names = "--hash", paramLabel = "HEX", description = "The block's hash instead")
      String hash;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Save the committed block here")
    java.nio.file.Path out;

    @Option(names = "--json", description = "Print the response as JSON")
    boolean json;

    @Override
    public Integer call() throws CliException {
      GetBlockRequest.Builder request = GetBlockRequest.newBuilder();
      if (selector.hash != null) {
        request.setHash(Text.parseHex(selector.hash, "block hash"));
      } else {
        request.setHeight(selector.height);
      }
      try (NodeClient client = new NodeClient(api)) {
        GetBlockResponse block = client.query("GetBlock", stub -> stub.getBlock(request.build()));
        if (out != null) {
          BinaryFiles.write(out, block.getBlock().toByteArray(), "block");
        }
        if (json) {
          System.out.println(Text.json(block));
        } else {
          print(block);
        }
        return ExitCode.OK;
      }
    }
  }

  static void print(GetBlockResponse response) throws CliException {
    BlockHeader header = header(response);
    System.out.printf("block %d  %s%n", header.getHeight(), Text.hex(response.getHash()));
    System.out.printf("  chain          %s%n", header.getChainId());
    System.out.printf("  previous       %s%n", Text.hex(header.getPreviousHash()));
    System.out.printf("  proposer       validator %d%n", header.getProposer());
    System.out.printf("  time           %s%n", Text.time(header.getTimestampMs()));
    System.out.printf("  transactions   %d (root %s)%n", header.getTransactionCount(),
        Text.shortHex(header.getTransactionsRoot()));
    System.out.printf("  state root     %s after height %d%n", Text.shortHex(header.getStateRoot()),
        header.getExecutedHeight());
    CommitCertificate certificate = response.getBlock().getCertificate();
    System.out.printf("  certificate    view %d, COMMITs of validators %s%n", certificate.getView(),
        certificate.getCommitsList().stream().map(SignedConsensusMessage::getSigner)
            .map(String::valueOf).collect(Collectors.joining(", ")));
    if (response.getResultsCount() > 0) {
      System.out.println("  results        " + results(response));
    }
  }

  private static BlockHeader header(GetBlockResponse response) throws CliException {
    try {
      return BlockHeader.parseFrom(response.getBlock().getBlock().getHeader());
    } catch (InvalidProtocolBufferException e) {
      throw CliException.failed("the node sent a block whose header does not parse: "
          + e.getMessage());
    }
  }

  private static String results(GetBlockResponse response) {
    Map<String, Integer> counts = new TreeMap<>();
    for (var bytes : response.getResultsList()) {
      String status;
      try {
        status = TransactionResult.parseFrom(bytes).getStatus().name()
            .replace("TRANSACTION_STATUS_", "").toLowerCase(java.util.Locale.ROOT);
      } catch (InvalidProtocolBufferException e) {
        status = "unreadable";
      }
      counts.merge(status, 1, Integer::sum);
    }
    return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
