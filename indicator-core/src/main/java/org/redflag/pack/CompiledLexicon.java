package org.redflag.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.redflag.advert.Advert;
import org.redflag.match.LexiconPattern;
import org.redflag.match.MatchAutomaton;
import org.redflag.pack.PackSet.ResolvedEntry;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * All entries of a {@link PackSet} compiled into one automaton, together with exclusion phrases,
 * context terms and negation cues, so an advert's text is scanned once for everything. Immutable and
 * thread-safe.
 */
public final class CompiledLexicon {
  private static final int ROLE_ENTRY = 0;
  private static final int ROLE_EXCLUDE = 1;
  private static final int ROLE_CONTEXT = 2;
  private static final int ROLE_CUE = 3;

  private final PackSet packs;
  private final TextPipeline pipeline;
  private final MatchAutomaton automaton;
  private final int[] role;
  private final int[] target; // entry index, context index or pack index, by role
  private final List<ResolvedEntry> entries;
  private final int[] entryContext; // context index required by entry, or -1
  private final int[] entryPack;    // index of the pack whose negation cues apply
  private final List<PackContext> contexts;
  private final List<IndicatorPack> packList;

  private CompiledLexicon(PackSet packs, TextPipeline pipeline) {
    this.packs = packs;
    this.pipeline = pipeline;
    this.entries = packs.entries();
    this.packList = packs.packs();
    this.contexts = new ArrayList<>();
    MatchAutomaton.Builder b = MatchAutomaton.builder();
    List<int[]> ids = new ArrayList<>();
    entryContext = new int[entries.size()];
    entryPack = new int[entries.size()];
    for (int e = 0; e < entries.size(); e++) {
      ResolvedEntry r = entries.get(e);
      PackEntry entry = r.entry();
      entryPack[e] = packList.indexOf(r.scope());
      entryContext[e] = -1;
      if (entry.context().isPresent()) {
        PackContext c = packs.context(r, entry.context().get());
        int ci = contexts.indexOf(c);
        if (ci < 0) {
          ci = contexts.size();
          contexts.add(c);
          for (String term : c.terms()) addPattern(b, ids, term, org.redflag.match.Boundary.WORD, ROLE_CONTEXT, ci);
        }
        entryContext[e] = ci;
      }
      for (String p : entry.patterns()) addPattern(b, ids, p, entry.boundary(), ROLE_ENTRY, e);
      for (String p : entry.exclude()) addPattern(b, ids, p, org.redflag.match.Boundary.WORD, ROLE_EXCLUDE, e);
    }
    for (int p = 0; p < packList.size(); p++) {
      for (String cue : packList.get(p).negationCues()) addPattern(b, ids, cue, org.redflag.match.Boundary.WORD, ROLE_CUE, p);
    }
    this.automaton = b.build();
    this.role = ids.stream().mapToInt(a -> a[0]).toArray();
    this.target = ids.stream().mapToInt(a -> a[1]).toArray();
  }

  private void addPattern(MatchAutomaton.Builder b, List<int[]> ids, String pattern, org.redflag.match.Boundary boundary,
      int r, int t) {
    for (String phrase : LexiconPattern.expand(pattern)) {
      String norm = pipeline.analyze(phrase).normalized().strip();
      if (norm.isEmpty()) continue;
      b.add(norm, boundary);
      ids.add(new int[] {r, t});
    }
  }

  public static CompiledLexicon compile(PackSet packs, TextPipeline pipeline) {
    return new CompiledLexicon(packs, pipeline);
  }

  public PackSet packs() { return packs; }

  /** Number of literal phrases in the automaton. */
  public int phraseCount() { return automaton.patternCount(); }

  /**
   * Scans the advert once and returns the surviving entry matches (text, then title, then tags).
   *
   * @param language language that selects packs, or {@code null} to apply every pack
   */
  public List<LexiconMatch> scan(Advert advert, AnalyzedText text, AnalyzedText title, String language) {
    boolean[] applicable = applicablePacks(language);
    List<int[]> hits = new ArrayList<>();
    automaton.scan(text, (p, s, e) -> hits.add(new int[] {p, s, e, 0}));
    if (title != null) automaton.scan(title, (p, s, e) -> hits.add(new int[] {p, s, e, 1}));
    BitSet presentContexts = new BitSet(contexts.size());
    String category = advert.category().map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
    for (int c = 0; c < contexts.size(); c++) {
      if (category != null && contexts.get(c).categories().contains(category)) presentContexts.set(c);
    }
    for (int[] h : hits) if (role[h[0]] == ROLE_CONTEXT) presentContexts.set(target[h[0]]);

    List<LexiconMatch> out = new ArrayList<>();
    List<int[]> kept = new ArrayList<>();
    for (int[] h : hits) {
      if (role[h[0]] != ROLE_ENTRY) continue;
      int e = target[h[0]];
      if (!applicable[entryPack[e]]) continue;
      if (entryContext[e] >= 0 && !presentContexts.get(entryContext[e])) continue;
      if (excluded(hits, h, e) || negated(hits, h, e, h[3] == 0 ? text : title, language == null ? applicable : null)) continue;
      kept.add(h);
    }
    // leftmost-longest per entry and field: drop a match inside another match of the same entry
    kept.sort((a, b) -> a[3] != b[3] ? Integer.compare(a[3], b[3])
        : a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[2], a[2]));
    int[] lastEnd = new int[entries.size() * 2];
    Arrays.fill(lastEnd, -1);
    for (int[] h : kept) {
      int e = target[h[0]];
      int slot = e * 2 + h[3];
      if (h[1] < lastEnd[slot]) continue;
      lastEnd[slot] = h[2];
      AnalyzedText src = h[3] == 0 ? text : title;
      int os = src.originalStart(h[1]);
      int oe = src.originalEnd(h[2]);
      out.add(new LexiconMatch(entries.get(e), h[3] == 0 ? null : "title", os, oe, src.original().substring(os, oe)));
    }
    scanTags(advert, applicable, presentContexts, out);
    return out;
  }

  private boolean[] applicablePacks(String language) {
    boolean[] ok = new boolean[packList.size()];
    String primary = language == null ? null : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
    for (int p = 0; p < ok.length; p++) {
      String l = packList.get(p).language();
      ok[p] = primary == null || l.equals(IndicatorPack.ANY_LANGUAGE)
          || l.toLowerCase(Locale.ROOT).split("-", 2)[0].equals(primary);
    }
    return ok;
  }

  private boolean excluded(List<int[]> hits, int[] h, int e) {
    for (int[] x : hits) {
      if (role[x[0]] == ROLE_EXCLUDE && target[x[0]] == e && x[3] == h[3] && x[1] <= h[1] && h[2] <= x[2]) return true;
    }
    return false;
  }

  /**
   * A cue negates a match of an entry of its own pack. When the advert's language is unknown every
   * applicable pack is in play, so the cues of all of them count ({@code anyOf} non-null): otherwise
   * "not available 24/7" would be negated for the English entry and still fire the German one.
   */
  private boolean negated(List<int[]> hits, int[] h, int e, AnalyzedText src, boolean[] anyOf) {
    IndicatorPack pack = packList.get(entryPack[e]);
    int window = pack.negationWindow();
    if (window == 0 && anyOf == null) return false;
    for (int[] x : hits) {
      if (role[x[0]] != ROLE_CUE || x[3] != h[3] || x[2] > h[1]) continue;
      int cuePack = target[x[0]];
      if (cuePack != entryPack[e] && (anyOf == null || !anyOf[cuePack])) continue;
      int cueWindow = cuePack == entryPack[e] ? window : packList.get(cuePack).negationWindow();
      int words = 0;
      boolean broken = false;
      for (int i = x[2]; i < h[1]; i++) {
        char c = src.charAt(i);
        if (c == ' ') words++;
        else if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '\n') { broken = true; break; }
      }
      if (!broken && words <= cueWindow) return true;
    }
    return false;
  }

  private void scanTags(Advert advert, boolean[] applicable, BitSet presentContexts, List<LexiconMatch> out) {
    List<String> tags = advert.tags();
    if (tags.isEmpty()) return;
    String[] norm = new String[tags.size()];
    for (int i = 0; i < norm.length; i++) norm[i] = normaliseTag(tags.get(i));
    for (int e = 0; e < entries.size(); e++) {
      PackEntry entry = entries.get(e).entry();
      if (entry.tags().isEmpty() || !applicable[entryPack[e]]) continue;
      if (entryContext[e] >= 0 && !presentContexts.get(entryContext[e])) continue;
      for (int i = 0; i < norm.length; i++) {
        for (String t : entry.tags()) {
          if (tagMatches(normaliseTag(t), norm[i])) {
            out.add(new LexiconMatch(entries.get(e), "tags[" + i + "]", -1, -1, tags.get(i)));
            break;
          }
        }
      }
    }
  }

  /**
   * Lower-cases a tag and folds runs of spaces, underscores and dashes to one dash; separators next to
   * a colon are dropped, so {@code "Tattoo : Dollar_Sign"} becomes {@code "tattoo:dollar-sign"}.
   */
  static String normaliseTag(String tag) {
    StringBuilder sb = new StringBuilder(tag.length());
    boolean sep = false;
    for (int i = 0; i < tag.length(); i++) {
      char c = Character.toLowerCase(tag.charAt(i));
      if (c == ' ' || c == '_' || c == '-') {
        sep = true;
      } else {
        if (sep && sb.length() > 0 && sb.charAt(sb.length() - 1) != ':' && c != ':') sb.append('-');
        sep = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Glob match of a normalised tag: {@code *} stands for any run of characters (also none), anywhere
   * in the pattern, e.g. {@code tattoo:text:*-king}. Greedy-free segment search, linear in the tag
   * length per segment; tags are untrusted input, so no regular expression.
   */
  static boolean tagMatches(String pattern, String tag) {
    int star = pattern.indexOf('*');
    if (star < 0) return tag.equals(pattern);
    String[] parts = pattern.split("\\*", -1);
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (!tag.startsWith(first)) return false;
    int pos = first.length();
    for (int k = 1; k < parts.length - 1; k++) {
      if (parts[k].isEmpty()) continue;
      int at = tag.indexOf(parts[k], pos);
      if (at < 0) return false;
      pos = at + parts[k].length();
    }
    return tag.length() - last.length() >= pos && tag.endsWith(last);
  }
}
