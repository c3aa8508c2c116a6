package org.redflag.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redflag.advert.Advert;
import org.redflag.match.Boundary;
import org.redflag.match.LexiconPattern;
import org.redflag.match.MatchAutomaton;
import org.redflag.pack.PackSet.ResolvedEntry;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * All entries of a {@link PackSet} compiled into one automaton, together with exclusion phrases,
 * context terms and negation cues, so an advert's text is scanned once for everything. Immutable and
 * thread-safe.
 *
 * <p>Every decision after the scan is linear in the number of raw matches: gapped phrases are joined
 * in text order from a few pending partial chains per phrase part; exclusions are found by one forward
 * and one backward sweep per field; negation keeps the last few cue positions per pack. Per-thread
 * scratch arrays are reused between adverts.
 *
 * <p>Not API: public only because the engine (another package) compiles and scans it. Embedders reach
 * it through {@code RiskEngine}, indicators through {@code AdvertAnalysis.lexiconMatches}.
 */
public final class CompiledLexicon {
  private static final int ROLE_ENTRY = 0;
  private static final int ROLE_EXCLUDE = 1;
  private static final int ROLE_CONTEXT = 2;
  private static final int ROLE_CUE = 3;
  private static final int ROLE_THROUGH = 4; // a word a negation cue's scope passes through
  /** Pending partial chains kept per gapped phrase part. */
  private static final int RING = 4;
  /**
   * A through word further than this many chars after the last cue of its field cannot be in a scope
   * (at most {@code window} words long): not kept as a hit. Most through words are common words far
   * from any cue.
   */
  private static final int THROUGH_REACH = 160;

  private final PackSet packs;
  private final TextPipeline pipeline;
  private final MatchAutomaton automaton;
  // per automaton pattern id
  private final int[] role;
  private final int[] target;     // entry index, context index or pack index, by role
  private final int[] gapPhrase;  // gapped phrase index, or -1 for a whole phrase
  private final int[] gapPart;    // part index within the gapped phrase
  // per gapped phrase
  private final int[] gpRole;
  private final int[] gpTarget;
  private final int[] gpParts;
  private final int[][] gpMaxGap;
  private final int[] gpSlot;     // first ring slot (one per part after the first)
  private final int slots;

  private final List<ResolvedEntry> entries;
  private final ResolvedEntry[] entryArray;
  private final int[] entryIndicatorIndex; // number of the entry's indicator id (see indicatorIndex)
  private final java.util.Map<String, Integer> indicatorIndex; // indicator id -> index
  private final double[] entryWeight;
  private final int[] entryContext;   // context index used by the entry, or -1
  private final boolean[] entryRequires; // context is a gate (else a boost)
  private final double[] entryBoost;
  private final int[] entryPack;      // index of the pack whose negation cues apply
  private final List<PackContext> contexts;
  /** Category -> indices of the contexts that list it (one hash lookup per advert, not a list scan per context). */
  private final java.util.Map<String, int[]> contextsByCategory;
  private final List<IndicatorPack> packList;
  private final String[] packPrimary; // primary language subtag per pack; null for language-neutral packs
  // the packs that take part for an advert, by its language (see appliedPacks): packs are chosen by
  // language alone, so there are few distinct lists, built once
  private final java.util.Map<String, List<PackRef>> appliedByPrimary;
  private final List<PackRef> appliedNeutral;
  private final List<PackRef> appliedAll;
  private final NegationScope negation;
  private final ThreadLocal<Scratch> scratch;

  private CompiledLexicon(PackSet packs, TextPipeline pipeline) {
    this.packs = packs;
    this.pipeline = pipeline;
    this.entries = packs.entries();
    this.packList = packs.packs();
    this.contexts = new ArrayList<>();
    Registry reg = new Registry();
    entryContext = new int[entries.size()];
    entryRequires = new boolean[entries.size()];
    entryBoost = new double[entries.size()];
    entryPack = new int[entries.size()];
    entryArray = entries.toArray(new ResolvedEntry[0]);
    entryIndicatorIndex = new int[entries.size()];
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    entryWeight = new double[entries.size()];
    if (entries.size() > LexiconMatches.ENTRY_MASK) throw new IllegalArgumentException("too many pack entries: " + entries.size());
    for (int e = 0; e < entries.size(); e++) {
      ResolvedEntry r = entries.get(e);
      PackEntry entry = r.entry();
      entryIndicatorIndex[e] = ids.computeIfAbsent(entry.indicator(), id -> ids.size());
      entryWeight[e] = entry.weight();
      entryPack[e] = packList.indexOf(r.scope());
      entryContext[e] = -1;
      if (entry.contextRule().isPresent()) {
        ContextRule rule = entry.contextRule().get();
        PackContext c = packs.context(r, rule.name());
        int ci = contexts.indexOf(c);
        if (ci < 0) {
          ci = contexts.size();
          contexts.add(c);
          for (String term : c.terms()) reg.add(term, Boundary.WORD, ROLE_CONTEXT, ci);
        }
        entryContext[e] = ci;
        entryRequires[e] = rule.required();
        entryBoost[e] = rule.factor();
      }
      for (String p : entry.patterns()) reg.add(p, entry.boundary(), ROLE_ENTRY, e);
      for (String p : entry.exclude()) reg.add(p, Boundary.WORD, ROLE_EXCLUDE, e);
    }
    this.indicatorIndex = java.util.Map.copyOf(ids);
    int[] windows = new int[packList.size()];
    for (int p = 0; p < packList.size(); p++) {
      IndicatorPack pack = packList.get(p);
      for (String cue : pack.negationCues()) reg.add(cue, Boundary.WORD, ROLE_CUE, p);
      for (String word : pack.negationThrough()) reg.add(word, Boundary.WORD, ROLE_THROUGH, p);
      windows[p] = pack.negationCues().isEmpty() ? 0 : pack.negationWindow();
    }
    this.negation = new NegationScope(windows);
    this.automaton = reg.builder.build();
    this.role = reg.role.stream().mapToInt(Integer::intValue).toArray();
    this.target = reg.target.stream().mapToInt(Integer::intValue).toArray();
    this.gapPhrase = reg.gapPhrase.stream().mapToInt(Integer::intValue).toArray();
    this.gapPart = reg.gapPart.stream().mapToInt(Integer::intValue).toArray();
    int g = reg.gpParts.size();
    gpRole = reg.gpRole.stream().mapToInt(Integer::intValue).toArray();
    gpTarget = reg.gpTarget.stream().mapToInt(Integer::intValue).toArray();
    gpParts = reg.gpParts.stream().mapToInt(Integer::intValue).toArray();
    gpMaxGap = reg.gpMaxGap.toArray(new int[0][]);
    gpSlot = new int[g];
    int slot = 0;
    for (int i = 0; i < g; i++) {
      gpSlot[i] = slot;
      slot += gpParts[i] - 1;
    }
    this.slots = slot;
    this.packPrimary = new String[packList.size()];
    for (int p = 0; p < packPrimary.length; p++) {
      String l = packList.get(p).language();
      packPrimary[p] = l.equals(IndicatorPack.ANY_LANGUAGE) ? null : primaryLanguage(l);
    }
    // an overlay's entries are scoped to the pack it overlays (entryPack), so it takes part exactly when that pack does
    String[] scopePrimary = new String[packList.size()];
    for (int p = 0; p < scopePrimary.length; p++) {
      int scope = p;
      String base = packList.get(p).overlays().orElse(null);
      for (int q = 0; base != null && q < packList.size(); q++) {
        if (packList.get(q).id().equals(base) && packList.get(q).overlays().isEmpty()) {
          scope = q;
          break;
        }
      }
      scopePrimary[p] = packPrimary[scope];
    }
    java.util.Map<String, List<PackRef>> byPrimary = new java.util.HashMap<>();
    for (String primary : scopePrimary) {
      if (primary == null || byPrimary.containsKey(primary)) continue;
      List<PackRef> refs = new ArrayList<>();
      for (int p = 0; p < scopePrimary.length; p++) if (scopePrimary[p] == null || scopePrimary[p].equals(primary)) refs.add(packList.get(p).ref());
      byPrimary.put(primary, List.copyOf(refs));
    }
    this.appliedByPrimary = java.util.Map.copyOf(byPrimary);
    List<PackRef> neutral = new ArrayList<>();
    for (int p = 0; p < scopePrimary.length; p++) if (scopePrimary[p] == null) neutral.add(packList.get(p).ref());
    this.appliedNeutral = List.copyOf(neutral);
    this.appliedAll = packList.stream().map(IndicatorPack::ref).toList();
    java.util.Map<String, int[]> byCategory = new java.util.HashMap<>();
    for (int c = 0; c < contexts.size(); c++) {
      for (String cat : new java.util.LinkedHashSet<>(contexts.get(c).categories())) {
        int[] old = byCategory.get(cat);
        int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = c;
        byCategory.put(cat, now);
      }
    }
    this.contextsByCategory = byCategory;
    this.scratch = ThreadLocal.withInitial(() -> {
      Scratch sc = new Scratch(entries.size(), packList.size(), slots, contexts.size());
      sc.scopes = negation.newState();
      sc.collector = new Collector(sc);
      return sc;
    });
  }

  /** Collects automaton patterns and what each stands for. */
  private final class Registry {
    final MatchAutomaton.Builder builder = MatchAutomaton.builder();
    final List<Integer> role = new ArrayList<>();
    final List<Integer> target = new ArrayList<>();
    final List<Integer> gapPhrase = new ArrayList<>();
    final List<Integer> gapPart = new ArrayList<>();
    final List<Integer> gpRole = new ArrayList<>();
    final List<Integer> gpTarget = new ArrayList<>();
    final List<Integer> gpParts = new ArrayList<>();
    final List<int[]> gpMaxGap = new ArrayList<>();
    /**
     * The variants of each distinct pattern part, computed once: inflected forms and the entries of
     * several packs share parts (the default packs have fewer than half as many distinct parts as
     * parts), and normalising and expanding a part is the costly step of compiling a pack. Variants
     * depend only on the part and the pipeline.
     */
    final Map<String, List<PhraseVariants.Variant>> variants = new HashMap<>();

    void add(String pattern, Boundary boundary, int r, int t) {
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

  /** Per-thread working memory; stamps avoid clearing per-entry arrays for every advert. */
  private static final class Scratch {
    int[] hits = new int[256]; // (role, target, start, end) quadruples
    int hitCount;
    int stamp;
    final int[] exclStamp;
    final int[] exclEnd;
    final int[] exclStart;
    NegationScope.State scopes;
    final int[] ringStamp;
    final int[] ringCount;
    final int[] ringStart;
    final int[] ringEnd;
    boolean[] cancelled = new boolean[64];
    int[] kept = new int[3 * 64]; // (entry, start, end) triples of one decide call
    int[] rows = new int[3 * 64]; // the advert's surviving matches, in LexiconMatches' row layout
    int rowCount;
    final BitSet presentContexts;
    /**
     * The last language and category this thread scanned with, and what they resolved to: adverts of
     * one source carry the same few values, so most adverts reuse them instead of lower-casing the
     * strings and allocating the applicable-pack array on every advert. The cached array is never
     * written after it is made.
     */
    private String lastLanguage;
    private boolean[] lastApplicable;
    private String lastCategory;
    private int[] lastCategoryContexts;
    /** This thread's match sink for {@link #collect} (one object per thread, not a lambda per field). */
    Collector collector;

    Scratch(int entries, int packs, int slots, int contexts) {
      exclStamp = new int[entries];
      exclEnd = new int[entries];
      exclStart = new int[entries];
      ringStamp = new int[slots];
      ringCount = new int[slots];
      ringStart = new int[slots * RING];
      ringEnd = new int[slots * RING];
      presentContexts = new BitSet(contexts);
    }

    boolean[] applicablePacks(CompiledLexicon lexicon, String language) {
      if (lastApplicable == null || !java.util.Objects.equals(language, lastLanguage)) {
        lastApplicable = lexicon.applicablePacks(language);
        lastLanguage = language;
      }
      return lastApplicable;
    }

    /** The contexts that {@code category} (as given, or null) makes present, or null. */
    int[] categoryContexts(CompiledLexicon lexicon, String category) {
      if (category == null) return null;
      if (!category.equals(lastCategory)) {
        lastCategoryContexts = lexicon.contextsByCategory.get(category.toLowerCase(Locale.ROOT));
        lastCategory = category;
      }
      return lastCategoryContexts;
    }

    void add(int r, int t, int s, int e) {
      if (hitCount * 4 + 4 > hits.length) hits = Arrays.copyOf(hits, hits.length * 2);
      int i = hitCount * 4;
      hits[i] = r;
      hits[i + 1] = t;
      hits[i + 2] = s;
      hits[i + 3] = e;
      hitCount++;
    }

    void addRow(int head, int start, int end) {
      if (3 * rowCount + 3 > rows.length) rows = Arrays.copyOf(rows, rows.length * 2);
      rows[3 * rowCount] = head;
      rows[3 * rowCount + 1] = start;
      rows[3 * rowCount + 2] = end;
      rowCount++;
    }

    int nextStamp() {
      if (++stamp == Integer.MAX_VALUE) {
        stamp = 1;
        Arrays.fill(exclStamp, 0);
        Arrays.fill(ringStamp, 0);
      }
      return stamp;
    }
  }

  public static CompiledLexicon compile(PackSet packs, TextPipeline pipeline) {
    return new CompiledLexicon(packs, pipeline);
  }

  public PackSet packs() { return packs; }

  /**
   * The packs whose entries can match an advert in {@code language} (as {@link #scan} is given it):
   * the packs of its primary language and the language-neutral ones; every pack when the language is
   * unknown (null). In pack order.
   */
  public List<PackRef> appliedPacks(String language) {
    if (language == null) return appliedAll;
    List<PackRef> refs = appliedByPrimary.get(primaryLanguage(language));
    return refs != null ? refs : appliedNeutral;
  }

  /** The pipeline the patterns were normalised with; text must be analysed with the same one. */
  public TextPipeline pipeline() { return pipeline; }

  /** The compiled automaton, for the text package's tests (allocation, agreement with the reference pipeline). */
  public MatchAutomaton automaton() { return automaton; }

  /**
   * Scans the advert once and returns the surviving entry matches (text, then title, then tags), as
   * an immutable compact list whose elements are built on access (see {@link LexiconMatches}; until
   * the compact form this returned a fresh {@code ArrayList}).
   *
   * @param language language that selects packs, or {@code null} to apply every pack
   */
  public LexiconMatches scan(Advert advert, AnalyzedText text, AnalyzedText title, String language) {
    Scratch sc = scratch.get();
    boolean[] applicable = sc.applicablePacks(this, language);
    sc.presentContexts.clear();
    int[] fromCategory = sc.categoryContexts(this, advert.category().orElse(null)); // no Optional.map per advert
    if (fromCategory != null) for (int c : fromCategory) sc.presentContexts.set(c);
    // hits of the text first, then of the title; contexts may come from either
    sc.hitCount = 0;
    collect(text, sc);
    int textHits = sc.hitCount;
    if (title != null) collect(title, sc);
    for (int h = 0; h < sc.hitCount; h++) {
      if (sc.hits[h * 4] == ROLE_CONTEXT) sc.presentContexts.set(sc.hits[h * 4 + 1]);
    }
    sc.rowCount = 0;
    boolean[] anyOf = language == null ? applicable : null;
    decide(text, LexiconMatches.KIND_TEXT, 0, textHits, applicable, anyOf, sc);
    if (title != null) decide(title, LexiconMatches.KIND_TITLE, textHits, sc.hitCount, applicable, anyOf, sc);
    scanTags(advert, applicable, sc);
    // the present contexts travel with the matches, for indicators that gate on them (one small copy,
    // only for adverts in some context)
    java.util.BitSet present = sc.presentContexts.isEmpty() ? null : (java.util.BitSet) sc.presentContexts.clone();
    if (sc.rowCount == 0) {
      return present == null ? LexiconMatches.EMPTY
          : new LexiconMatches(this, text.original(), title == null ? null : title.original(), advert.tags(), new int[0], null, 0, present);
    }
    int stamp = sc.nextStamp();
    for (int r = 0; r < 3 * sc.rowCount; r += 3) { // mark each entry's first match (exclStamp is free now)
      int e = sc.rows[r] & LexiconMatches.ENTRY_MASK;
      if (sc.exclStamp[e] != stamp) {
        sc.exclStamp[e] = stamp;
        sc.rows[r] |= LexiconMatches.FIRST_BIT;
      }
    }
    return new LexiconMatches(this, text.original(), title == null ? null : title.original(), advert.tags(),
        Arrays.copyOf(sc.rows, 3 * sc.rowCount), null, sc.rowCount, present);
  }

  /** Whether any context named {@code name} (packs may each declare one of that name) has its bit set in {@code present}. */
  boolean anyContext(String name, java.util.BitSet present) {
    for (int c = present.nextSetBit(0); c >= 0; c = present.nextSetBit(c + 1)) {
      if (c < contexts.size() && contexts.get(c).name().equals(name)) return true;
    }
    return false;
  }

  /** The resolved entry with index {@code e} (see {@link LexiconMatches}). */
  ResolvedEntry resolved(int e) { return entryArray[e]; }

  /** A number for the indicator id of entry {@code e}, the same for all entries of that indicator. */
  int indicatorIndex(int e) { return entryIndicatorIndex[e]; }

  /** The number {@link #indicatorIndex(int)} gives the entries of {@code indicatorId}, or -1 when none has it. */
  int indicatorIndex(String indicatorId) { return indicatorIndex.getOrDefault(indicatorId, -1); }

  /** The weight of entry {@code e}, multiplied by its boost factor (capped at 1) when {@code boosted}. */
  double weight(int e, boolean boosted) {
    double weight = entryWeight[e];
    return boosted ? Math.min(1, weight * entryBoost[e]) : weight;
  }

  /** Whether entry {@code e} has a boosting (not gating) context and that context is present. */
  private boolean boosted(int e, BitSet presentContexts) {
    return entryContext[e] >= 0 && !entryRequires[e] && presentContexts.get(entryContext[e]);
  }

  /** Scans one field and appends its hits (gapped phrases joined) in order of end. */
  private void collect(AnalyzedText src, Scratch sc) {
    Collector c = sc.collector;
    c.src = src;
    c.lexicon = this;
    c.stamp = sc.nextStamp();
    c.lastCueEnd = Integer.MIN_VALUE / 2;
    try {
      automaton.scan(src, MatchAutomaton.Mode.OVERLAPPING, c);
    } finally {
      c.src = null; // keep no text reachable from the thread
      c.lexicon = null;
    }
  }

  /**
   * Appends one field's hits to its scratch, joining gapped phrases (see {@link #collect}). Static,
   * with the lexicon set only during a scan: the scratch is a {@link ThreadLocal} value, and a value
   * that reached its lexicon (and so its own ThreadLocal key) would keep every lexicon ever used on a
   * long-lived thread, automaton tables included, from being collected.
   */
  private static final class Collector implements org.redflag.match.MatchSink {
    private final Scratch sc;
    CompiledLexicon lexicon;
    AnalyzedText src;
    int stamp;
    int lastCueEnd;

    Collector(Scratch sc) { this.sc = sc; }

    @Override
    public void onMatch(int p, int s, int e) {
      Scratch sc = this.sc;
      CompiledLexicon l = lexicon;
      int g = l.gapPhrase[p];
      if (g < 0) {
        int r = l.role[p];
        if (r == ROLE_CUE) lastCueEnd = e;
        else if (r == ROLE_THROUGH && s - lastCueEnd > THROUGH_REACH) return;
        sc.add(r, l.target[p], s, e);
        return;
      }
      int part = l.gapPart[p];
      int chainStart = s;
      if (part > 0) {
        int slot = l.gpSlot[g] + part - 1;
        if (sc.ringStamp[slot] != stamp) return;
        int max = l.gpMaxGap[g][part - 1];
        int found = -1;
        int count = sc.ringCount[slot];
        for (int k = count - 1; k >= 0 && k >= count - RING; k--) {
          int idx = slot * RING + (k % RING);
          int pe = sc.ringEnd[idx];
          if (pe <= s && src.fewerWordsThan(pe, s, max + 1)) {
            found = sc.ringStart[idx];
            break;
          }
        }
        if (found < 0) return;
        chainStart = found;
      }
      if (part == l.gpParts[g] - 1) {
        sc.add(l.gpRole[g], l.gpTarget[g], chainStart, e);
        return;
      }
      int slot = l.gpSlot[g] + part;
      if (sc.ringStamp[slot] != stamp) {
        sc.ringStamp[slot] = stamp;
        sc.ringCount[slot] = 0;
      }
      int idx = slot * RING + (sc.ringCount[slot] % RING);
      sc.ringStart[idx] = chainStart;
      sc.ringEnd[idx] = e;
      sc.ringCount[slot]++;
    }
  }

  /** Applies language, context, exclusion and negation to hits {@code [from, to)} of one field. */
  private void decide(AnalyzedText src, int kind, int from, int to, boolean[] applicable, boolean[] anyOf, Scratch sc) {
    int[] hits = sc.hits;
    int count = to - from;
    if (sc.cancelled.length < count) sc.cancelled = new boolean[Math.max(count, sc.cancelled.length * 2)];
    boolean[] cancelled = sc.cancelled;
    Arrays.fill(cancelled, 0, count, false);
    // exclusions ending no later than the match (hits are in order of end): forward sweep
    int stamp = sc.nextStamp();
    for (int h = from; h < to; h++) {
      int r = hits[h * 4];
      int t = hits[h * 4 + 1];
      if (r == ROLE_EXCLUDE) {
        if (sc.exclStamp[t] != stamp) {
          sc.exclStamp[t] = stamp;
          sc.exclEnd[t] = hits[h * 4 + 3];
        } else {
          sc.exclEnd[t] = Math.max(sc.exclEnd[t], hits[h * 4 + 3]);
        }
      } else if (r == ROLE_ENTRY && sc.exclStamp[t] == stamp && sc.exclEnd[t] > hits[h * 4 + 2]) {
        cancelled[h - from] = true;
      }
    }
    // exclusions ending later than the match: backward sweep
    stamp = sc.nextStamp();
    for (int h = to - 1; h >= from; h--) {
      int r = hits[h * 4];
      int t = hits[h * 4 + 1];
      if (r == ROLE_EXCLUDE) {
        if (sc.exclStamp[t] != stamp) {
          sc.exclStamp[t] = stamp;
          sc.exclStart[t] = hits[h * 4 + 2];
        } else {
          sc.exclStart[t] = Math.min(sc.exclStart[t], hits[h * 4 + 2]);
        }
      } else if (r == ROLE_ENTRY && sc.exclStamp[t] == stamp && sc.exclStart[t] < hits[h * 4 + 3]) {
        cancelled[h - from] = true;
      }
    }
    // negation by scope (NegationScope): cues open scopes, through words and governed matches extend them
    NegationScope.State scopes = sc.scopes;
    scopes.reset();
    int keptCount = 0; // kept matches as (entry, start, end) triples in sc.kept
    for (int h = from; h < to; h++) {
      int r = hits[h * 4];
      int t = hits[h * 4 + 1];
      int s = hits[h * 4 + 2];
      int e = hits[h * 4 + 3];
      if (r == ROLE_CUE) {
        negation.cue(scopes, t, e);
        continue;
      }
      if (r == ROLE_THROUGH) {
        negation.through(scopes, src, t, s, e);
        continue;
      }
      if (r != ROLE_ENTRY || !applicable[entryPack[t]]) continue;
      // an excluded or ungated match still stands in a coordinated list: decide its scope first
      boolean negated = negated(src, t, s, e, scopes, anyOf);
      if (cancelled[h - from] || negated) continue;
      if (entryContext[t] >= 0 && entryRequires[t] && !sc.presentContexts.get(entryContext[t])) continue;
      if (3 * keptCount + 3 > sc.kept.length) sc.kept = Arrays.copyOf(sc.kept, sc.kept.length * 2);
      sc.kept[3 * keptCount] = t;
      sc.kept[3 * keptCount + 1] = s;
      sc.kept[3 * keptCount + 2] = e;
      keptCount++;
    }
    // leftmost-longest per entry: drop a match inside or overlapping an earlier, longer match of the same entry
    int[] kept = sortByStartThenLongest(sc.kept, keptCount);
    int lastStamp = sc.nextStamp();
    for (int k = 0; k < 3 * keptCount; k += 3) {
      int e = kept[k];
      if (sc.exclStamp[e] == lastStamp && kept[k + 1] < sc.exclEnd[e]) continue;
      sc.exclStamp[e] = lastStamp;
      sc.exclEnd[e] = kept[k + 2];
      int os = src.originalStart(kept[k + 1]);
      int oe = src.originalEnd(kept[k + 2]);
      int head = e | kind << LexiconMatches.KIND_SHIFT | (boosted(e, sc.presentContexts) ? LexiconMatches.BOOST_BIT : 0);
      sc.addRow(head, os, oe);
    }
  }

  /**
   * Stable in-place insertion sort of {@code n} (entry, start, end) triples by start, then longest
   * first. Replaces a list of {@code int[]} sorted with a comparator (an array allocated per match).
   * Hits arrive in order of
   * end, so starts are already ordered except among overlapping matches: few moves per element.
   */
  private static int[] sortByStartThenLongest(int[] k, int n) {
    for (int i = 1; i < n; i++) {
      int t = k[3 * i], s = k[3 * i + 1], e = k[3 * i + 2];
      int j = i - 1;
      while (j >= 0 && (k[3 * j + 1] > s || (k[3 * j + 1] == s && k[3 * j + 2] < e))) {
        k[3 * j + 3] = k[3 * j];
        k[3 * j + 4] = k[3 * j + 1];
        k[3 * j + 5] = k[3 * j + 2];
        j--;
      }
      k[3 * j + 3] = t;
      k[3 * j + 4] = s;
      k[3 * j + 5] = e;
    }
    return k;
  }

  /**
   * A cue negates a match of an entry of its own pack that it governs. When the advert's language is
   * unknown every applicable pack is in play, so the cues of all of them count ({@code anyOf} non-null):
   * otherwise "not available 24/7" would be negated for the English entry and still fire the German one.
   * Every scope that governs the match takes it in (no short cut), so each stays a consistent list.
   */
  private boolean negated(AnalyzedText src, int e, int s, int end, NegationScope.State scopes, boolean[] anyOf) {
    int own = entryPack[e];
    int kind = entryIndicatorIndex[e];
    boolean negated = negation.governs(scopes, src, own, s, end, kind);
    if (anyOf == null) return negated;
    for (int p = 0; p < anyOf.length; p++) {
      if (p != own && anyOf[p] && negation.governs(scopes, src, p, s, end, kind)) negated = true;
    }
    return negated;
  }

  private boolean[] applicablePacks(String language) {
    boolean[] ok = new boolean[packList.size()];
    String primary = language == null ? null : primaryLanguage(language);
    for (int p = 0; p < ok.length; p++) {
      ok[p] = primary == null || packPrimary[p] == null || packPrimary[p].equals(primary);
    }
    return ok;
  }

  /** Lower-case primary subtag of a BCP 47 tag ({@code en-GB} to {@code en}). */
  private static String primaryLanguage(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }


  private void scanTags(Advert advert, boolean[] applicable, Scratch sc) {
    BitSet presentContexts = sc.presentContexts;
    List<String> tags = advert.tags();
    if (tags.isEmpty()) return;
    String[] norm = new String[tags.size()];
    for (int i = 0; i < norm.length; i++) norm[i] = normaliseTag(tags.get(i));
    for (int e = 0; e < entries.size(); e++) {
      PackEntry entry = entries.get(e).entry();
      if (entry.tags().isEmpty() || !applicable[entryPack[e]]) continue;
      if (entryContext[e] >= 0 && entryRequires[e] && !presentContexts.get(entryContext[e])) continue;
      for (int i = 0; i < norm.length; i++) {
        for (String t : entry.tags()) {
          if (tagMatches(normaliseTag(t), norm[i])) {
            sc.addRow(e | LexiconMatches.KIND_TAG << LexiconMatches.KIND_SHIFT
                | (boosted(e, presentContexts) ? LexiconMatches.BOOST_BIT : 0), -1, i);
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
