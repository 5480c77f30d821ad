package org.alliancechain.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.crypto.SignatureScheme;

/**
 * Public keys in genesis.json. Two forms (docs/adr/0020-configuration-formats.md):
 * <ul>
 *   <li>a string: the base64 of a key of the suite's default scheme (Ed25519 for {@code intl},
 *       SM2 for {@code sm});</li>
 *   <li>an object {@code {"scheme": "ecdsa-p256", "key": "<base64>"}} naming any scheme the suite
 *       allows, for keys kept in an HSM or PKI that cannot hold the default scheme.</li>
 * </ul>
 * The writer uses the string form whenever the key has the default scheme, so a file has one
 * spelling per key.
 */
final class KeyCodec {
  private static final List<String> OBJECT_KEYS = List.of("scheme", "key");

  private KeyCodec() {}

  /**
   * The key at {@code element}, or {@code null} after reporting why it is not one. With an
   * unknown suite only the shape is checked.
   */
  static PublicKey read(TreeReader.Element element, CryptoSuite suite, Problems problems) {
    JsonNode node = element.node();
    if (node.isTextual()) {
      return suite == null ? null : decode(element.field(), node.textValue(), suite.defaultScheme(), problems);
    }
    if (!node.isObject()) {
      problems.add(element.field(), Problems.describe(node, Syntax.JSON),
          "expected a base64 public key or {\"scheme\": ..., \"key\": ...}");
      return null;
    }
    TreeReader object = TreeReader.of(element, problems, Syntax.JSON);
    object.allowOnly(OBJECT_KEYS);
    String schemeText = object.requiredText("scheme", allowedSchemes(suite));
    String keyText = object.requiredText("key", "the base64 of the public key");
    SignatureScheme scheme = schemeText == null ? null : scheme(object.field("scheme"), schemeText, suite, problems);
    return scheme == null || keyText == null ? null : decode(object.field("key"), keyText, scheme, problems);
  }

  /** The scheme named {@code id} if the suite allows it; with an unknown suite only the name is checked. */
  private static SignatureScheme scheme(String field, String id, CryptoSuite suite, Problems problems) {
    SignatureScheme scheme;
    try {
      scheme = SignatureScheme.fromId(id);
    } catch (CryptoException e) {
      problems.add(field, Problems.quote(id), "unknown signature scheme (expected " + allowedSchemes(suite) + ")");
      return null;
    }
    if (suite != null && !suite.allows(scheme)) {
      problems.add(field, Problems.quote(id),
          "not allowed in suite " + suite.id() + " (expected " + allowedSchemes(suite) + ")");
      return null;
    }
    return suite == null ? null : scheme;
  }

  private static String allowedSchemes(CryptoSuite suite) {
    return "one of " + Arrays.stream(SignatureScheme.values())
        .filter(s -> suite == null || suite.allows(s))
        .map(SignatureScheme::id).collect(Collectors.joining(", "));
  }

  private static PublicKey decode(String field, String base64, SignatureScheme scheme, Problems problems) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      problems.add(field, Problems.quote(base64), "not base64 (expected the base64 of a "
          + scheme.publicKeyLength() + "-byte " + displayName(scheme) + " public key)");
      return null;
    }
    if (bytes.length != scheme.publicKeyLength()) {
      problems.add(field, bytes.length + " bytes", "not a valid " + displayName(scheme) + " key (expected "
          + scheme.publicKeyLength() + " bytes" + (scheme == SignatureScheme.ED25519 ? "" : ": 0x04||X||Y")
          + ", base64)");
      return null;
    }
    try {
      return PublicKey.decode(scheme, bytes);
    } catch (CryptoException e) {
      String reason = e.getMessage();
      int colon = reason.indexOf(": ");
      problems.add(field, Problems.quote(base64), "not a valid " + displayName(scheme) + " key ("
          + (colon >= 0 ? reason.substring(colon + 2) : reason) + ")");
      return null;
    }
  }

  /** The form the writer uses: a string for the suite's default scheme, an object otherwise. */
  static JsonNode write(PublicKey key, CryptoSuite suite) {
    if (key.scheme() == suite.defaultScheme()) {
      return JsonNodeFactory.instance.textNode(key.toBase64());
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("scheme", key.scheme().id());
    object.put("key", key.toBase64());
    return object;
  }

  static String displayName(SignatureScheme scheme) {
    return switch (scheme) {
      case ED25519 -> "Ed25519";
      case ECDSA_P256 -> "ECDSA P-256";
      case SM2 -> "SM2";
    };
  }
}
