package org.redflag.indicator;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redflag.pack.LexiconMatch;
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
  private final ImmutableList<LexiconMatch> matches;
  private final ImmutableListMultimap<String, LexiconMatch> byIndicator;
  private final IdentifierHasher hasher;
  private final Map<AnalysisKey<?>, Object> values = new IdentityHashMap<>();
  private boolean frozen;

  /**
   * For engines: creates the analysis; stage values are added with {@link #put} before
   * {@link #freeze()}.
   */
  public AdvertAnalysis(Advert advert, AnalyzedText text, AnalyzedText title, String language,
      List<LexiconMatch> matches, IdentifierHasher hasher) {
    this.advert = advert;
    this.text = text;
    this.title = title;
    this.language = language;
    this.matches = ImmutableList.copyOf(matches);
    ImmutableListMultimap.Builder<String, LexiconMatch> b = ImmutableListMultimap.builder();
    for (LexiconMatch m : matches) b.put(m.entry().indicator(), m);
    this.byIndicator = b.build();
    this.hasher = hasher;
  }

  public Advert advert() { return advert; }

  /** The analysed advert text. */
  public AnalyzedText text() { return text; }

  public Optional<AnalyzedText> title() { return Optional.ofNullable(title); }

  /** Language used to choose packs: the advert's own, else a detected one, else empty (all packs). */
  public Optional<String> language() { return Optional.ofNullable(language); }

  /** Pack matches for one indicator, in text order. */
  public List<LexiconMatch> lexiconMatches(String indicatorId) { return byIndicator.get(indicatorId); }

  /** All pack matches. */
  public List<LexiconMatch> lexiconMatches() { return matches; }

  public IdentifierHasher hasher() { return hasher; }

  public <T> Optional<T> get(AnalysisKey<T> key) { return Optional.ofNullable(key.cast(values.get(key))); }

  /** For engines: records a stage value. */
  public <T> void put(AnalysisKey<T> key, T value) {
    if (frozen) throw new IllegalStateException("analysis is complete; stage values can no longer be added");
    if (value != null) values.put(key, value);
  }

  /** For engines: no more stage values. */
  public void freeze() { frozen = true; }
}
