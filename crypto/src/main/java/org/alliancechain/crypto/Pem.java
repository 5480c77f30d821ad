package org.alliancechain.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The textual encoding of RFC 7468: {@code -----BEGIN LABEL-----}, base64 of DER in lines of 64
 * characters, {@code -----END LABEL-----}. Text outside the blocks is ignored, as the RFC allows;
 * everything inside a block is checked strictly, so a damaged file is reported, not half-read.
 */
final class Pem {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int LINE_LENGTH = 64;

  /** One PEM block: its label ({@code PUBLIC KEY}, {@code CERTIFICATE}, ...) and its DER bytes. */
  record Block(String label, byte[] der, int line) {}

  private Pem() {}

  static String encode(String label, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(base64.length() + base64.length() / LINE_LENGTH + 64);
    out.append(BEGIN).append(label).append(DASHES).append('\n');
    for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
      out.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
    }
    return out.append(END).append(label).append(DASHES).append('\n').toString();
  }

  /** Every block of {@code text}, in order; at least one, or a {@link CryptoException}. */
  static List<Block> decodeAll(String text, String expectedLabel) throws CryptoException {
    if (text == null) {
      throw new CryptoException("no PEM text given; expected a '" + BEGIN + expectedLabel + DASHES
          + "' block");
    }
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(BEGIN)) {
        int end = findEnd(lines, i, label(line, BEGIN, i));
        blocks.add(new Block(label(line, BEGIN, i), decodeBody(lines, i, end), i + 1));
        i = end;
      } else if (line.startsWith(END)) {
        throw new CryptoException("malformed PEM: line " + (i + 1) + " ends a block that was never"
            + " begun");
      }
    }
    if (blocks.isEmpty()) {
      throw new CryptoException("no PEM block found; expected a '" + BEGIN + expectedLabel + DASHES
          + "' block");
    }
    return blocks;
  }

  /** The single block of {@code text}, which must carry {@code expectedLabel}. */
  static byte[] decodeOne(String text, String expectedLabel) throws CryptoException {
    List<Block> blocks = decodeAll(text, expectedLabel);
    if (blocks.size() != 1) {
      throw new CryptoException("expected exactly one PEM block '" + expectedLabel + "', found "
          + blocks.size());
    }
    Block block = blocks.get(0);
    if (!block.label().equals(expectedLabel)) {
      throw new CryptoException("expected a PEM block '" + expectedLabel + "', found '"
          + block.label() + "'");
    }
    return block.der();
  }

  private static String label(String line, String marker, int index) throws CryptoException {
    if (!line.endsWith(DASHES) || line.length() < marker.length() + DASHES.length()) {
      throw new CryptoException("malformed PEM: line " + (index + 1) + " '" + line + "' is not a"
          + " complete '" + marker + "LABEL-----' line");
    }
    return line.substring(marker.length(), line.length() - DASHES.length());
  }

  private static int findEnd(String[] lines, int begin, String label) throws CryptoException {
    for (int i = begin + 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(END)) {
        String endLabel = label(line, END, i);
        if (!endLabel.equals(label)) {
          throw new CryptoException("malformed PEM: block '" + label + "' begun on line "
              + (begin + 1) + " is ended by '" + endLabel + "' on line " + (i + 1));
        }
        return i;
      }
      if (line.startsWith(BEGIN)) {
        break;
      }
    }
    throw new CryptoException("malformed PEM: block '" + label + "' begun on line " + (begin + 1)
        + " has no '" + END + label + DASHES + "' line");
  }

  private static byte[] decodeBody(String[] lines, int begin, int end) throws CryptoException {
    StringBuilder base64 = new StringBuilder();
    for (int i = begin + 1; i < end; i++) {
      String line = lines[i].strip();
      if (line.indexOf(':') >= 0) {
        throw new CryptoException("unsupported PEM: line " + (i + 1) + " is a header ('" + line
            + "'); encrypted or legacy OpenSSL PEM is not accepted, export unencrypted PKCS#8");
      }
      base64.append(line);
    }
    try {
      byte[] der = Base64.getDecoder().decode(base64.toString());
      if (der.length == 0) {
        throw new CryptoException("malformed PEM: the block begun on line " + (begin + 1)
            + " is empty");
      }
      return der;
    } catch (IllegalArgumentException e) {
      throw new CryptoException("malformed PEM: the block begun on line " + (begin + 1)
          + " is not valid base64 (" + e.getMessage() + ")", e);
    }
  }
}
