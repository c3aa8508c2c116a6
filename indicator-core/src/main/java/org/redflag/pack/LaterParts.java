package org.redflag.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text's meanings split by whether they can do anything before the text is seen: the direct ones
 * (whole phrases, first parts of gapped phrases, exclusions, cues) always act, while a later part of a
 * gapped phrase acts only if the ring of chains it extends has a chain in the field being scanned.
 * Common words are later parts of hundreds of expanded phrases ({@code (my|our|his|her) {gap}
 * (girls|boys|...)}), almost all of whose rings are empty in any one advert, so {@link PhraseCollector}
 * walks a text's direct meanings and, per ring that its later parts read, only the readers of rings
 * that hold chains. Built once per lexicon from {@link LexiconTables}; immutable.
 */
final class LaterParts {
  // per text x: its direct meanings are direct[directFirst[x] .. directFirst[x + 1]), in registration order,
  // with directCheck giving each one's rule check relative to the direct meaning before it
  final int[] directFirst;
  final int[] direct;
  final byte[] directCheck;
  // per text x: the rings its later parts read are ring[ringFirst[x] .. ringFirst[x + 1]); the readers of
  // ring j are reader[readerFirst[j] .. readerFirst[j + 1]), in registration order
  final int[] ringFirst;
  final int[] ring;
  final int[] readerFirst;
  final int[] reader;

  LaterParts(LexiconTables t) {
    int texts = t.firstMeaning.length - 1;
    directFirst = new int[texts + 1];
    ringFirst = new int[texts + 1];
    List<Integer> directList = new ArrayList<>();
    List<Byte> checks = new ArrayList<>();
    List<Integer> ringList = new ArrayList<>();
    List<Integer> readerFirstList = new ArrayList<>();
    List<Integer> readerList = new ArrayList<>();
    for (int x = 0; x < texts; x++) {
      Map<Integer, List<Integer>> byRing = new LinkedHashMap<>();
      int previous = -1;
      for (int m = t.firstMeaning[x]; m < t.firstMeaning[x + 1]; m++) {
        int g = t.gapPhrase[m];
        if (g >= 0 && t.gapPart[m] > 0) {
          byRing.computeIfAbsent(t.chainSlot(g, t.gapPart[m] - 1), k -> new ArrayList<>()).add(m);
          continue;
        }
        byte c = t.check[m];
        // SAME_RULE is relative to the meaning before m in the text's list; keep it only if that one is direct too
        if (c == LexiconTables.SAME_RULE && previous != m - 1) c = sameRuleAs(t, m, previous);
        directList.add(m);
        checks.add(c);
        previous = m;
      }
      directFirst[x + 1] = directList.size();
      for (Map.Entry<Integer, List<Integer>> e : byRing.entrySet()) {
        ringList.add(e.getKey());
        readerFirstList.add(readerList.size());
        readerList.addAll(e.getValue());
      }
      ringFirst[x + 1] = ringList.size();
    }
    readerFirstList.add(readerList.size());
    direct = directList.stream().mapToInt(Integer::intValue).toArray();
    directCheck = new byte[checks.size()];
    for (int i = 0; i < directCheck.length; i++) directCheck[i] = checks.get(i);
    ring = ringList.stream().mapToInt(Integer::intValue).toArray();
    readerFirst = readerFirstList.stream().mapToInt(Integer::intValue).toArray();
    reader = readerList.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The check of {@code m}, whose rule is that of the meaning just before it, given the direct meaning before it. */
  private static byte sameRuleAs(LexiconTables t, int m, int previousDirect) {
    if (previousDirect >= 0 && t.boundary[previousDirect] == t.boundary[m] && t.repeatMask[previousDirect] == t.repeatMask[m]) {
      return LexiconTables.SAME_RULE;
    }
    return LexiconTables.CHECK;
  }
}
