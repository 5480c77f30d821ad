package org.alliancechain.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reading configuration files and turning syntax errors into problems with line and column. */
final class ConfigFiles {
  private static final TomlMapper TOML = new TomlMapper();
  // Duplicate keys would make a genesis mean different things to different parsers.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Pattern NESTED_LOCATION =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private ConfigFiles() {}

  /** The bytes of {@code path}; a missing or unreadable file is a problem naming the path tried. */
  static byte[] read(Path path) throws ConfigException {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw single(path.toString(), "", "file not found (tried " + absolute + ")");
    } catch (IOException e) {
      throw single(path.toString(), "", "cannot read the file (tried " + absolute + "): " + e);
    }
  }

  static String utf8(byte[] bytes, String file) throws ConfigException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw single(file, "", "not UTF-8 text (expected a UTF-8 encoded file)");
    }
  }

  static JsonNode parseToml(String text, String file) throws ConfigException {
    try {
      return TOML.readTree(text);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, file, Syntax.TOML);
    }
  }

  static JsonNode parseJson(byte[] bytes, String file) throws ConfigException {
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, file, Syntax.JSON);
    } catch (IOException e) {
      throw single(file, "", "cannot parse the file: " + e.getMessage());
    }
  }

  private static ConfigException syntaxError(JsonProcessingException e, String file, Syntax syntax) {
    JsonLocation location = e.getLocation();
    String where = location == null ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    String reason = NESTED_LOCATION.matcher(String.valueOf(e.getOriginalMessage()))
        .replaceAll("[line $1, column $2]");
    if (reason.startsWith("Trailing token")) {
      reason = "more content after the end of the document (expected a single object)";
    }
    return single(file, where, syntax.displayName() + " syntax error: " + reason);
  }

  private static ConfigException single(String file, String field, String expected) {
    return new ConfigException(List.of(new ConfigProblem(file, field, null, expected)));
  }
}
