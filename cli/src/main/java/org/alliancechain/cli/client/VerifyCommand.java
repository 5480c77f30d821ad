package org.alliancechain.cli.client;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.node.receipt.ReceiptVerification;
import org.alliancechain.node.receipt.ReceiptVerifier;
import org.alliancechain.node.receipt.VerifiedReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alliance verify}: a saved receipt against a genesis file, offline. */
@Command(name = "verify", header = "Checks a saved receipt offline against a genesis file.",
    description = {
    "Checks a saved receipt offline, with the chain's genesis.json alone: the commit",
    "certificate of the genesis validators, the header chain, the transaction's and the",
    "result's Merkle proofs, and the sender's signature. Says which check fails, if one does.",
    "Exit code 0 when valid, 5 when not."})
public final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--receipt", required = true, paramLabel = "FILE",
      description = "The receipt (alliance tx get ID --out FILE)")
  Path receipt;

  @Option(names = "--genesis", required = true, paramLabel = "FILE",
      description = "The chain's genesis.json")
  Path genesisFile;

  @Override
  public Integer call() throws CliException {
    Genesis genesis;
    try {
      genesis = Genesis.load(genesisFile);
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage(), "pass the genesis.json of the chain that"
          + " issued the receipt");
    }
    byte[] bytes = BinaryFiles.read(receipt, "receipt",
        "save one with: alliance tx get TX_ID --out FILE");
    ReceiptVerification verification = new ReceiptVerifier(genesis).verify(bytes);
    if (!verification.isValid()) {
      System.out.println("INVALID: " + verification.failedCheck() + " check failed: "
          + verification.reason());
      return ExitCode.INVALID_RECEIPT;
    }
    VerifiedReceipt proven = verification.receipt();
    System.out.println("VALID receipt for chain '" + genesis.chainId() + "' (genesis "
        + genesis.genesisHashHex() + ")");
    System.out.println("  transaction  " + Text.hex(proven.transactionId()));
    System.out.println("  committed    height " + proven.height() + ", index " + proven.index()
        + ", block " + Text.hex(proven.blockHash()));
    System.out.println("  no later than " + Text.time(proven.blockTimestampMs()));
    System.out.println("  sender       " + proven.sender().toBase64());
    System.out.println("  result       " + SubmitOptions.statusText(proven.result().getStatus())
        + (proven.result().getMessage().isEmpty() ? "" : " (" + proven.result().getMessage() + ")"));
    if (proven.result().hasAnchor()) {
      System.out.println("  anchored     " + proven.result().getAnchor().getDigestAlgorithm() + " "
          + Text.hex(proven.result().getAnchor().getDocumentDigest()));
    }
    System.out.println("  certified    at height " + proven.certifiedHeight() + ", view "
        + proven.certifiedView() + ", by " + signers(genesis, proven));
    return ExitCode.OK;
  }

  private static String signers(Genesis genesis, VerifiedReceipt proven) {
    StringBuilder names = new StringBuilder();
    for (int index : proven.signers()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(index < genesis.validators().size()
          ? genesis.validators().get(index).id() : "validator " + index);
    }
    return names + " (" + proven.signers().size() + " of " + genesis.validators().size() + ")";
  }
}
