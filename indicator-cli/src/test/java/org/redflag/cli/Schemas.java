package org.redflag.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of docs/schema/ (2020-12), loaded once and applied with networknt's validator, the
 * oracle the schema tests hold Redflag's files and output to. Format assertions (date-time, uri) are on.
 */
final class Schemas {
  static final Path DIR = Path.of("..", "docs", "schema");
  /** Reads JSON as the pack loader does: comments allowed (pack files carry them). */
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

  private Schemas() {}

  /** The schema {@code docs/schema/NAME.schema.json}. */
  static JsonSchema get(String name) {
    return LOADED.computeIfAbsent(name, n -> FACTORY.getSchema(read(DIR.resolve(n + ".schema.json")), CONFIG));
  }

  /** The draft 2020-12 meta-schema (bundled with the validator), to check the schemas themselves. */
  static JsonSchema metaSchema() {
    return LOADED.computeIfAbsent("$meta", n -> FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG));
  }

  /** The problems of {@code node} against schema {@code name}, each as "JSON path: message"; empty when valid. */
  static List<String> problems(String name, JsonNode node) {
    return get(name).validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
