package org.redflag.bench.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.redflag.match.LexiconPattern;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackContext;
import org.redflag.pack.PackEntry;
import org.redflag.pack.PackSet;
import org.redflag.text.TextPipeline;

/**
 * The literal phrases the engine's automaton looks for in a pack set: every entry pattern, exclusion,
 * context term and negation cue, expanded with {@link LexiconPattern#expand} and normalised with the
 * engine's {@link TextPipeline}, as {@code CompiledLexicon} does. Distinct, longest first (the order the
 * regex alternation needs so that it reports the longest phrase at a position; the count does not depend
 * on it).
 */
public final class PackPhrases {
  private PackPhrases() {}

  public static List<String> of(PackSet packs, TextPipeline pipeline) {
    TreeSet<String> phrases = new TreeSet<>();
    for (PackSet.ResolvedEntry r : packs.entries()) {
      PackEntry entry = r.entry();
      for (String p : entry.patterns()) add(phrases, p, pipeline);
      for (String p : entry.exclude()) add(phrases, p, pipeline);
      if (entry.context().isPresent()) {
        PackContext c = packs.context(r, entry.context().get());
        if (c != null) for (String t : c.terms()) add(phrases, t, pipeline);
      }
    }
    for (IndicatorPack pack : packs.packs()) for (String cue : pack.negationCues()) add(phrases, cue, pipeline);
    List<String> out = new ArrayList<>(phrases);
    out.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return List.copyOf(out);
  }

  /** The phrases of the default packs under the default pipeline. */
  public static List<String> defaults() { return of(PackSet.defaults(), TextPipeline.defaults()); }

  private static void add(TreeSet<String> phrases, String pattern, TextPipeline pipeline) {
    for (String phrase : LexiconPattern.expand(pattern)) {
      String norm = pipeline.analyze(phrase).normalized().strip();
      // the fold joins words and then writes a repeated letter once, so a joined phrase may fold
      // further ("employer responsible" -> "employerresponsible" -> "employeresponsible"); peers get
      // the form that folding leaves unchanged, which is what they meet in pre-normalised text
      for (int i = 0; i < 4; i++) {
        String again = pipeline.analyze(norm).normalized().strip();
        if (again.equals(norm)) break;
        norm = again;
      }
      if (!norm.isEmpty()) phrases.add(norm);
    }
  }
}
