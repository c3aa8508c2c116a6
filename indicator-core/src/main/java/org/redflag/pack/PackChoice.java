package org.redflag.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which packs take part for an advert, by its language: the packs of its primary language subtag and
 * the language-neutral ones; every pack when the language is unknown. An overlay takes part exactly
 * when the pack it overlays does (its entries are scoped to that pack). Packs are chosen by language
 * alone, so there are few distinct answers: the lists are built once. Immutable.
 */
final class PackChoice {
  private final String[] packPrimary; // primary language subtag per pack; null for language-neutral packs
  private final Map<String, List<PackRef>> appliedByPrimary;
  private final List<PackRef> appliedNeutral;
  private final List<PackRef> appliedAll;

  PackChoice(List<IndicatorPack> packList) {
    int n = packList.size();
    packPrimary = new String[n];
    for (int p = 0; p < n; p++) {
      String l = packList.get(p).language();
      packPrimary[p] = l.equals(IndicatorPack.ANY_LANGUAGE) ? null : primaryLanguage(l);
    }
    String[] scopePrimary = new String[n];
    for (int p = 0; p < n; p++) {
      int scope = p;
      String base = packList.get(p).overlays().orElse(null);
      for (int q = 0; base != null && q < n; q++) {
        if (packList.get(q).id().equals(base) && packList.get(q).overlays().isEmpty()) {
          scope = q;
          break;
        }
      }
      scopePrimary[p] = packPrimary[scope];
    }
    Map<String, List<PackRef>> byPrimary = new HashMap<>();
    for (String primary : scopePrimary) {
      if (primary == null || byPrimary.containsKey(primary)) continue;
      List<PackRef> refs = new ArrayList<>();
      for (int p = 0; p < n; p++) if (scopePrimary[p] == null || scopePrimary[p].equals(primary)) refs.add(packList.get(p).ref());
      byPrimary.put(primary, List.copyOf(refs));
    }
    appliedByPrimary = Map.copyOf(byPrimary);
    List<PackRef> neutral = new ArrayList<>();
    for (int p = 0; p < n; p++) if (scopePrimary[p] == null) neutral.add(packList.get(p).ref());
    appliedNeutral = List.copyOf(neutral);
    appliedAll = packList.stream().map(IndicatorPack::ref).toList();
  }

  /** The packs that take part for {@code language} (null: unknown), in pack order. */
  List<PackRef> applied(String language) {
    if (language == null) return appliedAll;
    List<PackRef> refs = appliedByPrimary.get(primaryLanguage(language));
    return refs != null ? refs : appliedNeutral;
  }

  /**
   * Per pack index, whether entries scoped to that pack may match an advert in {@code language}
   * (null: every pack). A new array; {@link LexiconScratch} keeps the last one per thread.
   */
  boolean[] applicable(String language) {
    boolean[] ok = new boolean[packPrimary.length];
    String primary = language == null ? null : primaryLanguage(language);
    for (int p = 0; p < ok.length; p++) {
      ok[p] = primary == null || packPrimary[p] == null || packPrimary[p].equals(primary);
    }
    return ok;
  }

  /** Lower-case primary subtag of a BCP 47 tag ({@code en-GB} to {@code en}). */
  static String primaryLanguage(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
