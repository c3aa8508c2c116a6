package org.redflag.link;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.identifier.IdentifierMention;
import org.redflag.price.PriceMention;

/**
 * Links adverts into clusters: connected components of adverts that share a contact identifier
 * (its keyed hash, as in assessments) or a near-duplicate template. Feed adverts in input order with
 * {@link #add}, then call {@link #finish} once. Not thread-safe: one linker per stream.
 *
 * <p>Streaming, memory bounded by the number of distinct templates and identifiers plus a few numbers
 * per advert, never by pairs. A new advert's text is reduced to {@link TemplateFeatures}; its LSH band
 * keys look up candidate templates in bounded buckets ({@link LinkOptions#bucketCap()} templates per
 * key); each candidate is confirmed by the exact Jaccard similarity of slotted word shingles against
 * the template's exemplars (at most {@link LinkOptions#exemplars()} texts). An advert that confirms
 * no candidate starts a template of its own; one that confirms several joins them. Identifier joins
 * (of the mentions {@link JoinRule} lets join) are applied at the end, when it is known which identifiers are hubs.
 *
 * <p>Ids are deterministic: a cluster is named {@code c-} and the id of its first member in input
 * order, a template {@code t-} and the id of its first member ({@link AdvertLink#of}).
 *
 * <p>Locality, which the Spark job ({@code RedflagSpark.link}) relies on to give the same links: the
 * template an advert joins depends only on earlier adverts connected to it through shared
 * {@link TemplateFeatures#bandKeys()} (the buckets it looks up hold only templates whose exemplars have
 * those keys). The input therefore splits into blocks, the connected components of band-key sharing,
 * and a linker run over one block in input order assigns that block's adverts the templates a linker
 * over the whole input does. A change that lets a template depend on anything else (an identifier, a
 * global count) must keep that property or change the Spark job with it.
 */
public final class Linker {
  private final LinkOptions options;

  // per advert, by input index
  private final List<String> ids = new ArrayList<>();
  private float[] scores = new float[1024];
  private int[] template = new int[1024];
  private int[] market = new int[1024];
  private int[] site = new int[1024];
  private long[] posted = new long[1024];
  private long[] ages = new long[2048];
  private final IntList firedStart = new IntList();
  private final IntList fired = new IntList();
  private final Map<String, Integer> indicatorIndex = new HashMap<>();
  private final List<String> indicatorNames = new ArrayList<>();
  private final Map<String, Integer> markets = new HashMap<>();
  private final Map<String, Integer> sites = new HashMap<>();
  private final List<String> marketNames = new ArrayList<>(), siteNames = new ArrayList<>(); // by interned index
  private final Map<Integer, Edit> edits = new HashMap<>();

  // identifiers: keyed hash -> the adverts that use it (each advert once; see IdEntry)
  private final Map<String, IdEntry> identifiers = new LinkedHashMap<>();

  // templates
  private final List<Tpl> templates = new ArrayList<>();
  private final BandIndex buckets;
  private int[] seenAt = new int[1024]; // seenAt[t] == k + 1: template t was a candidate of advert k already
  // exemplar shingle sets, flat: template t's exemplars are exemplar[t * options.exemplars() + q] for q <
  // exemplarCount[t], and exemplar e's sorted shingles are pool[start[e] .. start[e] + length[e]). Every
  // LSH candidate is read here, most only to be rejected: one flat read, not a walk through objects.
  private int[] exemplar = new int[1024];
  private int[] exemplarCount = new int[1024];
  private int[] start = new int[1024], length = new int[1024];
  private int exemplars;
  private long[] pool = new long[1 << 16];
  private int poolSize;

  private boolean finished;
  private int[] finalTemplateSizes; // by template root, set by finish()

  private Linker(LinkOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.buckets = new BandIndex(options.bucketCap());
  }

  public static Linker create(LinkOptions options) { return new Linker(options); }

  /** Adds an advert with its assessment (identifiers, score, fired indicators and prices come from it). */
  public void add(Advert advert, Assessment assessment) {
    List<String> firedIds = new ArrayList<>();
    for (IndicatorResult r : assessment.indicators()) if (r.fired()) firedIds.add(r.id());
    add(advert, assessment.identifiers(), (float) assessment.score(), firedIds, priceLabels(assessment.prices()));
  }

  /** Adds an advert with its identifiers only (no score, indicators or prices). */
  public void add(Advert advert, List<IdentifierMention> identifierMentions) {
    add(advert, identifierMentions, Float.NaN, List.of(), List.of());
  }

  /**
   * Adds an advert with its identifiers and its prices as {@link #priceLabels} writes them (for the
   * edit report), without score or indicators: what the Spark job's per-block linkers need.
   */
  public void add(Advert advert, List<IdentifierMention> identifierMentions, List<String> priceLabels) {
    add(advert, identifierMentions, Float.NaN, List.of(), priceLabels);
  }

  private void add(Advert advert, List<IdentifierMention> ids, float score, List<String> firedIds, List<String> prices) {
    if (finished) throw new IllegalStateException("finish() was called");
    int k = this.ids.size();
    this.ids.add(advert.id());
    grow(k);
    scores[k] = score;
    market[k] = intern(markets, marketNames, advert.market().orElse(null));
    site[k] = intern(sites, siteNames, advert.site().orElse(null));
    posted[k] = advert.postedAt().map(Instant::getEpochSecond).orElse(Long.MIN_VALUE);
    firedStart.add(fired.size());
    for (String f : firedIds) fired.add(indicatorIndex.computeIfAbsent(f, x -> { indicatorNames.add(x); return indicatorNames.size() - 1; }));
    Set<String> own = new HashSet<>(), joining = new HashSet<>();
    for (IdentifierMention m : ids) if (JoinRule.joinable(advert, m)) joining.add(m.hash());
    for (IdentifierMention m : ids) {
      if (!own.add(m.hash())) continue;
      identifiers.computeIfAbsent(m.hash(), h -> new IdEntry(m.type().label())).adverts.add(joining.contains(m.hash()) ? k : ~k);
    }
    TemplateFeatures f = TemplateFeatures.of(advert.text(), ids);
    long[] age = StatedAges.of(f);
    ages[2 * k] = age[0];
    ages[2 * k + 1] = age[1];
    template[k] = matchTemplate(k, f, new Member(k, f, own, List.copyOf(prices), age));
  }

  /** Prices as the edit report lists them: amount, currency and minutes ({@code 150 USD/60min}). */
  public static List<String> priceLabels(List<PriceMention> prices) {
    List<String> out = new ArrayList<>(prices.size());
    for (PriceMention p : prices) {
      BigDecimal a = p.amount().stripTrailingZeros();
      out.add(a.toPlainString() + (p.currency() == null ? "" : " " + p.currency()) + (p.minutes() == null ? "" : "/" + p.minutes() + "min"));
    }
    return out;
  }

  /** The template advert {@code k} joins or starts, or -1 when its text is too short to match. */
  private int matchTemplate(int k, TemplateFeatures f, Member member) {
    if (!f.matchable()) return -1;
    long[] keys = f.bandKeys();
    long[] sh = f.shingleHashes();
    int best = -1;
    double bestSim = -1;
    List<Integer> matched = new ArrayList<>(2);
    for (long key : keys) {
      for (int e = buckets.first(key); e >= 0; e = buckets.next(e)) {
        int t = buckets.template(e);
        if (seenAt[t] == k + 1) continue;
        seenAt[t] = k + 1;
        double sim = -1;
        for (int q = 0, x = t * options.exemplars(); q < exemplarCount[t]; q++) {
          int ex = exemplar[x + q];
          sim = Math.max(sim, TemplateFeatures.jaccardAtLeast(sh, pool, start[ex], length[ex], Math.max(options.similarity(), sim)));
        }
        if (sim >= options.similarity()) {
          matched.add(t);
          if (sim > bestSim) {
            bestSim = sim;
            best = t;
          }
        }
      }
    }
    if (best < 0) {
      int t = templates.size();
      templates.add(new Tpl(t, k, slottedText(f), slots(f), member));
      if (t == seenAt.length) {
        seenAt = Arrays.copyOf(seenAt, 2 * t);
        exemplarCount = Arrays.copyOf(exemplarCount, 2 * t);
      }
      addExemplar(t, sh);
      register(keys, t);
      return t;
    }
    Tpl into = templates.get(best);
    if (bestSim < LinkOptions.EXEMPLAR_SIMILARITY && exemplarCount[best] < options.exemplars()) {
      addExemplar(best, sh);
      register(keys, best);
    }
    int root = findT(best);
    for (int t : matched) root = unionT(root, findT(t));
    Tpl r = templates.get(root);
    Edit e = diff(r.last, member);
    if (e != null) edits.put(k, e);
    r.last = member;
    return best;
  }

  private void addExemplar(int t, long[] shingles) {
    int e = exemplars++;
    if (e == start.length) {
      start = Arrays.copyOf(start, 2 * e);
      length = Arrays.copyOf(length, 2 * e);
    }
    int x = t * options.exemplars() + exemplarCount[t]++;
    if (x >= exemplar.length) exemplar = Arrays.copyOf(exemplar, Math.max(2 * exemplar.length, x + 1));
    exemplar[x] = e;
    if (poolSize + shingles.length > pool.length) pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + shingles.length));
    System.arraycopy(shingles, 0, pool, poolSize, shingles.length);
    start[e] = poolSize;
    length[e] = shingles.length;
    poolSize += shingles.length;
  }

  private void register(long[] keys, int t) {
    for (long key : keys) buckets.add(key, t);
  }

  private Edit diff(Member prev, Member cur) {
    List<String> wa = new ArrayList<>(), wr = new ArrayList<>(), na = new ArrayList<>(), nr = new ArrayList<>();
    Map<String, Integer> words = new HashMap<>(), numbers = new HashMap<>();
    count(prev, words, numbers, -1, prev.ages, cur.ages);
    count(cur, words, numbers, +1, prev.ages, cur.ages);
    collect(words, wa, wr);
    collect(numbers, na, nr);
    int idsAdded = 0, idsRemoved = 0;
    for (String h : cur.identifiers) if (!prev.identifiers.contains(h)) idsAdded++;
    for (String h : prev.identifiers) if (!cur.identifiers.contains(h)) idsRemoved++;
    List<String> pa = multisetMinus(cur.prices, prev.prices), pr = multisetMinus(prev.prices, cur.prices);
    String age = null;
    if (!StatedAges.none(prev.ages) && !StatedAges.none(cur.ages)
        && (prev.ages[0] != cur.ages[0] || prev.ages[1] != cur.ages[1])) {
      int a = StatedAges.min(prev.ages), b = StatedAges.min(cur.ages);
      age = b < a ? "lowered" : b > a ? "raised" : "changed";
    }
    if (wa.isEmpty() && wr.isEmpty() && na.isEmpty() && nr.isEmpty() && idsAdded == 0 && idsRemoved == 0 && pa.isEmpty()
        && pr.isEmpty() && age == null) {
      return null;
    }
    return new Edit(ids.get(cur.index), ids.get(prev.index), cap(wa), cap(wr), cap(na), cap(nr), idsAdded, idsRemoved, cap(pa), cap(pr), age);
  }

  /** Words and numbers of a member into multiset counts; numbers that are stated ages are left out. */
  private static void count(Member m, Map<String, Integer> words, Map<String, Integer> numbers, int sign, long[] agesA, long[] agesB) {
    TemplateFeatures f = m.features;
    for (int i = 0; i < f.words.length; i++) {
      byte kind = f.kinds[i];
      if (kind == TemplateFeatures.CONTACT) continue;
      String w = f.words[i];
      if (kind == TemplateFeatures.NUMBER) {
        if (isAge(w, agesA) || isAge(w, agesB)) continue;
        numbers.merge(w, sign, Integer::sum);
      } else {
        words.merge(w, sign, Integer::sum);
      }
    }
  }

  private static boolean isAge(String w, long[] bits) {
    if (w.length() < 2 || !Character.isDigit(w.charAt(0)) || !Character.isDigit(w.charAt(1))) return false;
    if (w.length() > 2 && Character.isDigit(w.charAt(2))) return false;
    int a = (w.charAt(0) - '0') * 10 + (w.charAt(1) - '0');
    return (bits[a >>> 6] & 1L << (a & 63)) != 0;
  }

  private static void collect(Map<String, Integer> counts, List<String> added, List<String> removed) {
    for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
      if (e.getValue() > 0) added.add(e.getKey());
      else if (e.getValue() < 0) removed.add(e.getKey());
    }
  }

  private static List<String> multisetMinus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(b);
    List<String> out = new ArrayList<>();
    for (String x : a) if (!rest.remove(x)) out.add(x);
    return out;
  }

  private static List<String> cap(List<String> l) { return l.size() <= Edit.MAX_LISTED ? List.copyOf(l) : List.copyOf(l.subList(0, Edit.MAX_LISTED)); }

  private static String slottedText(TemplateFeatures f) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < f.words.length && sb.length() < 400; i++) {
      if (i > 0) sb.append(' ');
      sb.append(f.slotted(i));
    }
    return sb.toString();
  }

  private static List<String> slots(TemplateFeatures f) {
    Set<String> s = new java.util.TreeSet<>();
    for (byte k : f.kinds) if (k != TemplateFeatures.WORD) s.add(TemplateFeatures.SLOT[k]);
    return List.copyOf(s);
  }

  // ------------------------------------------------------------------ finish

  /** Computes the clusters. Call once, after the last {@link #add}. */
  public LinkResult finish() {
    if (finished) throw new IllegalStateException("finish() was called already");
    finished = true;
    int n = ids.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    // templates: each member with the template's first member
    int[] tplSize = new int[templates.size()];
    for (int k = 0; k < n; k++) {
      if (template[k] < 0) continue;
      int r = findT(template[k]);
      tplSize[r]++;
      union(parent, k, templates.get(r).first);
    }
    boolean[] byIdentifier = new boolean[n];
    List<Hub> hubs = new ArrayList<>();
    for (Map.Entry<String, IdEntry> e : identifiers.entrySet()) {
      IntList a = e.getValue().adverts;
      if (options.isHub(a.size())) {
        hubs.add(new Hub(e.getValue().type, e.getKey(), a.size()));
        continue;
      }
      int firstJoiner = -1, joiners = 0;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) < 0) continue; // a mention that may not join (JoinRule)
        if (firstJoiner < 0) firstJoiner = a.get(i);
        joiners++;
      }
      if (joiners < 2) continue;
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) < 0) continue;
        byIdentifier[a.get(i)] = true;
        union(parent, firstJoiner, a.get(i));
      }
    }
    int[] first = new int[n];
    Arrays.fill(first, -1);
    int[] size = new int[n];
    for (int k = 0; k < n; k++) {
      int r = find(parent, k);
      if (first[r] < 0) first[r] = k;
      size[r]++;
    }
    List<AdvertLink> links = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int r = find(parent, k);
      String tpl = null;
      if (template[k] >= 0) {
        int tr = findT(template[k]);
        if (tplSize[tr] >= 2) tpl = ids.get(templates.get(tr).first);
      }
      links.add(AdvertLink.of(ids.get(k), ids.get(first[r]), size[r], byIdentifier[k], tpl));
    }
    finalTemplateSizes = tplSize;
    return new LinkResult(links, clusters(parent, size), hubs);
  }

  private List<ClusterSummary> clusters(int[] parent, int[] size) {
    int n = ids.size();
    // cluster index in order of first member
    Map<Integer, Integer> index = new HashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int r = find(parent, k);
      if (size[r] < 2) continue;
      Integer c = index.get(r);
      if (c == null) {
        c = members.size();
        index.put(r, c);
        members.add(new ArrayList<>());
      }
      members.get(c).add(k);
    }
    // the identifiers of clustered adverts, each hash with its type (the type of its first mention in the input)
    Map<Integer, Map<String, String>> memberIds = new HashMap<>();
    for (Map.Entry<String, IdEntry> e : identifiers.entrySet()) {
      IntList a = e.getValue().adverts;
      for (int i = 0; i < a.size(); i++) {
        int k = a.get(i) < 0 ? ~a.get(i) : a.get(i);
        if (size[find(parent, k)] >= 2) memberIds.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(e.getKey(), e.getValue().type);
      }
    }
    List<ClusterSummary> out = new ArrayList<>(members.size());
    for (List<Integer> ms : members) {
      List<ClusterMember> facts = new ArrayList<>(ms.size());
      for (int k : ms) {
        List<String> firedIds = new ArrayList<>();
        int end = k + 1 < firedStart.size() ? firedStart.get(k + 1) : fired.size();
        for (int q = firedStart.get(k); q < end; q++) firedIds.add(indicatorNames.get(fired.get(q)));
        facts.add(new ClusterMember(ids.get(k), site[k] < 0 ? null : siteNames.get(site[k]), market[k] < 0 ? null : marketNames.get(market[k]),
            posted[k] == Long.MIN_VALUE ? null : Instant.ofEpochSecond(posted[k]), ages[2 * k], ages[2 * k + 1], firedIds, scores[k],
            memberIds.getOrDefault(k, Map.of()), membership(k)));
      }
      out.add(ClusterSummary.of(facts));
    }
    return out;
  }

  /** Advert {@code k}'s template of two or more and its edit, or null (after {@link #finish}). */
  private ClusterMember.TemplateMembership membership(int k) {
    if (template[k] < 0) return null;
    int r = findT(template[k]);
    if (finalTemplateSizes[r] < 2) return null;
    Tpl t = templates.get(r);
    return new ClusterMember.TemplateMembership("t-" + ids.get(t.first), finalTemplateSizes[r], t.text, t.slots, edits.get(k));
  }

  /**
   * After {@link #finish}: for each added advert in input order, its template of two or more with its
   * edit (null when it shares none). The Spark job reads them from the linker of each block.
   */
  public List<ClusterMember.TemplateMembership> memberships() {
    if (!finished) throw new IllegalStateException("call finish() first");
    List<ClusterMember.TemplateMembership> out = new ArrayList<>(ids.size());
    for (int k = 0; k < ids.size(); k++) out.add(membership(k));
    return out;
  }

  // ------------------------------------------------------------------ union-find

  private static int find(int[] p, int x) {
    while (p[x] != x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /** Union keeping the smaller index as root (the earlier advert). */
  private static void union(int[] p, int a, int b) {
    int ra = find(p, a), rb = find(p, b);
    if (ra == rb) return;
    if (ra < rb) p[rb] = ra; else p[ra] = rb;
  }

  private int findT(int t) {
    int r = t;
    while (templates.get(r).parent != r) r = templates.get(r).parent;
    while (t != r) { // path compression
      Tpl x = templates.get(t);
      int next = x.parent;
      x.parent = r;
      t = next;
    }
    return r;
  }

  /** Union of template roots; the root is the template with the earlier first member. */
  private int unionT(int a, int b) {
    if (a == b) return a;
    Tpl ta = templates.get(a), tb = templates.get(b);
    int root = ta.first <= tb.first ? a : b, child = root == a ? b : a;
    Tpl r = templates.get(root), ch = templates.get(child);
    ch.parent = root;
    if (ch.last != null && (r.last == null || ch.last.index > r.last.index)) r.last = ch.last;
    return root;
  }

  private void grow(int k) {
    if (k < scores.length) return;
    int cap = scores.length * 2;
    scores = Arrays.copyOf(scores, cap);
    template = Arrays.copyOf(template, cap);
    market = Arrays.copyOf(market, cap);
    site = Arrays.copyOf(site, cap);
    posted = Arrays.copyOf(posted, cap);
    ages = Arrays.copyOf(ages, 2 * cap);
  }

  private static int intern(Map<String, Integer> m, List<String> names, String v) {
    if (v == null) return -1;
    return m.computeIfAbsent(v, x -> {
      names.add(x);
      return m.size();
    });
  }

  /** A template: first member, union-find parent, text with slots, last member (its exemplars are in the flat arrays). */
  private static final class Tpl {
    final int first;
    int parent;
    final String text;
    final List<String> slots;
    Member last;

    Tpl(int self, int first, String text, List<String> slots, Member last) {
      this.first = first;
      this.parent = self;
      this.text = text;
      this.slots = slots;
      this.last = last;
    }
  }

  /** What the edit report compares of a member (kept only for each template's latest member). */
  private record Member(int index, TemplateFeatures features, Set<String> identifiers, List<String> prices, long[] ages) {}

  /** An identifier's adverts in input order: {@code k}, or {@code ~k} when its mention in advert k may not join. */
  private static final class IdEntry {
    final String type;
    final IntList adverts = new IntList();

    IdEntry(String type) { this.type = type; }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[4];
    private int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int get(int i) { return a[i]; }

    int size() { return n; }
  }
}
