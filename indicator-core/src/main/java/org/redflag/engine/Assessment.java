package org.redflag.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.EvidenceList;
import org.redflag.pack.PackRef;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceMention;
import org.redflag.price.PriceMentions;
import org.redflag.risk.Band;
import org.redflag.text.OffsetUnit;

/**
 * The result of assessing one advert: a lead for prioritised human review, never a finding about a
 * person. Carries everything needed to audit and reproduce it: per-indicator rows, evidence spans,
 * the model and pack versions, the keyed digest of the input record and its provenance. {@code identifiers}
 * are the advert's contact identifiers, each as a keyed hash (unless the engine reveals them) with its
 * span, for linking adverts ({@code org.redflag.link}).
 */
public record Assessment(String id, double score, Band band, List<IndicatorResult> indicators, List<Evidence> evidence,
    PriceMentions prices, Map<String, Double> features, String model, List<String> packs, String inputDigest,
    List<IdentifierMention> identifiers, Provenance provenance, Applied applied, OffsetUnit offsets) {

  /**
   * Where the advert came from and how it was read, echoed so that an assessment can be traced to its
   * capture: the advert's {@code site}, {@code url}, {@code postedAt}, {@code capturedAt}, {@code market},
   * {@code category}, and the language applied to it (stated, or detected when the engine detects
   * languages; null when neither). Any field may be null.
   */
  public record Provenance(String site, String url, java.time.Instant postedAt, java.time.Instant capturedAt, String market,
      String category, String language) {
    public static final Provenance NONE = new Provenance(null, null, null, null, null, null, null);
  }

  /**
   * What took part in assessing this advert, exactly: the packs whose entries could match it (those
   * of the language applied and the language-neutral ones; all of them when no language is known),
   * each with the SHA-256 of its file, and the baseline files behind the market baseline its prices
   * were compared with (empty when it had none). {@code packs} of the assessment lists every pack of
   * the engine by label, as before.
   */
  public record Applied(List<PackRef> packs, List<MarketBaselines.Source> baselines) {
    public static final Applied NONE = new Applied(List.of(), List.of());

    public Applied {
      packs = List.copyOf(packs);
      baselines = List.copyOf(baselines);
    }
  }

  public Assessment {
    offsets = offsets == null ? OffsetUnit.UTF16 : offsets;
    provenance = provenance == null ? Provenance.NONE : provenance;
    applied = applied == null ? Applied.NONE : applied;
    identifiers = ImmutableList.copyOf(identifiers);
    indicators = ImmutableList.copyOf(indicators);
    evidence = EvidenceList.immutable(evidence); // an EvidenceList stays lazy (see there)
    prices = java.util.Objects.requireNonNull(prices, "prices"); // immutable and compact: kept as it is
    features = ImmutableSortedMap.copyOf(features);
    packs = ImmutableList.copyOf(packs);
  }

  /** An assessment whose spans are UTF-16 offsets, as the engine computes them. */
  public Assessment(String id, double score, Band band, List<IndicatorResult> indicators, List<Evidence> evidence,
      List<PriceMention> prices, Map<String, Double> features, String model, List<String> packs, String inputDigest,
      List<IdentifierMention> identifiers, Provenance provenance, Applied applied) {
    this(id, score, band, indicators, evidence, prices, features, model, packs, inputDigest, identifiers, provenance, applied,
        OffsetUnit.UTF16);
  }

  /** As the canonical constructor, with any list of prices (copied). */
  public Assessment(String id, double score, Band band, List<IndicatorResult> indicators, List<Evidence> evidence,
      List<PriceMention> prices, Map<String, Double> features, String model, List<String> packs, String inputDigest,
      List<IdentifierMention> identifiers, Provenance provenance, Applied applied, OffsetUnit offsets) {
    this(id, score, band, indicators, evidence, PriceMentions.copyOf(prices), features, model, packs, inputDigest, identifiers,
        provenance, applied, offsets);
  }

  /** An assessment without identifiers. */
  public Assessment(String id, double score, Band band, List<IndicatorResult> indicators, List<Evidence> evidence,
      List<PriceMention> prices, Map<String, Double> features, String model, List<String> packs, String inputDigest) {
    this(id, score, band, indicators, evidence, prices, features, model, packs, inputDigest, List.of(), Provenance.NONE, Applied.NONE);
  }

  /**
   * This assessment with every span (evidence, prices, identifiers) counted in {@code unit} instead of
   * UTF-16 code units: code points for Python, R or Julia, UTF-8 bytes for Rust, Go or byte-oriented
   * tools, so that {@code text[start:end]} in the reader's language is the match. {@code advert} is the
   * advert this assessment is of (its text, title and contacts are what the spans index). {@link
   * #offsets()} names the unit, and JSON output writes it as {@code "offsets"} when it is not UTF-16.
   *
   * @throws IllegalStateException when this assessment's spans are already converted
   * @throws IllegalArgumentException when {@code advert} is not the assessed advert
   */
  public Assessment withOffsets(OffsetUnit unit, org.redflag.advert.Advert advert) {
    java.util.Objects.requireNonNull(unit, "unit");
    if (!advert.id().equals(id)) throw new IllegalArgumentException("advert " + advert.id() + " is not the assessed advert " + id);
    if (unit == offsets) return this;
    if (offsets != OffsetUnit.UTF16) throw new IllegalStateException("spans are already in " + offsets.label() + "; convert from utf16");
    SpanConversion c = new SpanConversion(unit, advert);
    return new Assessment(id, score, band, indicators, c.evidence(evidence), PriceMentions.copyOf(c.prices(prices)), features, model, packs, inputDigest,
        c.identifiers(identifiers), provenance, applied, unit);
  }

  /** Rows of the indicators that fired, strongest contribution first. */
  public List<IndicatorResult> fired() {
    return indicators.stream().filter(IndicatorResult::fired)
        .sorted((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * A readable explanation for a reviewer: the score and band, then each indicator that fired with
   * its contribution and evidence. Quotes matched surface forms, never the whole text.
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Advert %s: review priority %s (score %.3f)%n", id, band, score));
    sb.append("Model ").append(model).append("; packs ").append(String.join(", ", packs)).append('\n');
    if (offsets != OffsetUnit.UTF16) sb.append("Offsets in ").append(offsets.label()).append('\n');
    List<IndicatorResult> fired = fired();
    if (fired.isEmpty()) {
      sb.append("No indicator fired.\n");
    }
    for (IndicatorResult r : fired) {
      sb.append(String.format(Locale.ROOT, "- %s: strength %.2f, %s%.2f log-odds%n", r.id(), r.strength(),
          r.contribution() >= 0 ? "+" : "", r.contribution()));
      for (Evidence e : evidence) {
        if (!e.indicator().equals(r.id())) continue;
        sb.append("    \"").append(e.match()).append('"');
        if (e.start() != null) sb.append(" at ").append(e.fieldName().orElse("text")).append('[').append(e.start())
            .append(", ").append(e.end()).append(')');
        else sb.append(" in ").append(e.field());
        sb.append(" — entry ").append(e.entry()).append("; source: ").append(e.source()).append('\n');
      }
    }
    sb.append("This is a lead for trained human review, not a determination about any person.\n");
    return sb.toString();
  }
}
