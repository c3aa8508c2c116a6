package org.redflag.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Set;

/**
 * Strict reading of the vocabulary files shipped beside the classes that use them (the price words,
 * the phone number words): a duplicate key, an unknown field or a missing reason is an {@link
 * IllegalStateException} naming the file, the JSON path and the reason, so a misspelt field never
 * silently does nothing and a broken shipped file is a build error its package's tests catch.
 *
 * <p>Not API: public only because the {@code price} and {@code identifier} packages read their
 * files with it.
 */
public final class VocabularyJson {
  private VocabularyJson() {}

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The JSON object of {@code text}, read from {@code file} (named in the error). */
  public static JsonNode readObject(String text, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(file + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new IllegalStateException(file + ": expected a JSON object");
    return root;
  }

  /** Fails on a field of {@code node} not in {@code allowed}; {@code where} is the path prefix of the error. */
  public static void onlyFields(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) throw new IllegalStateException(where + f + ": unknown field");
    }
  }

  /** The non-blank string {@code field} of {@code node}; {@code where} is the node's path. */
  public static String requiredString(JsonNode node, String field, String where) {
    JsonNode s = node.get(field);
    if (s == null || !s.isTextual() || s.asText().isBlank()) {
      throw new IllegalStateException(where + "." + field + ": expected a non-empty string");
    }
    return s.asText();
  }
}
