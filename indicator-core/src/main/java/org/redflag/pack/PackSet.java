package org.redflag.pack;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective lexicon of a set of packs after overlays are applied. Base packs contribute their
 * entries; an overlay pack removes entries of its base by id, re-weights them, and adds entries (an
 * added entry with the id of a base entry replaces it). Immutable.
 */
public final class PackSet {
  /** Class-path folder of the packs shipped with Redflag. */
  public static final String DEFAULT_PACK_FOLDER = "org/redflag/packs/";
  /** Default packs, in load order. */
  public static final List<String> DEFAULT_PACKS =
      List.of("core-en.json", "core-de.json", "core-ru.json", "emoji.json", "tags-tattoo.json", "contact.json");

  private final ImmutableList<IndicatorPack> packs;
  private final ImmutableList<ResolvedEntry> entries;
  private final ImmutableMap<String, IndicatorDeclaration> indicators;

  /** An entry as it applies after overlays, with the pack that contributed it and its language scope. */
  public record ResolvedEntry(PackEntry entry, IndicatorPack pack, IndicatorPack scope) {
    /** Language that decides whether the entry applies to an advert (that of the base pack). */
    public String language() { return scope.language(); }
  }

  private PackSet(List<IndicatorPack> packs, List<ResolvedEntry> entries, Map<String, IndicatorDeclaration> indicators) {
    this.packs = ImmutableList.copyOf(packs);
    this.entries = ImmutableList.copyOf(entries);
    this.indicators = ImmutableMap.copyOf(indicators);
  }

  /** The packs shipped with Redflag. */
  public static PackSet defaults() {
    List<IndicatorPack> packs = new ArrayList<>();
    for (String name : DEFAULT_PACKS) packs.add(PackLoader.loadResource(DEFAULT_PACK_FOLDER + name));
    return of(packs);
  }

  /**
   * Composes packs. Base packs come first in the given order; an overlay must follow the pack it
   * overlays. Fails with a message naming the pack and entry on dangling references, and naming both
   * files when two packs declare one indicator with different priors.
   */
  public static PackSet of(List<IndicatorPack> packs) {
    Map<String, IndicatorPack> byId = new LinkedHashMap<>();
    Map<String, ResolvedEntry> effective = new LinkedHashMap<>();
    Declarations declarations = new Declarations();
    for (IndicatorPack pack : packs) {
      if (byId.containsKey(pack.id())) {
        throw new IllegalArgumentException("pack '" + pack.id() + "' is given twice");
      }
      byId.put(pack.id(), pack);
      declarations.add(pack);
      if (pack.overlays().isEmpty()) {
        for (PackEntry e : pack.entries()) {
          ResolvedEntry prev = effective.putIfAbsent(e.id(), new ResolvedEntry(e, pack, pack));
          if (prev != null) {
            throw new IllegalArgumentException("entry id '" + e.id() + "' of pack '" + pack.id()
                + "' is already defined by pack '" + prev.pack().id() + "'; entry ids must be unique across packs");
          }
        }
        continue;
      }
      String baseId = pack.overlays().get();
      IndicatorPack base = byId.get(baseId);
      if (base == null) {
        throw new IllegalArgumentException("overlay pack '" + pack.id() + "' overlays '" + baseId
            + "', which is not loaded before it");
      }
      IndicatorPack scope = base.overlays().isPresent() ? scopeOf(base, byId) : base;
      for (String id : pack.remove()) {
        ResolvedEntry r = effective.get(id);
        if (r == null || r.scope() != scope) {
          throw new IllegalArgumentException("overlay pack '" + pack.id() + "' removes entry '" + id
              + "', which pack '" + baseId + "' does not have");
        }
        effective.remove(id);
      }
      for (Map.Entry<String, Double> rw : pack.reweight().entrySet()) {
        ResolvedEntry r = effective.get(rw.getKey());
        if (r == null || r.scope() != scope) {
          throw new IllegalArgumentException("overlay pack '" + pack.id() + "' re-weights entry '" + rw.getKey()
              + "', which pack '" + baseId + "' does not have");
        }
        effective.put(rw.getKey(), new ResolvedEntry(r.entry().withWeight(rw.getValue()), pack, scope));
      }
      for (PackEntry e : pack.entries()) {
        if (e.context().isPresent() && !pack.contexts().containsKey(e.context().get())
            && !scope.contexts().containsKey(e.context().get())) {
          throw new IllegalArgumentException("entry '" + e.id() + "' of overlay pack '" + pack.id()
              + "' requires context '" + e.context().get() + "', defined neither there nor in '" + scope.id() + "'");
        }
        ResolvedEntry prev = effective.get(e.id());
        if (prev != null && prev.scope() != scope) {
          throw new IllegalArgumentException("entry id '" + e.id() + "' of pack '" + pack.id()
              + "' is already defined by pack '" + prev.pack().id() + "'");
        }
        effective.put(e.id(), new ResolvedEntry(e, pack, scope));
      }
    }
    return new PackSet(List.copyOf(byId.values()), List.copyOf(effective.values()), declarations.effective);
  }

  /**
   * The rules of declared indicators (docs/packs.md): several packs may declare one id only with the
   * same prior, so that which packs are loaded never silently changes a weight; only an overlay's
   * {@code reprior} changes it, for every advert, and only for an id declared before it.
   */
  private static final class Declarations {
    final Map<String, IndicatorDeclaration> declared = new LinkedHashMap<>(); // first declaration, as written
    final Map<String, IndicatorPack> declaredBy = new LinkedHashMap<>();
    final Map<String, IndicatorDeclaration> effective = new LinkedHashMap<>(); // after repriors

    void add(IndicatorPack pack) {
      for (IndicatorDeclaration d : pack.indicators()) {
        IndicatorDeclaration first = declared.get(d.id());
        if (first == null) {
          declared.put(d.id(), d);
          declaredBy.put(d.id(), pack);
          effective.put(d.id(), d);
        } else if (Double.compare(first.prior(), d.prior()) != 0) {
          throw new IllegalArgumentException("indicator '" + d.id() + "' is declared with prior " + first.prior() + " in "
              + declaredBy.get(d.id()).fileName() + " and with prior " + d.prior() + " in " + pack.fileName()
              + "; packs may declare one indicator only with the same prior (an overlay changes it with 'reprior')");
        }
      }
      for (Map.Entry<String, IndicatorDeclaration.PriorChange> r : pack.reprior().entrySet()) {
        IndicatorDeclaration d = effective.get(r.getKey());
        if (d == null) {
          throw new IllegalArgumentException("overlay pack '" + pack.id() + "' (" + pack.fileName() + ") changes the prior of indicator '"
              + r.getKey() + "', which no pack loaded before it declares");
        }
        effective.put(r.getKey(), d.withPrior(r.getValue()));
      }
    }
  }

  private static IndicatorPack scopeOf(IndicatorPack p, Map<String, IndicatorPack> byId) {
    IndicatorPack cur = p;
    while (cur.overlays().isPresent()) cur = byId.get(cur.overlays().get());
    return cur;
  }

  public List<IndicatorPack> packs() { return packs; }

  /**
   * The indicators the packs declare, by id in order of first declaration, with the priors that
   * overlays' {@code reprior} gave them.
   */
  public Map<String, IndicatorDeclaration> indicators() { return indicators; }

  /** Effective entries after overlays, in load order. */
  public List<ResolvedEntry> entries() { return entries; }

  /** {@code id@version} of every pack, in load order. */
  public List<String> labels() { return packs.stream().map(IndicatorPack::label).collect(ImmutableList.toImmutableList()); }

  /** Context definitions visible to an entry: its own pack's, then its base pack's. */
  public PackContext context(ResolvedEntry entry, String name) {
    PackContext c = entry.pack().contexts().get(name);
    return c != null ? c : entry.scope().contexts().get(name);
  }

  /** All contexts by pack id. */
  public Map<String, Map<String, PackContext>> contexts() {
    ImmutableMap.Builder<String, Map<String, PackContext>> b = ImmutableMap.builder();
    for (IndicatorPack p : packs) b.put(p.id(), p.contexts());
    return b.build();
  }
}
