package org.alliancechain.cli.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.time.Instant;
import java.util.HexFormat;
import org.alliancechain.cli.CliException;

/** How the CLI writes hashes, sizes, times and messages for people (and JSON for scripts). */
public final class Text {
  private static final HexFormat HEX = HexFormat.of();

  private Text() {}

  public static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The first 8 bytes of a hash, enough to tell blocks apart at a glance. */
  public static String shortHex(ByteString bytes) {
    return bytes.isEmpty() ? "-" : HEX.formatHex(bytes.substring(0, Math.min(8, bytes.size()))
        .toByteArray()) + (bytes.size() > 8 ? "…" : "");
  }

  /** Hex of a transaction id or block hash given on the command line. */
  public static ByteString parseHex(String text, String what) throws CliException {
    String clean = text.startsWith("0x") ? text.substring(2) : text;
    try {
      byte[] bytes = HEX.parseHex(clean);
      if (bytes.length != 32) {
        throw CliException.badInput(what + " " + text + " is " + bytes.length + " bytes",
            "give the 64 hex digits of the 32-byte " + what);
      }
      return ByteString.copyFrom(bytes);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(what + " " + text + " is not hex",
          "give the 64 hex digits of the 32-byte " + what);
    }
  }

  public static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    if (count < 1024 * 1024) {
      return String.format("%.1f KiB", count / 1024.0);
    }
    if (count < 1024L * 1024 * 1024) {
      return String.format("%.1f MiB", count / (1024.0 * 1024));
    }
    return String.format("%.2f GiB", count / (1024.0 * 1024 * 1024));
  }

  /** A span as the two largest units: 42s, 5m07s, 3h12m, 2d04h. */
  public static String duration(long ms) {
    long s = ms / 1000;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
  }

  public static String time(long epochMs) {
    return epochMs == 0 ? "-" : Instant.ofEpochMilli(epochMs).toString();
  }

  /** The message as protobuf's canonical JSON (bytes in base64), for --json output. */
  public static String json(MessageOrBuilder message) {
    try {
      return JsonFormat.printer().alwaysPrintFieldsWithNoPresence().print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
  }
}
