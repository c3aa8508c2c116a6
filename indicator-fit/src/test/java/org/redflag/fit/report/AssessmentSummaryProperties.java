package org.redflag.fit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.redflag.risk.Band;

/**
 * Merging partial summaries, in any order and grouping, equals one summary over all adverts: the
 * property that lets threads and Spark partitions produce the report the command line produces.
 */
class AssessmentSummaryProperties {
  private static final List<String> INDICATORS = List.of("control.third-party", "movement.new-in-town", "price.anomaly", "youth.language");
  private static final List<String> ENTRIES = List.of("en.manager", "en.new-in-town", "en.young", "price.below-market-quantile", "de.neu");

  @Property(tries = 300)
  void mergingPartsInAnyOrderEqualsOneSummary(@ForAll("adverts") List<AssessedAdvert> ads, @ForAll @IntRange(min = 1, max = 6) int parts,
      @ForAll long seed) throws Exception {
    List<GroupField> by = List.of(GroupField.SITE, GroupField.MONTH);
    AssessmentSummary whole = new AssessmentSummary(by);
    ads.forEach(whole::add);

    Random rnd = new Random(seed);
    List<AssessmentSummary> partial = new ArrayList<>();
    for (int i = 0; i < parts; i++) partial.add(new AssessmentSummary(by));
    for (AssessedAdvert a : ads) partial.get(rnd.nextInt(parts)).add(a); // adverts land in any part, in input order or not
    Collections.shuffle(partial, rnd);
    // merge pairwise at random positions: any tree of merges, as a distributed reduce may do
    while (partial.size() > 1) {
      int i = rnd.nextInt(partial.size() - 1);
      AssessmentSummary a = partial.remove(i);
      AssessmentSummary b = partial.remove(i);
      partial.add(i, rnd.nextBoolean() ? a.merge(b) : b.merge(a));
    }
    AssessmentSummary merged = roundTrip(partial.get(0)); // as a distributed job ships it
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.report(10, true, true).toJson()).isEqualTo(whole.report(10, true, true).toJson());
  }

  @Property(tries = 200)
  void scoreQuantilesAreNearestRankOfTheBinnedScores(@ForAll("adverts") List<AssessedAdvert> ads) {
    AssessmentSummary s = new AssessmentSummary(List.of(GroupField.SITE));
    ads.forEach(s::add);
    for (MarketReport.Group g : s.report(0, false, false).groups()) {
      List<Long> bins = new ArrayList<>();
      for (AssessedAdvert a : ads) {
        String site = a.site() == null ? AssessmentSummary.NONE : a.site();
        if (site.equals(g.key().get("site"))) bins.add(Math.min(999, a.scoreMicros() / 1000));
      }
      Collections.sort(bins);
      int n = bins.size();
      assertThat(g.adverts()).isEqualTo(n);
      assertThat(g.scoreMedian()).isEqualTo((bins.get((int) Math.ceil(0.5 * n) - 1) + 0.5) / 1000);
      assertThat(g.scoreP90()).isEqualTo((bins.get(Math.max(1, (int) Math.ceil(0.9 * n)) - 1) + 0.5) / 1000);
    }
  }

  @Provide
  Arbitrary<List<AssessedAdvert>> adverts() {
    Arbitrary<String> site = Arbitraries.of("boardA", "boardB", "boardC", "").map(x -> x.isEmpty() ? null : x);
    Arbitrary<String> month = Arbitraries.of("2026-09", "2026-10", "2026-11", "").map(x -> x.isEmpty() ? null : x);
    Arbitrary<Long> score = Arbitraries.longs().between(0, 1_000_000);
    Arbitrary<Band> band = Arbitraries.of(Band.class);
    Arbitrary<List<String>> fired = Arbitraries.of(INDICATORS).list().uniqueElements().ofMaxSize(INDICATORS.size());
    Arbitrary<List<String>> entries = Arbitraries.of(ENTRIES).list().uniqueElements().ofMaxSize(3);
    Arbitrary<PricePosition> price = Arbitraries.doubles().between(0.01, 100).flatMap(r -> Arbitraries.of(true, false)
        .map(b -> new PricePosition(r, b))).injectNull(0.5);
    Arbitrary<Integer> cluster = Arbitraries.integers().between(0, 40);
    Arbitrary<AssessedAdvert> one = Combinators.combine(site, month, score, band, fired, entries, price, cluster)
        .as((s, m, sc, b, f, e, p, c) -> new AssessedAdvert("ad", s, "metro-a", null, "en", m, sc, b, INDICATORS, f, e, p, c));
    return one.list().ofMaxSize(120);
  }

  private static AssessmentSummary roundTrip(AssessmentSummary s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (AssessmentSummary) in.readObject();
    }
  }
}
