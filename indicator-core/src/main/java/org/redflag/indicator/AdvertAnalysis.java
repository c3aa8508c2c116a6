package org.redflag.indicator;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.redflag.pack.LexiconMatch;
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
  private final List<LexiconMatch> matches; // LexiconMatches or an ImmutableList
  private final IdentifierHasher hasher;
  // stage values by key identity: a handful of stages, so parallel arrays searched linearly instead
  // of an IdentityHashMap (allocation per advert, AssessBenchmark)
  private AnalysisKey<?>[] keys = new AnalysisKey<?>[4];
  private Object[] values = new Object[4];
  private int valueCount;
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
    // compact matches from CompiledLexicon.scan are immutable and kept as they are
    this.matches = matches instanceof LexiconMatches ? matches : ImmutableList.copyOf(matches);
    this.hasher = hasher;
  }

  public Advert advert() { return advert; }

  /** The analysed advert text. */
  public AnalyzedText text() { return text; }

  public Optional<AnalyzedText> title() { return Optional.ofNullable(title); }

  /** Language used to choose packs: the advert's own, else a detected one, else empty (all packs). */
  public Optional<String> language() { return Optional.ofNullable(language); }

  /**
   * Pack matches for one indicator, in text order. For the engine's analysis this is a compact
   * {@link LexiconMatches} view (elements built on access; its primitive accessors avoid that).
   */
  public List<LexiconMatch> lexiconMatches(String indicatorId) {
    // filtered on demand rather than grouped up front in a multimap: each indicator asks once, most
    // have no match (then nothing is allocated), and a multimap's hash map, builders and lists would be
    // allocated for every advert; indexed loops, so that no iterator is allocated per indicator
    if (matches instanceof LexiconMatches lm) return lm.forIndicator(indicatorId); // no match object built
    int size = matches.size();
    int count = 0;
    for (int i = 0; i < size; i++) if (matches.get(i).entry().indicator().equals(indicatorId)) count++;
    if (count == 0) return ImmutableList.of();
    if (count == size) return matches;
    LexiconMatch[] out = new LexiconMatch[count];
    int n = 0;
    for (int i = 0; i < size; i++) {
      LexiconMatch m = matches.get(i);
      if (m.entry().indicator().equals(indicatorId)) out[n++] = m;
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Whether the pack context {@code name} (e.g. {@code adult-services}) is present in this advert, as
   * the packs define it (category or terms; see {@link LexiconMatches#contextPresent}). False when the
   * matches did not come from the engine's scan.
   */
  public boolean contextPresent(String name) {
    return matches instanceof LexiconMatches lm && lm.contextPresent(name);
  }

  /** All pack matches. */
  public List<LexiconMatch> lexiconMatches() { return matches; }

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
