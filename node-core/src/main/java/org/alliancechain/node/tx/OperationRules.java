package org.alliancechain.node.tx;

import static org.alliancechain.node.tx.InvalidTransactionException.Reason.INVALID_FIELD;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** The shape rules of operations: names, sizes, digests. Chain-wide, so part of the protocol. */
final class OperationRules {
  static final int KEY_BYTES_MAX = 1024;
  static final int METADATA_ENTRIES_MAX = 32;
  static final int METADATA_KEY_BYTES_MAX = 64;
  static final int METADATA_VALUE_BYTES_MAX = 1024;
  static final int TEXT_BYTES_MAX = 256;
  static final int WRITERS_MAX = 256;

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Map<String, Integer> DIGEST_LENGTHS =
      Map.of("sha-256", 32, "sm3", 32, "sha-512", 64, "sha3-256", 32);

  private OperationRules() {}

  static void checkUserNamespace(String namespace) throws InvalidTransactionException {
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new InvalidTransactionException(INVALID_FIELD, "namespace '" + namespace
          + "' is not valid: expected 1 to 64 characters of a-z, 0-9, '.', '_', '-',"
          + " not starting with '.', '_' or '-' (names starting with '_' are reserved)");
    }
  }

  static void checkKey(ByteString key) throws InvalidTransactionException {
    if (key.isEmpty() || key.size() > KEY_BYTES_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD,
          "key is " + key.size() + " bytes, expected 1 to " + KEY_BYTES_MAX);
    }
  }

  static void checkDigest(String algorithm, ByteString digest) throws InvalidTransactionException {
    Integer length = DIGEST_LENGTHS.get(algorithm);
    if (length == null) {
      throw new InvalidTransactionException(INVALID_FIELD, "digest algorithm '" + algorithm
          + "' is not supported, expected one of sha-256, sm3, sha-512, sha3-256");
    }
    if (digest.size() != length) {
      throw new InvalidTransactionException(INVALID_FIELD, "a " + algorithm + " digest is "
          + length + " bytes, got " + digest.size());
    }
  }

  static void checkMetadataCount(int count) throws InvalidTransactionException {
    if (count > METADATA_ENTRIES_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD,
          count + " metadata entries, at most " + METADATA_ENTRIES_MAX + " are allowed");
    }
  }

  static void checkMetadata(String key, String value) throws InvalidTransactionException {
    int keyBytes = utf8Length(key);
    if (keyBytes == 0 || keyBytes > METADATA_KEY_BYTES_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD, "metadata key '" + abbreviate(key)
          + "' is " + keyBytes + " bytes, expected 1 to " + METADATA_KEY_BYTES_MAX);
    }
    int valueBytes = utf8Length(value);
    if (valueBytes > METADATA_VALUE_BYTES_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD, "metadata value of '" + key + "' is "
          + valueBytes + " bytes, at most " + METADATA_VALUE_BYTES_MAX);
    }
  }

  static void checkText(String field, String text) throws InvalidTransactionException {
    int bytes = utf8Length(text);
    if (bytes > TEXT_BYTES_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD,
          field + " is " + bytes + " bytes, at most " + TEXT_BYTES_MAX);
    }
  }

  static void checkWriterCount(int count) throws InvalidTransactionException {
    if (count > WRITERS_MAX) {
      throw new InvalidTransactionException(INVALID_FIELD,
          count + " writers, at most " + WRITERS_MAX + " are allowed per namespace");
    }
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String abbreviate(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "...";
  }
}
