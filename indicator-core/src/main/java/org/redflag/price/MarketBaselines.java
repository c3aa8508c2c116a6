package org.redflag.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.redflag.advert.Advert;

/**
 * Market baselines by market key and service category, as read from or written to a baseline file.
 * Immutable and thread-safe.
 *
 * <p>File format {@value #FORMAT} (JSON):
 * <pre>{@code
 * {"format": "redflag-baseline/1",
 *  "baselines": [{"market": "metro-a", "category": null, "currency": "USD", "count": 240,
 *                 "sketch": "<base64 of the serialised KLL doubles sketch>"}, ...]}
 * }</pre>
 * {@code category} null (or absent) means all categories of the market. A file that cannot be used
 * fails at load with a {@link BaselineFormatException} naming the file, the JSON path and the reason.
 */
public final class MarketBaselines {
  /** Format id of baseline files; a new incompatible layout gets a new number. */
  public static final String FORMAT = "redflag-baseline/1";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final MarketBaselines EMPTY = new MarketBaselines(Map.of(), Map.of());

  /** A baseline file by name and the SHA-256 (lower-case hex) of its bytes, as assessments cite it. */
  public record Source(String file, String sha256) {}

  /** Keyed by market + NUL + category ("" for all categories). */
  private final Map<String, MarketBaseline> byKey;
  private final ImmutableList<MarketBaseline> all;
  private final java.util.Set<String> marketsWithCategories;
  // the same baselines by market, then category ("" for all): a lookup per advert builds no key
  // string (why: AssessBenchmark.assessWithBaseline allocation)
  private final Map<String, Map<String, MarketBaseline>> byMarket;
  /** Key as in byKey -> the files the baseline was read from (none for baselines built in code). */
  private final Map<String, List<Source>> sourcesByKey;
  /** The same by baseline object: the lookup per assessed advert builds no key. */
  private final java.util.IdentityHashMap<MarketBaseline, List<Source>> sourcesOf = new java.util.IdentityHashMap<>();

  private MarketBaselines(Map<String, MarketBaseline> byKey, Map<String, List<Source>> sourcesByKey) {
    this.byKey = Map.copyOf(byKey);
    this.sourcesByKey = Map.copyOf(sourcesByKey);
    byKey.forEach((k, b) -> sourcesOf.put(b, this.sourcesByKey.getOrDefault(k, List.of())));
    java.util.Set<String> withCategories = new java.util.HashSet<>();
    for (MarketBaseline b : byKey.values()) if (b.category().isPresent()) withCategories.add(b.market());
    this.marketsWithCategories = java.util.Set.copyOf(withCategories);
    Map<String, Map<String, MarketBaseline>> m = new java.util.HashMap<>();
    for (MarketBaseline b : byKey.values()) m.computeIfAbsent(b.market(), k -> new java.util.HashMap<>()).put(b.category().orElse(""), b);
    Map<String, Map<String, MarketBaseline>> frozen = new java.util.HashMap<>();
    m.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    this.byMarket = Map.copyOf(frozen);
    List<MarketBaseline> l = new ArrayList<>(byKey.values());
    l.sort(Comparator.comparing(MarketBaseline::market).thenComparing(b -> b.category().orElse("")));
    this.all = ImmutableList.copyOf(l);
  }

  public static MarketBaselines empty() { return EMPTY; }

  /** Baselines with distinct (market, category) keys. */
  public static MarketBaselines of(Collection<MarketBaseline> baselines) {
    Map<String, MarketBaseline> m = new LinkedHashMap<>();
    for (MarketBaseline b : baselines) {
      if (m.put(key(b.market(), b.category().orElse(null)), b) != null) {
        throw new IllegalArgumentException("two baselines for market '" + b.market() + "' category '"
            + b.category().orElse("all") + "'");
      }
    }
    return new MarketBaselines(m, Map.of());
  }

  public boolean isEmpty() { return all.isEmpty(); }

  /** All baselines, by market then category (market-wide first). */
  public List<MarketBaseline> all() { return all; }

  /** The baseline for exactly this market and category ({@code null} category: the market-wide one). */
  public Optional<MarketBaseline> get(String market, String category) {
    if (market == null || byMarket.isEmpty()) return Optional.empty();
    Map<String, MarketBaseline> categories = byMarket.get(norm(market)); // norm allocates nothing for clean input
    return categories == null ? Optional.empty() : Optional.ofNullable(categories.get(category == null ? "" : norm(category)));
  }

  /**
   * The baseline an advert in this market and category is compared with; empty means no call, not a
   * guess. An advert with a category gets its category's baseline; when the market has baselines for
   * other categories but not this one, it gets none (comparing, say, a job advert's hourly wage with
   * massage prices would be meaningless); when the market has no category baselines at all, or the
   * advert has no category, it gets the market-wide baseline.
   */
  public Optional<MarketBaseline> find(String market, String category) {
    // no baselines (the default engine): no key to normalise per advert
    if (byKey.isEmpty() || market == null || market.isBlank()) return Optional.empty();
    if (category != null && !category.isBlank()) {
      Optional<MarketBaseline> c = get(market, category);
      if (c.isPresent()) return c;
      if (marketsWithCategories.contains(norm(market))) return Optional.empty();
    }
    return get(market, null);
  }

  /**
   * The files {@code baseline} (one of these baselines, as {@link #find} gives it) was read from, in
   * the order they were merged; empty for a baseline built in code.
   */
  public List<Source> sources(MarketBaseline baseline) {
    List<Source> s = sourcesOf.get(baseline);
    return s == null ? List.of() : s;
  }

  /** Both sets; baselines with the same key are merged (their currencies must agree), and so are their sources. */
  public MarketBaselines merge(MarketBaselines other) {
    Map<String, MarketBaseline> m = new LinkedHashMap<>(byKey);
    Map<String, List<Source>> sources = new LinkedHashMap<>(sourcesByKey);
    for (MarketBaseline b : other.all) {
      String k = key(b.market(), b.category().orElse(null));
      m.merge(k, b, MarketBaseline::merge);
      List<Source> more = other.sourcesByKey.getOrDefault(k, List.of());
      if (!more.isEmpty()) {
        java.util.LinkedHashSet<Source> both = new java.util.LinkedHashSet<>(sources.getOrDefault(k, List.of()));
        both.addAll(more);
        sources.put(k, List.copyOf(both));
      }
    }
    return new MarketBaselines(m, sources);
  }

  private static String norm(String s) { return s.strip().toLowerCase(Locale.ROOT); }

  private static String key(String market, String category) { return market + '\u0000' + (category == null ? "" : category); }

  // ---------------------------------------------------------------- file format

  /** The baseline file text (UTF-8 JSON, stable order). */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode arr = root.putArray("baselines");
    for (MarketBaseline b : all) {
      ObjectNode o = arr.addObject();
      o.put("market", b.market());
      if (b.category().isPresent()) o.put("category", b.category().get()); else o.putNull("category");
      o.put("currency", b.currency());
      o.put("count", b.count());
      o.put("sketch", Base64.getEncoder().encodeToString(b.sketchBytes()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise baselines", e);
    }
  }

  public void write(Path file) throws IOException { Files.writeString(file, toJson(), StandardCharsets.UTF_8); }

  /** Reads a baseline file; failures name the file, the JSON path and the reason. */
  public static MarketBaselines read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes;
    String text;
    try {
      bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (IOException | RuntimeException e) {
      throw new BaselineFormatException(name, "$", "cannot read file (" + e.getClass().getSimpleName() + ")");
    }
    return parse(text, new Source(name, com.google.common.hash.Hashing.sha256().hashBytes(bytes).toString()));
  }

  /**
   * Parses baseline file text; {@code name} names the source in error messages and in
   * {@link #sources} (with the SHA-256 of the text's UTF-8 bytes).
   */
  public static MarketBaselines parse(String json, String name) {
    return parse(json, new Source(name, com.google.common.hash.Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString()));
  }

  private static MarketBaselines parse(String json, Source source) {
    String name = source.file();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new BaselineFormatException(name, "$", "invalid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
          + " column " + loc.getColumnNr()));
    }
    if (root == null || !root.isObject()) throw new BaselineFormatException(name, "$", "a baseline file must be a JSON object");
    JsonNode format = root.get("format");
    if (format == null || format.isNull()) {
      throw new BaselineFormatException(name, "$.format", "missing; expected \"" + FORMAT + "\"");
    }
    if (!format.isTextual() || !FORMAT.equals(format.asText())) {
      throw new BaselineFormatException(name, "$.format", "unsupported format " + format
          + "; this version reads \"" + FORMAT + "\"");
    }
    JsonNode arr = root.get("baselines");
    if (arr == null || !arr.isArray()) throw new BaselineFormatException(name, "$.baselines", "expected an array of baselines");
    Map<String, MarketBaseline> m = new LinkedHashMap<>();
    Map<String, String> seenAt = new TreeMap<>();
    for (int i = 0; i < arr.size(); i++) {
      String path = "$.baselines[" + i + "]";
      MarketBaseline b = readOne(name, path, arr.get(i));
      String k = key(b.market(), b.category().orElse(null));
      if (m.put(k, b) != null) {
        throw new BaselineFormatException(name, path, "second baseline for market '" + b.market() + "' category '"
            + b.category().orElse("all") + "' (first at " + seenAt.get(k) + ")");
      }
      seenAt.put(k, path);
    }
    Map<String, List<Source>> sources = new LinkedHashMap<>();
    for (String k : m.keySet()) sources.put(k, List.of(source));
    return new MarketBaselines(m, sources);
  }

  private static MarketBaseline readOne(String name, String path, JsonNode o) {
    if (o == null || !o.isObject()) throw new BaselineFormatException(name, path, "expected an object");
    String market = text(name, path, o, "market", true);
    String category = text(name, path, o, "category", false);
    String currency = text(name, path, o, "currency", true);
    try {
      MarketBaseline.currencyCode(currency);
    } catch (IllegalArgumentException e) {
      throw new BaselineFormatException(name, path + ".currency", e.getMessage());
    }
    JsonNode count = o.get("count");
    if (count == null || !count.canConvertToExactIntegral() || !count.canConvertToLong() || count.asLong() < 0) {
      throw new BaselineFormatException(name, path + ".count", "expected a whole number >= 0");
    }
    String sketch = text(name, path, o, "sketch", true);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sketch);
    } catch (IllegalArgumentException e) {
      throw new BaselineFormatException(name, path + ".sketch", "not valid base64");
    }
    MarketBaseline b;
    try {
      b = MarketBaseline.fromSketchBytes(market, category, currency, bytes);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("market") ? ".market" : e.getMessage().startsWith("category") ? ".category" : ".sketch";
      throw new BaselineFormatException(name, path + field, e.getMessage());
    }
    if (b.count() != count.asLong()) {
      throw new BaselineFormatException(name, path + ".count", count.asLong() + " does not match the sketch, which holds "
          + b.count() + " rates");
    }
    return b;
  }

  private static String text(String name, String path, JsonNode o, String field, boolean required) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new BaselineFormatException(name, path + "." + field, "required field is missing");
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new BaselineFormatException(name, path + "." + field, "expected a non-blank string");
    }
    return v.asText();
  }

  // ---------------------------------------------------------------- building from adverts

  /** A builder that reads adverts with the default {@link PriceExtractor} and sketch size. */
  public static Builder builder() { return new Builder(PriceExtractor.defaults(), MarketBaseline.DEFAULT_K); }

  public static Builder builder(PriceExtractor extractor, int k) { return new Builder(extractor, k); }

  /** What {@link Builder#add(Advert)} did with an advert. */
  public enum Added {
    /** Its hourly rate was added to its market (and category) baseline. */
    USED,
    /** It has no {@code market} field. */
    NO_MARKET,
    /** It has no price with both a currency and a duration. */
    NO_HOURLY_RATE
  }

  /** Counts of a build, for the build report. */
  public record BuildStats(long adverts, long used, long withoutMarket, long withoutHourlyRate, long otherCurrency) {}

  /**
   * Builds baselines from adverts with a {@code market} field: each advert adds its lowest hourly rate
   * ({@link HourlyRate}) to its market-wide baseline and, when it has a category, to the category's
   * baseline. Rates are kept per currency; each baseline keeps the currency most of its adverts use
   * and reports the others as {@code otherCurrency}. Not thread-safe: build per thread or per shard,
   * then {@link #merge(Builder)}.
   */
  public static final class Builder {
    private final PriceExtractor extractor;
    private final int k;
    /** key(market, category) -> currency -> builder. */
    private final Map<String, Map<String, MarketBaseline.Builder>> sketches = new TreeMap<>();
    private long adverts;
    private long used;
    private long withoutMarket;
    private long withoutRate;

    private Builder(PriceExtractor extractor, int k) {
      this.extractor = java.util.Objects.requireNonNull(extractor, "extractor");
      MarketBaseline.builder("k-check", null, "USD", k); // validates k
      this.k = k;
    }

    public Added add(Advert advert) {
      adverts++;
      if (advert.market().isEmpty()) {
        withoutMarket++;
        return Added.NO_MARKET;
      }
      PriceMentions prices = extractor.extract(advert, null);
      List<String> currencies = new ArrayList<>(2);
      for (PriceMention p : prices) {
        if (p.currency() != null && p.minutes() != null && !currencies.contains(p.currency())) currencies.add(p.currency());
      }
      boolean any = false;
      for (String cur : currencies) {
        HourlyRate r = HourlyRate.lowest(prices, cur);
        if (r == null) continue;
        any = true;
        builderFor(advert.market().get(), null, cur).add(r.rate());
        if (advert.category().isPresent()) builderFor(advert.market().get(), advert.category().get(), cur).add(r.rate());
      }
      if (!any) {
        withoutRate++;
        return Added.NO_HOURLY_RATE;
      }
      used++;
      return Added.USED;
    }

    private MarketBaseline.Builder builderFor(String market, String category, String currency) {
      String m = MarketBaseline.key(market, "market");
      String c = category == null ? null : MarketBaseline.key(category, "category");
      return sketches.computeIfAbsent(key(m, c), x -> new TreeMap<>())
          .computeIfAbsent(currency, x -> MarketBaseline.builder(m, c, currency, k));
    }

    /** Adds everything another builder has seen (e.g. one built on another thread). */
    public Builder merge(Builder other) {
      for (var e : other.sketches.entrySet()) {
        for (var c : e.getValue().entrySet()) {
          MarketBaseline.Builder o = c.getValue();
          builderFor(o.market(), o.category(), o.currency()).merge(o);
        }
      }
      adverts += other.adverts;
      used += other.used;
      withoutMarket += other.withoutMarket;
      withoutRate += other.withoutRate;
      return this;
    }

    public BuildStats stats() {
      long other = 0;
      for (Map<String, MarketBaseline.Builder> byCur : sketches.values()) {
        MarketBaseline.Builder main = main(byCur);
        for (MarketBaseline.Builder b : byCur.values()) if (b != main) other += b.count();
      }
      return new BuildStats(adverts, used, withoutMarket, withoutRate, other);
    }

    /** One baseline per (market, category) seen, in its majority currency. */
    public MarketBaselines build() {
      List<MarketBaseline> out = new ArrayList<>();
      for (Map<String, MarketBaseline.Builder> byCur : sketches.values()) out.add(main(byCur).build());
      return of(out);
    }

    private static MarketBaseline.Builder main(Map<String, MarketBaseline.Builder> byCur) {
      MarketBaseline.Builder best = null;
      for (MarketBaseline.Builder b : byCur.values()) if (best == null || b.count() > best.count()) best = b; // ties: first code
      return best;
    }
  }
}
