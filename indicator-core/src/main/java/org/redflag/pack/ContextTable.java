package org.redflag.pack;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pack contexts a lexicon uses, numbered in the order their entries were compiled (a context's
 * number is its bit in a scan's present set), and which of them an advert's category makes present.
 * Immutable.
 */
final class ContextTable {
  private final List<PackContext> contexts;
  /** Category -> numbers of the contexts that list it (one hash lookup per advert, not a list scan per context). */
  private final Map<String, int[]> byCategory;

  ContextTable(List<PackContext> contexts) {
    this.contexts = List.copyOf(contexts);
    Map<String, int[]> map = new HashMap<>();
    for (int c = 0; c < contexts.size(); c++) {
      for (String cat : new LinkedHashSet<>(contexts.get(c).categories())) {
        int[] old = map.get(cat);
        int[] now = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = c;
        map.put(cat, now);
      }
    }
    this.byCategory = map;
  }

  int size() { return contexts.size(); }

  /** The contexts a category (as given, not yet lower-cased) makes present, or null for none. */
  int[] forCategory(String category) { return byCategory.get(category.toLowerCase(Locale.ROOT)); }

  /** Whether any context named {@code name} (packs may each declare one of that name) has its bit set in {@code present}. */
  boolean anyNamed(String name, BitSet present) {
    for (int c = present.nextSetBit(0); c >= 0; c = present.nextSetBit(c + 1)) {
      if (c < contexts.size() && contexts.get(c).name().equals(name)) return true;
    }
    return false;
  }
}
