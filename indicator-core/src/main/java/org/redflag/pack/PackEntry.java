package org.redflag.pack;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redflag.match.Boundary;

/**
 * One lexicon entry of an indicator pack: the surface forms ({@code patterns} over text, or
 * {@code tags} over advert metadata) that make {@code indicator} fire, with provenance.
 */
public final class PackEntry {
  private final String id;
  private final String indicator;
  private final ImmutableList<String> patterns;
  private final ImmutableList<String> tags;
  private final ImmutableList<String> exclude;
  private final ContextRule context;
  private final Boundary boundary;
  private final double weight;
  private final String source;
  private final String notes;

  PackEntry(String id, String indicator, List<String> patterns, List<String> tags, List<String> exclude,
      String context, Boundary boundary, double weight, String source, String notes) {
    this(id, indicator, patterns, tags, exclude, context == null ? null : ContextRule.require(context), boundary, weight,
        source, notes);
  }

  /** An entry whose context may be a gate or a weight (see {@link ContextRule}). */
  PackEntry(String id, String indicator, List<String> patterns, List<String> tags, List<String> exclude,
      ContextRule context, Boundary boundary, double weight, String source, String notes) {
    this.id = requireText(id, "id");
    this.indicator = requireText(indicator, "indicator");
    this.patterns = ImmutableList.copyOf(patterns);
    this.tags = ImmutableList.copyOf(tags);
    this.exclude = ImmutableList.copyOf(exclude);
    if (this.patterns.isEmpty() && this.tags.isEmpty()) {
      throw new IllegalArgumentException("entry '" + id + "' needs at least one pattern or tag");
    }
    this.context = context;
    this.boundary = Objects.requireNonNull(boundary, "boundary");
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("entry '" + id + "' weight must be within [0, 1], was " + weight);
    }
    this.weight = weight;
    this.source = requireText(source, "source");
    this.notes = notes;
  }

  private static String requireText(String v, String field) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException("entry field '" + field + "' is required");
    return v;
  }

  public String id() { return id; }
  public String indicator() { return indicator; }
  /** The phrases the entry matches; in a loaded pack every {@code ~word} is already expanded to its forms. */
  public List<String> patterns() { return patterns; }
  public List<String> tags() { return tags; }
  /** Phrases that, when a match lies inside one of them, cancel the match (e.g. "no agency"). */
  public List<String> exclude() { return exclude; }
  /** Name of the pack context this entry requires or is boosted by, if any (its pack's {@link IndicatorPack#contexts()}). */
  public Optional<String> context() { return Optional.ofNullable(context).map(ContextRule::name); }

  /** How the entry uses its context: as a gate (required) or a weight (boost). */
  Optional<ContextRule> contextRule() { return Optional.ofNullable(context); }
  /** Where a pattern may start and end (the pack's {@code "boundary"}, default whole words). */
  Boundary boundary() { return boundary; }
  /** Strength this entry contributes to its indicator, in [0, 1]. */
  public double weight() { return weight; }
  /** Where this red flag comes from. */
  public String source() { return source; }
  public Optional<String> notes() { return Optional.ofNullable(notes); }

  PackEntry withWeight(double w) {
    return new PackEntry(id, indicator, patterns, tags, exclude, context, boundary, w, source, notes);
  }

  @Override
  public String toString() { return "PackEntry{" + id + " -> " + indicator + "}"; }
}
