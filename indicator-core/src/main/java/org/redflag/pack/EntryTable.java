package org.redflag.pack;

import java.util.BitSet;
import java.util.Map;
import org.redflag.pack.PackSet.ResolvedEntry;

/**
 * The per-entry facts a scan and its matches read, by entry index (the order of
 * {@link PackSet#entries()}): the resolved entry, a number for its indicator, its weight, its context
 * rule (gate or boost) and the pack whose negation cues apply to it. Immutable; made by
 * {@link LexiconCompiler}.
 */
final class EntryTable {
  final ResolvedEntry[] resolved;
  final int[] indicator;     // number of the entry's indicator id (see indicatorIndex)
  final double[] weight;
  final int[] context;       // context index used by the entry, or -1
  final boolean[] requires;  // the context is a gate (else a boost)
  final double[] boost;
  final int[] pack;          // index of the pack whose negation cues apply
  private final Map<String, Integer> indicatorIndex; // indicator id -> number

  EntryTable(ResolvedEntry[] resolved, int[] indicator, Map<String, Integer> indicatorIndex, double[] weight,
      int[] context, boolean[] requires, double[] boost, int[] pack) {
    this.resolved = resolved;
    this.indicator = indicator;
    this.indicatorIndex = Map.copyOf(indicatorIndex);
    this.weight = weight;
    this.context = context;
    this.requires = requires;
    this.boost = boost;
    this.pack = pack;
  }

  int size() { return resolved.length; }

  /** The number {@link #indicator} gives the entries of {@code indicatorId}, or -1 when none has it. */
  int indicatorIndex(String indicatorId) { return indicatorIndex.getOrDefault(indicatorId, -1); }

  /** The weight of entry {@code e}, multiplied by its boost factor (capped at 1) when {@code boosted}. */
  double weight(int e, boolean boosted) {
    double w = weight[e];
    return boosted ? Math.min(1, w * boost[e]) : w;
  }

  /** Whether entry {@code e} has a boosting (not gating) context and that context is present. */
  boolean boosted(int e, BitSet presentContexts) {
    return context[e] >= 0 && !requires[e] && presentContexts.get(context[e]);
  }

  /** Whether entry {@code e} is gated by a context that is absent. */
  boolean gatedOut(int e, BitSet presentContexts) {
    return context[e] >= 0 && requires[e] && !presentContexts.get(context[e]);
  }
}
