package org.redflag.bench.link;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierMention;
import org.redflag.link.JoinRule;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;

/**
 * Where the wrong pairs of a linking come from: {@code LinkErrors [SEED] [ADVERTS]} links planted-cluster
 * adverts, then rebuilds the components from the linker's templates and the adverts' identifiers with
 * one kind of join changed at a time, and prints the pairwise precision of each: as linked; with every
 * phone mention joining ({@link JoinRule} off); with template joins kept only within one planted actor
 * (what is left is wrong identifier joins); with identifier joins kept only within one actor (what is
 * left is wrong template joins). An oracle for diagnosis, not a linker: it reads the truth.
 */
public final class LinkErrors {
  private LinkErrors() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    List<PlantedClusters.Labelled> data = PlantedClusters.generate(seed, n);
    List<Advert> ads = data.stream().map(PlantedClusters.Labelled::advert).toList();
    LinkOptions o = LinkOptions.defaults();
    LinkResult r = LinkRun.link(ads, o);
    int[] truth = new int[n];
    String[] linked = new String[n];
    for (int i = 0; i < n; i++) {
      truth[i] = data.get(i).actor();
      linked[i] = r.links().get(i).cluster();
    }
    List<List<IdentifierMention>> mentions = ads.stream().map(LinkRun::mentions).toList();
    print("as linked", ClusterMetrics.of(linked, truth));
    print("every phone mention joins", rebuild(ads, r, mentions, truth, true, false, false, o));
    print("template joins only within an actor", rebuild(ads, r, mentions, truth, false, true, false, o));
    print("identifier joins only within an actor", rebuild(ads, r, mentions, truth, false, false, true, o));
    Map<String, Map<Integer, Integer>> byTemplate = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String t = r.links().get(i).template();
      if (t != null) byTemplate.computeIfAbsent(t, x -> new HashMap<>()).merge(truth[i], 1, Integer::sum);
    }
    long mixed = byTemplate.values().stream().filter(m -> m.size() > 1).count();
    System.out.printf(Locale.ROOT, "templates of two or more adverts: %,d, of more than one actor: %,d%n", byTemplate.size(), mixed);
  }

  private static ClusterMetrics rebuild(List<Advert> ads, LinkResult r, List<List<IdentifierMention>> mentions, int[] truth,
      boolean allPhonesJoin, boolean templatesWithinActor, boolean identifiersWithinActor, LinkOptions o) {
    int n = ads.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String t = r.links().get(i).template();
      if (t != null) join(parent, first, "t" + t + (templatesWithinActor ? "/" + truth[i] : ""), i);
    }
    Map<String, Integer> uses = new HashMap<>();
    for (List<IdentifierMention> ms : mentions) for (String h : ms.stream().map(IdentifierMention::hash).distinct().toList()) uses.merge(h, 1, Integer::sum);
    for (int i = 0; i < n; i++) {
      for (IdentifierMention m : mentions.get(i)) {
        if (uses.get(m.hash()) > o.hubThreshold() || !allPhonesJoin && !JoinRule.joinable(ads.get(i), m)) continue;
        join(parent, first, "i" + m.hash() + (identifiersWithinActor ? "/" + truth[i] : ""), i);
      }
    }
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) labels[i] = Integer.toString(find(parent, i));
    return ClusterMetrics.of(labels, truth);
  }

  private static void join(int[] parent, Map<String, Integer> first, String key, int i) {
    Integer f = first.putIfAbsent(key, i);
    if (f == null) return;
    int a = find(parent, f), b = find(parent, i);
    if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
  }

  private static int find(int[] p, int x) {
    while (p[x] != x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  private static void print(String what, ClusterMetrics m) {
    System.out.printf(Locale.ROOT, "%-40s pairwise P %.4f R %.4f (%,d predicted pairs)%n", what, m.pairPrecision(), m.pairRecall(), m.predictedPairs());
  }
}
