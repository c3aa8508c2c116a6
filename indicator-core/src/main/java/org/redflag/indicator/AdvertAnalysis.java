package org.redflag.indicator;

import java.util.Objects;
import java.util.Optional;
import org.redflag.pack.LexiconMatches;
import org.redflag.advert.Advert;
import org.redflag.text.AnalyzedText;

/**
 * Everything indicators read about one advert, computed once by the engine: the advert, its analysed
 * text and title, the pack matches of the single automaton pass grouped by indicator, the values of
 * analysis stages, the language that selected the packs, and the identifier hasher. Indicators only
 * read it.
 */
public final class AdvertAnalysis {
  private final Advert advert;
  private final AnalyzedText text;
  private final AnalyzedText title;
  private final String language;
  private final LexiconMatches matches;
  private final IdentifierHasher hasher;
  // stage values by key identity: a handful of stages, so parallel arrays searched linearly instead
  // of an IdentityHashMap (allocation per advert, AssessBenchmark)
  private AnalysisKey<?>[] keys = new AnalysisKey<?>[4];
  private Object[] values = new Object[4];
  private int valueCount;
  private boolean frozen;

  /**
   * For engines: creates the analysis from the matches of {@code CompiledLexicon.scan}; stage values are
   * added with {@link #put} before {@link #freeze()}.
   */
  public AdvertAnalysis(Advert advert, AnalyzedText text, AnalyzedText title, String language,
      LexiconMatches matches, IdentifierHasher hasher) {
    this.advert = advert;
    this.text = text;
    this.title = title;
    this.language = language;
    this.matches = Objects.requireNonNull(matches, "matches"); // immutable: kept as it is
    this.hasher = hasher;
  }

  public Advert advert() { return advert; }

  /** The analysed advert text. */
  public AnalyzedText text() { return text; }

  public Optional<AnalyzedText> title() { return Optional.ofNullable(title); }

  /** Language used to choose packs: the advert's own, else a detected one, else empty (all packs). */
  public Optional<String> language() { return Optional.ofNullable(language); }

  /**
   * Pack matches for one indicator, in text order: a compact view (elements built on access; its
   * primitive accessors read a match without building one).
   */
  public LexiconMatches lexiconMatches(String indicatorId) {
    // filtered on demand rather than grouped up front in a multimap: each indicator asks once, most
    // have no match (then nothing is allocated), and a multimap's hash map, builders and lists would be
    // allocated for every advert
    return matches.forIndicator(indicatorId);
  }

  /**
   * Whether the pack context {@code name} (e.g. {@code adult-services}) is present in this advert, as
   * the packs define it (category or terms; see {@link LexiconMatches#contextPresent}).
   */
  public boolean contextPresent(String name) { return matches.contextPresent(name); }

  /** All pack matches. */
  public LexiconMatches lexiconMatches() { return matches; }

  public IdentifierHasher hasher() { return hasher; }

  public <T> Optional<T> get(AnalysisKey<T> key) {
    int i = indexOf(key);
    return i < 0 ? Optional.empty() : Optional.ofNullable(key.cast(values[i]));
  }

  private int indexOf(AnalysisKey<?> key) {
    for (int i = 0; i < valueCount; i++) if (keys[i] == key) return i;
    return -1;
  }

  /** For engines: records a stage value. */
  public <T> void put(AnalysisKey<T> key, T value) {
    if (frozen) throw new IllegalStateException("analysis is complete; stage values can no longer be added");
    if (value == null) return;
    int i = indexOf(key);
    if (i < 0) {
      if (valueCount == keys.length) {
        keys = java.util.Arrays.copyOf(keys, 2 * valueCount);
        values = java.util.Arrays.copyOf(values, 2 * valueCount);
      }
      i = valueCount++;
      keys[i] = key;
    }
    values[i] = value;
  }

  /** For engines: no more stage values. */
  public void freeze() { frozen = true; }
}
