package org.redflag.pack;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.redflag.advert.Advert;
import org.redflag.match.MatchAutomaton;
import org.redflag.pack.PackSet.ResolvedEntry;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * All entries of a {@link PackSet} compiled into one automaton, together with exclusion phrases,
 * context terms and negation cues, so an advert's text is scanned once for everything. Immutable and
 * thread-safe.
 *
 * <p>The work is split into rooms: {@link LexiconCompiler} makes the automaton and its tables
 * ({@link LexiconTables}, {@link EntryTable}, {@link ContextTable}); a scan runs the automaton once per
 * field into a {@link PhraseCollector} (gapped phrases joined), then {@link MatchRules} decide which
 * entry matches survive (language by {@link PackChoice}, exclusion, negation, context; tags by
 * {@link TagGlobs}). Every decision after the scan is linear in the number of raw matches. The
 * per-thread buffers ({@link LexiconScratch}) are reused between adverts; this class holds their one
 * {@link ThreadLocal}.
 *
 * <p>Not API: public only because the engine (another package) compiles and scans it. Embedders reach
 * it through {@code RiskEngine}, indicators through {@code AdvertAnalysis.lexiconMatches}.
 */
public final class CompiledLexicon {
  private final PackSet packs;
  private final TextPipeline pipeline;
  private final MatchAutomaton automaton;
  private final LexiconTables tables;
  private final EntryTable entries;
  private final ContextTable contexts;
  private final PackChoice choice;
  private final MatchRules rules;
  private final ThreadLocal<LexiconScratch> scratch;

  private CompiledLexicon(PackSet packs, TextPipeline pipeline) {
    this.packs = packs;
    this.pipeline = pipeline;
    LexiconCompiler.Compiled c = LexiconCompiler.compile(packs, pipeline);
    this.automaton = c.automaton();
    this.tables = c.tables();
    this.entries = c.entries();
    this.contexts = c.contexts();
    this.choice = new PackChoice(packs.packs());
    this.rules = new MatchRules(entries, c.negation(), new TagGlobs(entries.resolved));
    int entryCount = entries.size();
    int slots = tables.slots;
    int contextCount = contexts.size();
    NegationScope negation = c.negation();
    this.scratch = ThreadLocal.withInitial(() -> new LexiconScratch(entryCount, slots, contextCount, negation));
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
  public List<PackRef> appliedPacks(String language) { return choice.applied(language); }

  /** The pipeline the patterns were normalised with; text must be analysed with the same one. */
  public TextPipeline pipeline() { return pipeline; }

  /** The compiled automaton, for tests (allocation, agreement with the reference pipeline). */
  MatchAutomaton automaton() { return automaton; }

  /**
   * Scans the advert once and returns the surviving entry matches (text, then title, then tags), as
   * an immutable compact list whose elements are built on access (see {@link LexiconMatches}; until
   * the compact form this returned a fresh {@code ArrayList}).
   *
   * @param language language that selects packs, or {@code null} to apply every pack
   */
  public LexiconMatches scan(Advert advert, AnalyzedText text, AnalyzedText title, String language) {
    LexiconScratch sc = scratch.get();
    boolean[] applicable = sc.applicablePacks(choice, language);
    sc.presentContexts.clear();
    int[] fromCategory = sc.categoryContexts(contexts, advert.category().orElse(null)); // no Optional.map per advert
    if (fromCategory != null) for (int c : fromCategory) sc.presentContexts.set(c);
    // hits of the text first, then of the title; contexts may come from either
    sc.hitCount = 0;
    sc.collector.collect(automaton, tables, text);
    int textHits = sc.hitCount;
    if (title != null) sc.collector.collect(automaton, tables, title);
    for (int h = 0; h < sc.hitCount; h++) {
      if (sc.hits[h * 4] == LexiconTables.ROLE_CONTEXT) sc.presentContexts.set(sc.hits[h * 4 + 1]);
    }
    sc.rowCount = 0;
    boolean[] anyOf = language == null ? applicable : null;
    rules.decide(text, LexiconMatches.KIND_TEXT, 0, textHits, applicable, anyOf, sc);
    if (title != null) rules.decide(title, LexiconMatches.KIND_TITLE, textHits, sc.hitCount, applicable, anyOf, sc);
    rules.tags(advert.tags(), applicable, sc);
    // the present contexts travel with the matches, for indicators that gate on them (one small copy,
    // only for adverts in some context)
    BitSet present = sc.presentContexts.isEmpty() ? null : (BitSet) sc.presentContexts.clone();
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
  boolean anyContext(String name, BitSet present) { return contexts.anyNamed(name, present); }

  /** The resolved entry with index {@code e} (see {@link LexiconMatches}). */
  ResolvedEntry resolved(int e) { return entries.resolved[e]; }

  /** A number for the indicator id of entry {@code e}, the same for all entries of that indicator. */
  int indicatorIndex(int e) { return entries.indicator[e]; }

  /** The number {@link #indicatorIndex(int)} gives the entries of {@code indicatorId}, or -1 when none has it. */
  int indicatorIndex(String indicatorId) { return entries.indicatorIndex(indicatorId); }

  /** The weight of entry {@code e}, multiplied by its boost factor (capped at 1) when {@code boosted}. */
  double weight(int e, boolean boosted) { return entries.weight(e, boosted); }
}
