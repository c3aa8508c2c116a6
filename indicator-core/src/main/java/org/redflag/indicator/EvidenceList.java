package org.redflag.indicator;

import com.google.common.collect.ImmutableList;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.redflag.pack.LexiconMatches;

/**
 * An immutable list of evidence that builds each {@link Evidence} when it is read: either the
 * evidence of one indicator's pack matches (one {@link Evidence#of} per match, built from compact
 * {@link LexiconMatches}) or the concatenation of other immutable evidence lists. {@link #get(int)}
 * returns a new, equal object on every call (evidence is a value: compare with {@code equals}).
 * {@link IndicatorOutcome} and {@code Assessment} keep such a list as it is instead of copying it.
 *
 * <p>Why: building one {@code Evidence} (with two boxed offsets) per pack match allocates in
 * proportion to the matches, for adverts whose evidence is often never read (ranking, thresholds).
 * Reading all evidence allocates what building it eagerly did, just later.
 *
 * <p>Not API: public only because the engine (another package) concatenates the outcomes' lists into
 * an assessment's. Indicator authors return any {@code List<Evidence>}.
 */
public final class EvidenceList extends AbstractList<Evidence> implements RandomAccess {
  private final LexiconMatches matches; // one indicator's matches, or null for a concatenation
  private final String indicator;
  private final List<Evidence>[] parts; // immutable lists (EvidenceList or ImmutableList)
  private final int[] ends;             // cumulative sizes of parts
  private final int size;

  private EvidenceList(LexiconMatches matches, String indicator, List<Evidence>[] parts, int[] ends, int size) {
    this.matches = matches;
    this.indicator = indicator;
    this.parts = parts;
    this.ends = ends;
    this.size = size;
  }

  /** The evidence of {@code matches}, attributed to {@code indicatorId}: element {@code i} is {@code Evidence.of(matches.get(i), indicatorId)}. */
  public static EvidenceList of(LexiconMatches matches, String indicatorId) {
    return new EvidenceList(matches, java.util.Objects.requireNonNull(indicatorId, "indicatorId"), null, null, matches.size());
  }

  /**
   * The concatenation of {@code count} lists of {@code lists}, in order; lists other than
   * {@code EvidenceList}s are copied into immutable lists first.
   */
  @SuppressWarnings("unchecked")
  public static List<Evidence> concat(List<Evidence>[] lists, int count) {
    int nonEmpty = 0;
    List<Evidence> last = null;
    for (int i = 0; i < count; i++) {
      if (!lists[i].isEmpty()) {
        nonEmpty++;
        last = lists[i];
      }
    }
    if (nonEmpty == 0) return ImmutableList.of();
    if (nonEmpty == 1) return immutable(last);
    List<Evidence>[] parts = new List[nonEmpty];
    int[] ends = new int[nonEmpty];
    int n = 0;
    int total = 0;
    for (int i = 0; i < count; i++) {
      if (lists[i].isEmpty()) continue;
      parts[n] = immutable(lists[i]);
      total += parts[n].size();
      ends[n++] = total;
    }
    return new EvidenceList(null, null, parts, ends, total);
  }

  /** {@code list} itself when it is immutable (an EvidenceList or ImmutableList), else an immutable copy. */
  public static List<Evidence> immutable(List<Evidence> list) {
    return list instanceof EvidenceList || list instanceof ImmutableList ? list : ImmutableList.copyOf(list);
  }

  @Override
  public int size() { return size; }

  @Override
  public Evidence get(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + ", size " + size);
    if (matches != null) return Evidence.of(matches.get(i), indicator);
    int p = 0;
    while (ends[p] <= i) p++; // a handful of parts (one per indicator that fired)
    return parts[p].get(p == 0 ? i : i - ends[p - 1]);
  }
}
