package org.redflag.pack;

import static org.redflag.pack.LexiconTables.ROLE_CONTEXT;
import static org.redflag.pack.LexiconTables.ROLE_CUE;
import static org.redflag.pack.LexiconTables.ROLE_ENTRY;
import static org.redflag.pack.LexiconTables.ROLE_EXCLUDE;
import static org.redflag.pack.LexiconTables.ROLE_THROUGH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redflag.match.Boundary;
import org.redflag.match.LexiconPattern;
import org.redflag.match.MatchAutomaton;
import org.redflag.pack.PackSet.ResolvedEntry;
import org.redflag.text.TextPipeline;

/**
 * Compiles a {@link PackSet}'s entries, exclusion phrases, context terms and negation words into one
 * automaton and the tables that say what each of its patterns stands for, so an advert is scanned
 * once for everything. Patterns are added entry by entry (a context's terms when its first entry
 * comes), then each pack's negation cues and through words: meanings follow that order. Each distinct
 * written text becomes one automaton pattern (ids in order of first registration), which stands for
 * its meanings in that order (see {@link LexiconTables}).
 */
final class LexiconCompiler {
  /** What {@link #compile} makes. */
  record Compiled(MatchAutomaton automaton, LexiconTables tables, EntryTable entries, ContextTable contexts,
      NegationScope negation) {}

  private final TextPipeline pipeline;
  // per meaning, in registration order
  private final List<Integer> textOf = new ArrayList<>();
  private final List<Boundary> boundaryOf = new ArrayList<>();
  private final List<Long> repeatOf = new ArrayList<>();
  private final List<Integer> role = new ArrayList<>();
  private final List<Integer> target = new ArrayList<>();
  private final List<Integer> gapPhrase = new ArrayList<>();
  private final List<Integer> gapPart = new ArrayList<>();
  private final List<Integer> gpRole = new ArrayList<>();
  private final List<Integer> gpTarget = new ArrayList<>();
  private final List<Integer> gpParts = new ArrayList<>();
  private final List<int[]> gpMaxGap = new ArrayList<>();
  /** Distinct written texts, by id (the automaton's pattern ids). */
  private final Map<String, Integer> textIds = new HashMap<>();
  private final List<String> texts = new ArrayList<>();
  /**
   * The variants of each distinct pattern part, computed once: inflected forms and the entries of
   * several packs share parts (the default packs have fewer than half as many distinct parts as
   * parts), and normalising and expanding a part is the costly step of compiling a pack. Variants
   * depend only on the part and the pipeline.
   */
  private final Map<String, List<PhraseVariants.Variant>> variants = new HashMap<>();

  private LexiconCompiler(TextPipeline pipeline) { this.pipeline = pipeline; }

  static Compiled compile(PackSet packs, TextPipeline pipeline) {
    return new LexiconCompiler(pipeline).run(packs);
  }

  private Compiled run(PackSet packs) {
    List<ResolvedEntry> list = packs.entries();
    List<IndicatorPack> packList = packs.packs();
    int n = list.size();
    if (n > LexiconMatches.ENTRY_MASK) throw new IllegalArgumentException("too many pack entries: " + n);
    List<PackContext> contexts = new ArrayList<>();
    int[] context = new int[n];
    boolean[] requires = new boolean[n];
    double[] boost = new double[n];
    int[] pack = new int[n];
    int[] indicator = new int[n];
    double[] weight = new double[n];
    Map<String, Integer> ids = new HashMap<>();
    for (int e = 0; e < n; e++) {
      ResolvedEntry r = list.get(e);
      PackEntry entry = r.entry();
      indicator[e] = ids.computeIfAbsent(entry.indicator(), id -> ids.size());
      weight[e] = entry.weight();
      pack[e] = packList.indexOf(r.scope());
      context[e] = -1;
      if (entry.contextRule().isPresent()) {
        ContextRule rule = entry.contextRule().get();
        PackContext c = packs.context(r, rule.name());
        int ci = contexts.indexOf(c);
        if (ci < 0) {
          ci = contexts.size();
          contexts.add(c);
          for (String term : c.terms()) add(term, Boundary.WORD, ROLE_CONTEXT, ci);
        }
        context[e] = ci;
        requires[e] = rule.required();
        boost[e] = rule.factor();
      }
      for (String p : entry.patterns()) add(p, entry.boundary(), ROLE_ENTRY, e);
      for (String p : entry.exclude()) add(p, Boundary.WORD, ROLE_EXCLUDE, e);
    }
    int[] windows = new int[packList.size()];
    for (int p = 0; p < packList.size(); p++) {
      IndicatorPack ip = packList.get(p);
      for (String cue : ip.negationCues()) add(cue, Boundary.WORD, ROLE_CUE, p);
      for (String word : ip.negationThrough()) add(word, Boundary.WORD, ROLE_THROUGH, p);
      windows[p] = ip.negationCues().isEmpty() ? 0 : ip.negationWindow();
    }
    EntryTable entries = new EntryTable(list.toArray(new ResolvedEntry[0]), indicator, ids, weight, context, requires,
        boost, pack);
    MatchAutomaton.Builder builder = MatchAutomaton.builder();
    LexiconTables tables = tables(builder);
    return new Compiled(builder.build(), tables, entries, new ContextTable(contexts), new NegationScope(windows));
  }

  /**
   * Adds each distinct text to {@code builder} with the least restrictive rule of its meanings (the
   * latest boundary in {@link Boundary}'s order, which runs from strictest to none; the repeat marks
   * all of them share) and lays the meanings out grouped by text, each group in registration order.
   * The automaton reports texts that end at one char in the same order whatever their ids, and a
   * text's meanings in the order they were registered, so the collector sees the same meanings in the
   * same order as when each meaning was a pattern of its own, less the first-part meanings of gapped
   * phrases whose representative writes their chains.
   */
  private LexiconTables tables(MatchAutomaton.Builder builder) {
    int[] rep = firstPartRepresentatives();
    boolean[] kept = new boolean[role.size()];
    int n = 0;
    for (int m = 0; m < kept.length; m++) {
      int g = gapPhrase.get(m);
      kept[m] = g < 0 || gapPart.get(m) > 0 || rep[g] == g;
      if (kept[m]) n++;
    }
    int t = texts.size();
    Boundary[] textBoundary = new Boundary[t];
    long[] textRepeat = new long[t];
    int[] first = new int[t + 1];
    for (int m = 0; m < kept.length; m++) {
      if (!kept[m]) continue;
      int x = textOf.get(m);
      Boundary b = boundaryOf.get(m);
      long r = repeatOf.get(m);
      boolean seen = textBoundary[x] != null;
      textBoundary[x] = !seen || b.ordinal() > textBoundary[x].ordinal() ? b : textBoundary[x];
      textRepeat[x] = seen ? textRepeat[x] & r : r;
      first[x + 1]++;
    }
    for (int x = 0; x < t; x++) {
      builder.add(texts.get(x), textBoundary[x], textRepeat[x]);
      first[x + 1] += first[x];
    }
    int[] fill = Arrays.copyOf(first, t);
    int[] mRole = new int[n];
    int[] mTarget = new int[n];
    int[] mGapPhrase = new int[n];
    int[] mGapPart = new int[n];
    Boundary[] mBoundary = new Boundary[n];
    long[] mRepeat = new long[n];
    byte[] check = new byte[n];
    for (int m = 0; m < kept.length; m++) {
      if (!kept[m]) continue;
      int x = textOf.get(m);
      int at = fill[x]++;
      mRole[at] = role.get(m);
      mTarget[at] = target.get(m);
      mGapPhrase[at] = gapPhrase.get(m);
      mGapPart[at] = gapPart.get(m);
      mBoundary[at] = boundaryOf.get(m);
      mRepeat[at] = repeatOf.get(m);
      if (at > first[x] && mBoundary[at] == mBoundary[at - 1] && mRepeat[at] == mRepeat[at - 1]) {
        check[at] = LexiconTables.SAME_RULE;
      } else if (mBoundary[at] == textBoundary[x] && mRepeat[at] == textRepeat[x]) {
        check[at] = LexiconTables.IMPLIED;
      } else {
        check[at] = LexiconTables.CHECK;
      }
    }
    return new LexiconTables(first, mRole, mTarget, mGapPhrase, mGapPart, mBoundary, mRepeat, check,
        ints(gpRole), ints(gpTarget), ints(gpParts), gpMaxGap.toArray(new int[0][]), rep);
  }

  /**
   * For each gapped phrase, the earliest phrase whose first part has the same written forms with the
   * same rules, in the same order (itself if none): those phrases start the same chains, so they share
   * one ring (see {@link LexiconTables}). A phrase's meanings are registered together, first part first.
   */
  private int[] firstPartRepresentatives() {
    int phrases = gpParts.size();
    int[] rep = new int[phrases];
    List<List<Object>> firstPart = new ArrayList<>(phrases);
    for (int g = 0; g < phrases; g++) firstPart.add(new ArrayList<>());
    for (int m = 0; m < role.size(); m++) {
      int g = gapPhrase.get(m);
      if (g >= 0 && gapPart.get(m) == 0) firstPart.get(g).addAll(List.of(textOf.get(m), boundaryOf.get(m), repeatOf.get(m)));
    }
    Map<List<Object>, Integer> seen = new HashMap<>();
    for (int g = 0; g < phrases; g++) {
      Integer earlier = seen.putIfAbsent(firstPart.get(g), g);
      rep[g] = earlier == null ? g : earlier;
    }
    return rep;
  }

  private static int[] ints(List<Integer> list) { return list.stream().mapToInt(Integer::intValue).toArray(); }

  /** Adds every written form of {@code pattern} as standing for role {@code r} of target {@code t}. */
  private void add(String pattern, Boundary boundary, int r, int t) {
    for (LexiconPattern.Phrase phrase : LexiconPattern.parse(pattern)) {
      List<List<PhraseVariants.Variant>> parts = new ArrayList<>();
      for (String part : phrase.parts()) {
        List<PhraseVariants.Variant> forms = variants.computeIfAbsent(part, p -> PhraseVariants.of(pipeline.analyze(p), pipeline));
        if (!forms.isEmpty()) parts.add(forms);
      }
      if (parts.size() != phrase.parts().size()) continue; // a part normalises to nothing: cannot match
      if (parts.size() == 1) {
        for (PhraseVariants.Variant v : parts.get(0)) register(v, boundary, r, t, -1, 0);
        continue;
      }
      int g = gpParts.size();
      gpRole.add(r);
      gpTarget.add(t);
      gpParts.add(parts.size());
      gpMaxGap.add(phrase.maxGapWords());
      for (int k = 0; k < parts.size(); k++) {
        for (PhraseVariants.Variant v : parts.get(k)) register(v, boundary, r, t, g, k);
      }
    }
  }

  private void register(PhraseVariants.Variant v, Boundary boundary, int r, int t, int g, int part) {
    String text = v.text();
    Integer id = textIds.get(text);
    if (id == null) {
      id = texts.size();
      textIds.put(text, id);
      texts.add(text);
    }
    textOf.add(id);
    boundaryOf.add(boundary);
    repeatOf.add(v.repeatMask());
    role.add(r);
    target.add(t);
    gapPhrase.add(g);
    gapPart.add(part);
  }
}
