package org.redflag.indicator;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an indicator fired: the indicator, the lexicon entry or rule, the matched surface form and its
 * provenance. Evidence from advert text carries {@code start}/{@code end}, UTF-16 offsets into the
 * original {@code text} such that {@code text.substring(start, end).equals(match)} (unless {@code masked}: the match
 * of an identifier is {@value #MASKED} unless the caller reveals identifiers). Evidence from
 * another field (title, tags, structured prices) names that {@code field} (e.g. {@code tags[2]}); for
 * the title, {@code start}/{@code end} index into the title.
 *
 * <p>{@code details} holds extra, indicator-specific facts (a normalised hashed phone number, a price
 * percentile), with sorted keys so output is deterministic.
 */
public record Evidence(String indicator, Integer start, Integer end, String match, String entry, String source,
    String field, Map<String, Object> details, boolean masked) {
  /** The {@code match} of evidence whose matched text is an identifier and is not revealed. */
  public static final String MASKED = "[masked]";

  /** Evidence whose match is the matched text itself. */
  public Evidence(String indicator, Integer start, Integer end, String match, String entry, String source, String field,
      Map<String, Object> details) {
    this(indicator, start, end, match, entry, source, field, details, false);
  }

  public Evidence {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(source, "source");
    if ((start == null) != (end == null)) throw new IllegalArgumentException("evidence start and end go together");
    if (start != null && (start < 0 || end < start)) {
      throw new IllegalArgumentException("evidence span [" + start + ", " + end + ") is not a valid range");
    }
    if (start == null && field == null) throw new IllegalArgumentException("evidence needs a text span or a field");
    details = details == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(details);
    if (masked && !MASKED.equals(match)) throw new IllegalArgumentException("masked evidence has the match " + MASKED);
  }

  /**
   * This evidence with its match replaced by {@link #MASKED}: for identifiers (a phone number in
   * readable form), which output must not carry unless the caller asked to reveal them. The span
   * stays, so a reviewer holding the advert sees what matched.
   */
  public Evidence maskMatch() { return new Evidence(indicator, start, end, MASKED, entry, source, field, details, true); }

  /** Evidence for a span of the advert text. */
  public static Evidence inText(String indicator, String originalText, int start, int end, String entry, String source) {
    return new Evidence(indicator, start, end, originalText.substring(start, end), entry, source, null, null);
  }

  /** Evidence from a field other than the text (tags, prices, title without span). */
  public static Evidence inField(String indicator, String field, String match, String entry, String source) {
    return new Evidence(indicator, null, null, match, entry, source, Objects.requireNonNull(field, "field"), null);
  }

  /** Evidence for a pack match, attributed to {@code indicatorId}. */
  public static Evidence of(org.redflag.pack.LexiconMatch m, String indicatorId) {
    var e = m.entry();
    if (m.start() < 0) return inField(indicatorId, m.field(), m.match(), e.id(), e.source());
    return new Evidence(indicatorId, m.start(), m.end(), m.match(), e.id(), e.source(), m.field(), null);
  }

  public Evidence withDetails(Map<String, Object> details) {
    return new Evidence(indicator, start, end, match, entry, source, field, details, masked);
  }

  /** This evidence with its span counted otherwise (see {@code Assessment.withOffsets}). */
  public Evidence withSpan(int start, int end) {
    return new Evidence(indicator, start, end, match, entry, source, field, details, masked);
  }

  /** True when the span indexes into the advert's {@code text}. */
  public boolean isTextSpan() { return start != null && field == null; }

  public Optional<String> fieldName() { return Optional.ofNullable(field); }
}
