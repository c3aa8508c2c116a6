package org.redflag.pack;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redflag.match.Boundary;
import org.redflag.match.LexiconPattern;
import org.redflag.match.PatternSyntaxException;

/**
 * Reads indicator packs from JSON and validates them completely at load: every problem is reported
 * as a {@link PackLoadException} naming the file, the JSON path and the reason. Unknown fields are
 * errors, so a misspelt field never silently does nothing.
 */
public final class PackLoader {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();
  private static final Set<String> PACK_FIELDS = Set.of("id", "version", "language", "jurisdiction", "description",
      "review", "overlays", "remove", "reweight", "reprior", "contexts", "negation", "indicators", "entries", "sources");
  private static final Set<String> DECLARATION_FIELDS = Set.of("id", "description", "prior", "reason", "source");
  private static final Set<String> ENTRY_FIELDS = Set.of("id", "indicator", "patterns", "tags", "exclude", "context",
      "boundary", "weight", "source", "notes", "examples");
  private static final int MAX_NEGATION_WINDOW = 6;

  private PackLoader() {}

  public static IndicatorPack load(Path file) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return load(name, in);
    } catch (IOException e) {
      throw new PackLoadException(name, "$", "cannot read file: " + e.getClass().getSimpleName());
    }
  }

  /** Loads a pack from the class path, e.g. {@code org/redflag/packs/core-en.json}. */
  public static IndicatorPack loadResource(String resource) {
    // this module's own resources first (on the module path the loader sees only opened packages), then
    // the class path, where other jars' packs live
    InputStream own = PackLoader.class.getResourceAsStream("/" + resource);
    InputStream in = own != null ? own : PackLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new PackLoadException(resource, "$", "no such resource on the class path");
    try (in) {
      return load(resource.substring(resource.lastIndexOf('/') + 1), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IndicatorPack load(String fileName, InputStream in) {
    JsonNode root;
    byte[] bytes;
    try {
      bytes = in.readAllBytes(); // once, for the parser and for the digest that assessments cite
      root = JSON.readTree(bytes);
    } catch (JsonParseException e) {
      throw new PackLoadException(fileName, "$", "invalid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new PackLoadException(fileName, "$", "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PackLoadException(fileName, "$", "cannot read: " + e.getClass().getSimpleName());
    }
    return new Reader(fileName, com.google.common.hash.Hashing.sha256().hashBytes(bytes).toString()).pack(root);
  }

  private static final class Reader {
    private final String file;
    private final String sha256;

    Reader(String file, String sha256) {
      this.file = file;
      this.sha256 = sha256;
    }

    private PackLoadException error(String path, String reason) { return new PackLoadException(file, path, reason); }

    IndicatorPack pack(JsonNode root) {
      if (root == null || !root.isObject()) throw error("$", "a pack must be a JSON object");
      checkFields(root, "$", PACK_FIELDS);
      String id = requiredString(root, "$", "id");
      if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
        throw error("$.id", "pack id must be lower-case letters, digits, '.', '_' or '-', was '" + id + "'");
      }
      String version = requiredString(root, "$", "version");
      String language = requiredString(root, "$", "language");
      if (!language.equals(IndicatorPack.ANY_LANGUAGE)) {
        try {
          language = new Locale.Builder().setLanguageTag(language).build().toLanguageTag();
        } catch (java.util.IllformedLocaleException e) {
          throw error("$.language", "not a BCP 47 language tag: '" + language + "'");
        }
      }
      String jurisdiction = optionalString(root, "$", "jurisdiction");
      String description = optionalString(root, "$", "description");
      String reviewStatus = "unspecified";
      JsonNode review = root.get("review");
      if (review != null) {
        if (!review.isObject()) throw error("$.review", "expected an object with 'status'");
        reviewStatus = requiredString(review, "$.review", "status");
      }
      String overlays = optionalString(root, "$", "overlays");
      List<String> remove = stringList(root, "$", "remove");
      Map<String, Double> reweight = new LinkedHashMap<>();
      JsonNode rw = root.get("reweight");
      if (rw != null) {
        if (!rw.isObject()) throw error("$.reweight", "expected an object of entry id to weight");
        for (Iterator<Map.Entry<String, JsonNode>> it = rw.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String p = "$.reweight." + e.getKey();
          if (!e.getValue().isNumber()) throw error(p, "expected a number in [0, 1]");
          double w = e.getValue().doubleValue();
          if (!(w >= 0 && w <= 1)) throw error(p, "weight must be within [0, 1], was " + w);
          reweight.put(e.getKey(), w);
        }
      }
      if (overlays == null && (!remove.isEmpty() || !reweight.isEmpty())) {
        throw error(remove.isEmpty() ? "$.reweight" : "$.remove", "only an overlay pack (with 'overlays') may remove or re-weight entries");
      }
      List<IndicatorDeclaration> indicators = declarations(root.get("indicators"));
      Map<String, IndicatorDeclaration.PriorChange> reprior = reprior(root.get("reprior"));
      if (overlays == null && !reprior.isEmpty()) {
        throw error("$.reprior", "only an overlay pack (with 'overlays') may change the prior of an indicator");
      }
      Map<String, PackContext> contexts = contexts(root.get("contexts"));
      List<String> cues = List.of();
      List<String> through = List.of();
      int window = 0;
      JsonNode neg = root.get("negation");
      if (neg != null) {
        if (!neg.isObject()) throw error("$.negation", "expected an object with 'cues' and 'window'");
        checkFields(neg, "$.negation", Set.of("cues", "window", "through"));
        cues = stringList(neg, "$.negation", "cues");
        if (neg.has("through")) through = stringList(neg, "$.negation", "through");
        JsonNode w = neg.get("window");
        if (w == null || !w.canConvertToExactIntegral() || w.asInt() < 1 || w.asInt() > MAX_NEGATION_WINDOW) {
          throw error("$.negation.window", "expected a whole number of words from 1 to " + MAX_NEGATION_WINDOW);
        }
        window = w.asInt();
      }
      JsonNode entriesNode = root.get("entries");
      if (entriesNode == null || !entriesNode.isArray()) throw error("$.entries", "required array of entries is missing");
      if (entriesNode.isEmpty() && overlays == null) throw error("$.entries", "a base pack needs at least one entry");
      List<PackEntry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Inflection inflection = Inflection.forPack(language);
      for (int i = 0; i < entriesNode.size(); i++) {
        String p = "$.entries[" + i + "]";
        PackEntry e = entry(entriesNode.get(i), p, contexts, overlays != null, inflection);
        if (!seen.add(e.id())) throw error(p + ".id", "duplicate entry id '" + e.id() + "'");
        entries.add(e);
      }
      return new IndicatorPack(id, version, language, jurisdiction, description, reviewStatus, overlays, remove,
          reweight, contexts, cues, window, through, entries, indicators, reprior, file, sha256);
    }

    /** {@code "indicators": [{"id", "description", "prior", "reason", "source"}]}: all fields required. */
    private List<IndicatorDeclaration> declarations(JsonNode node) {
      List<IndicatorDeclaration> out = new ArrayList<>();
      if (node == null || node.isNull()) return out;
      if (!node.isArray()) throw error("$.indicators", "expected an array of indicator declarations");
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < node.size(); i++) {
        String p = "$.indicators[" + i + "]";
        JsonNode d = node.get(i);
        if (!d.isObject()) throw error(p, "expected an object with 'id', 'description', 'prior', 'reason' and 'source'");
        checkFields(d, p, DECLARATION_FIELDS);
        String id = requiredString(d, p, "id");
        if (!id.matches(IndicatorDeclaration.ID_FORM)) throw error(p + ".id", "indicator ids are dotted lower-case words, was '" + id + "'");
        if (!seen.add(id)) throw error(p + ".id", "indicator '" + id + "' is declared twice in this pack");
        double prior = prior(d.get("prior"), p + ".prior");
        out.add(new IndicatorDeclaration(id, requiredString(d, p, "description"), prior, requiredString(d, p, "reason"),
            requiredString(d, p, "source")));
      }
      return out;
    }

    /** {@code "reprior": {"indicator-id": {"prior": x, "reason": "..."}}}. */
    private Map<String, IndicatorDeclaration.PriorChange> reprior(JsonNode node) {
      Map<String, IndicatorDeclaration.PriorChange> out = new LinkedHashMap<>();
      if (node == null || node.isNull()) return out;
      if (!node.isObject()) throw error("$.reprior", "expected an object of indicator id to {\"prior\": number, \"reason\": string}");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = "$.reprior." + e.getKey();
        if (!e.getValue().isObject()) throw error(p, "expected {\"prior\": number, \"reason\": string}");
        checkFields(e.getValue(), p, Set.of("prior", "reason"));
        out.put(e.getKey(), new IndicatorDeclaration.PriorChange(prior(e.getValue().get("prior"), p + ".prior"),
            requiredString(e.getValue(), p, "reason")));
      }
      return out;
    }

    private double prior(JsonNode v, String path) {
      if (v == null || v.isNull()) throw error(path, "required field is missing (the indicator's weight in log-odds)");
      if (!v.isNumber() || !Double.isFinite(v.doubleValue())) throw error(path, "expected a finite number (log-odds)");
      return v.doubleValue();
    }

    private Map<String, PackContext> contexts(JsonNode node) {
      Map<String, PackContext> out = new LinkedHashMap<>();
      if (node == null) return out;
      if (!node.isObject()) throw error("$.contexts", "expected an object of context name to definition");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = "$.contexts." + e.getKey();
        if (!e.getValue().isObject()) throw error(p, "expected an object with 'categories' and/or 'terms'");
        checkFields(e.getValue(), p, Set.of("categories", "terms", "description"));
        List<String> terms = stringList(e.getValue(), p, "terms");
        for (int i = 0; i < terms.size(); i++) checkPattern(terms.get(i), p + ".terms[" + i + "]");
        try {
          out.put(e.getKey(), new PackContext(e.getKey(), stringList(e.getValue(), p, "categories"), terms));
        } catch (IllegalArgumentException ex) {
          throw error(p, ex.getMessage());
        }
      }
      return out;
    }

    private PackEntry entry(JsonNode n, String p, Map<String, PackContext> contexts, boolean overlay, Inflection inflection) {
      if (!n.isObject()) throw error(p, "an entry must be a JSON object");
      checkFields(n, p, ENTRY_FIELDS);
      String id = requiredString(n, p, "id");
      String indicator = requiredString(n, p, "indicator");
      if (!indicator.matches(IndicatorDeclaration.ID_FORM)) {
        throw error(p + ".indicator", "indicator ids are dotted lower-case words, was '" + indicator + "'");
      }
      List<String> patterns = stringList(n, p, "patterns");
      for (int i = 0; i < patterns.size(); i++) checkPattern(patterns.get(i), p + ".patterns[" + i + "]");
      List<String> tags = stringList(n, p, "tags");
      for (int i = 0; i < tags.size(); i++) {
        String t = tags.get(i);
        int colon = t.indexOf(':');
        if (colon <= 0 || colon == t.length() - 1) throw error(p + ".tags[" + i + "]", "tags have the form namespace:value, was '" + t + "'");
      }
      if (patterns.isEmpty() && tags.isEmpty()) throw error(p, "entry needs a non-empty 'patterns' or 'tags' array");
      List<String> exclude = stringList(n, p, "exclude");
      for (int i = 0; i < exclude.size(); i++) checkPattern(exclude.get(i), p + ".exclude[" + i + "]");
      ContextRule context = contextRule(n.get("context"), p + ".context");
      if (context != null && !contexts.containsKey(context.name()) && !overlay) {
        throw error(p + ".context", "unknown context '" + context.name() + "'; this pack defines " + contexts.keySet());
      }
      Boundary boundary = Boundary.WORD;
      String b = optionalString(n, p, "boundary");
      if (b != null) {
        try {
          boundary = Boundary.valueOf(b.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw error(p + ".boundary", "expected one of word, prefix, none; was '" + b + "'");
        }
      }
      double weight = 1.0;
      JsonNode w = n.get("weight");
      if (w != null) {
        if (!w.isNumber()) throw error(p + ".weight", "expected a number in [0, 1]");
        weight = w.doubleValue();
        if (!(weight >= 0 && weight <= 1)) throw error(p + ".weight", "weight must be within [0, 1], was " + weight);
      }
      String source = requiredString(n, p, "source");
      String notes = optionalString(n, p, "notes");
      patterns = inflect(inflection, id, patterns, p + ".patterns");
      exclude = inflect(inflection, id, exclude, p + ".exclude");
      return new PackEntry(id, indicator, patterns, tags, exclude, context, boundary, weight, source, notes);
    }

    /** {@code "context": "name"} (required) or {@code {"name": ..., "mode": "require"|"boost", "factor": x}}. */
    private ContextRule contextRule(JsonNode v, String path) {
      if (v == null || v.isNull()) return null;
      if (v.isTextual()) {
        if (v.asText().isBlank()) throw error(path, "must not be blank");
        return ContextRule.require(v.asText());
      }
      if (!v.isObject()) throw error(path, "expected a context name or an object with 'name', 'mode' and 'factor'");
      checkFields(v, path, Set.of("name", "mode", "factor"));
      String name = requiredString(v, path, "name");
      String mode = optionalString(v, path, "mode");
      ContextRule.Mode m = ContextRule.Mode.REQUIRE;
      if (mode != null) {
        try {
          m = ContextRule.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw error(path + ".mode", "expected one of require, boost; was '" + mode + "'");
        }
      }
      JsonNode f = v.get("factor");
      if (m == ContextRule.Mode.REQUIRE) {
        if (f != null) throw error(path + ".factor", "only a context with mode 'boost' takes a factor");
        return ContextRule.require(name);
      }
      if (f == null || !f.isNumber()) throw error(path + ".factor", "a boost needs a number factor in (0, " + ContextRule.MAX_FACTOR + "]");
      double factor = f.doubleValue();
      if (!(factor > 0 && factor <= ContextRule.MAX_FACTOR)) {
        throw error(path + ".factor", "factor must be within (0, " + ContextRule.MAX_FACTOR + "], was " + factor);
      }
      return ContextRule.boost(name, factor);
    }

    /** {@code ~word} becomes the word's inflected forms, each a literal phrase (see {@link Inflection}). */
    private List<String> inflect(Inflection inflection, String id, List<String> patterns, String path) {
      try {
        return inflection.expand(patterns);
      } catch (Inflection.InflectionException e) {
        throw error(path + "[" + e.pattern + "]", "entry '" + id + "': " + e.getMessage());
      }
    }

    private void checkPattern(String pattern, String path) {
      try {
        LexiconPattern.expand(pattern);
      } catch (PatternSyntaxException e) {
        throw error(path, e.getMessage());
      }
    }

    private void checkFields(JsonNode n, String path, Set<String> allowed) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) throw error(path + "." + f, "unknown field; allowed: " + new java.util.TreeSet<>(allowed));
      }
    }

    private String requiredString(JsonNode n, String path, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) throw error(path + "." + field, "required field is missing");
      if (!v.isTextual()) throw error(path + "." + field, "expected a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      if (v.asText().isBlank()) throw error(path + "." + field, "must not be blank");
      return v.asText();
    }

    private String optionalString(JsonNode n, String path, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) return null;
      if (!v.isTextual()) throw error(path + "." + field, "expected a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      return v.asText().isBlank() ? null : v.asText();
    }

    private List<String> stringList(JsonNode n, String path, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) return List.of();
      if (!v.isArray()) throw error(path + "." + field, "expected an array of strings");
      List<String> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        JsonNode s = v.get(i);
        if (!s.isTextual() || s.asText().isBlank()) throw error(path + "." + field + "[" + i + "]", "expected a non-blank string");
        out.add(s.asText());
      }
      return out;
    }
  }
}
