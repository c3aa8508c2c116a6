package org.redflag.pack;

import static org.redflag.pack.LexiconTables.ROLE_CONTEXT;
import static org.redflag.pack.LexiconTables.ROLE_CUE;
import static org.redflag.pack.LexiconTables.ROLE_ENTRY;
import static org.redflag.pack.LexiconTables.ROLE_EXCLUDE;
import static org.redflag.pack.LexiconTables.ROLE_THROUGH;

import java.util.ArrayList;
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
 * comes), then each pack's negation cues and through words: pattern ids follow that order.
 */
final class LexiconCompiler {
  /** What {@link #compile} makes. */
  record Compiled(MatchAutomaton automaton, LexiconTables tables, EntryTable entries, ContextTable contexts,
      NegationScope negation) {}

  private final TextPipeline pipeline;
  private final MatchAutomaton.Builder builder = MatchAutomaton.builder();
  private final List<Integer> role = new ArrayList<>();
  private final List<Integer> target = new ArrayList<>();
  private final List<Integer> gapPhrase = new ArrayList<>();
  private final List<Integer> gapPart = new ArrayList<>();
  private final List<Integer> gpRole = new ArrayList<>();
  private final List<Integer> gpTarget = new ArrayList<>();
  private final List<Integer> gpParts = new ArrayList<>();
  private final List<int[]> gpMaxGap = new ArrayList<>();
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
    LexiconTables tables = new LexiconTables(ints(role), ints(target), ints(gapPhrase), ints(gapPart),
        ints(gpRole), ints(gpTarget), ints(gpParts), gpMaxGap.toArray(new int[0][]));
    return new Compiled(builder.build(), tables, entries, new ContextTable(contexts), new NegationScope(windows));
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
    builder.add(v.text(), boundary, v.repeatMask());
    role.add(r);
    target.add(t);
    gapPhrase.add(g);
    gapPart.add(part);
  }
}
