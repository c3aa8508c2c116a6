package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.indicator.Evidence;
import org.redflag.risk.Band;

class EvaluationTest {
  static final List<String> IDS = List.of("a.one", "b.two", "c.three", "d.four");

  static Assessment assessment(String id, Set<String> fired, double score, List<Evidence> evidence) {
    List<IndicatorResult> rows = new ArrayList<>();
    for (String i : IDS) rows.add(new IndicatorResult(i, fired.contains(i), fired.contains(i) ? 1 : 0, 0));
    Band band = score >= 0.6 ? Band.HIGH : score >= 0.25 ? Band.ELEVATED : Band.LOW;
    return new Assessment(id, score, band, rows, evidence, List.of(), Map.of(), "test@1", List.of("p@1"), "0".repeat(64));
  }

  static Assessment assessment(String id, Set<String> fired) { return assessment(id, fired, 0.1, List.of()); }

  @Test
  void countsMatchAHandWorkedExample() {
    Evaluation e = Evaluation.builder()
        .add(Advert.builder("x1", "t").build(), assessment("x1", Set.of("a.one", "b.two")), List.of("a.one", "c.three"), List.of("b.two", "d.four"), null)
        .add(Advert.builder("x2", "t").build(), assessment("x2", Set.of("c.three")), List.of("c.three"), List.of("a.one"), null)
        .add(Advert.builder("x3", "t").build(), assessment("x3", Set.of()), List.of("a.one"), List.of(), null)
        .build();
    // a.one: expected x1 (fired), x3 (missed); forbidden x2 (quiet)
    assertThat(e.indicators().get("a.one").counts()).isEqualTo(new Evaluation.Counts(2, 1, 1, 0));
    assertThat(e.indicators().get("a.one").misses()).containsExactly("x3");
    // b.two: forbidden on x1 where it fired
    assertThat(e.indicators().get("b.two").counts()).isEqualTo(new Evaluation.Counts(0, 0, 1, 1));
    assertThat(e.indicators().get("b.two").falseFireIds()).containsExactly("x1");
    assertThat(e.indicators().get("c.three").counts()).isEqualTo(new Evaluation.Counts(2, 1, 0, 0));
    assertThat(e.indicators().get("c.three").misses()).containsExactly("x1");
    assertThat(e.overall()).isEqualTo(new Evaluation.Counts(4, 2, 3, 1));
    assertThat(e.overall().recall()).isEqualTo(0.5);
    assertThat(e.overall().falseFireRate()).isCloseTo(1 / 3.0, offset(1e-15));
    assertThat(e.shown()).extracting(Evaluation.Shown::id).containsExactly("x1", "x3");
    assertThat(e.labels()).isEmpty();
    assertThatThrownBy(() -> Evaluation.builder().add(Advert.builder("x", "t").build(), assessment("x", Set.of()), List.of("a.one"), List.of("a.one"), null))
        .hasMessageContaining("both expected and forbidden");
  }

  @Test
  void countsAgreeWithPairByPairCountingOnGeneratedCodings() {
    Random r = new Random(5);
    Evaluation.Builder b = Evaluation.builder();
    Map<String, long[]> oracle = new TreeMap<>(); // expected, found, forbidden, falseFires
    for (int i = 0; i < 300; i++) {
      Set<String> fired = new TreeSet<>();
      List<String> expect = new ArrayList<>();
      List<String> forbid = new ArrayList<>();
      for (String id : IDS) {
        if (r.nextDouble() < 0.4) fired.add(id);
        double c = r.nextDouble();
        if (c < 0.3) expect.add(id); else if (c < 0.8) forbid.add(id); // the rest: coder unsure
      }
      b.add(Advert.builder("g" + i, "t").build(), assessment("g" + i, fired), expect, forbid, null);
      for (String id : IDS) {
        long[] o = oracle.computeIfAbsent(id, k -> new long[4]);
        if (expect.contains(id)) { o[0]++; if (fired.contains(id)) o[1]++; }
        if (forbid.contains(id)) { o[2]++; if (fired.contains(id)) o[3]++; }
      }
    }
    Evaluation e = b.build();
    long[] all = new long[4];
    for (String id : IDS) {
      long[] o = oracle.get(id);
      assertThat(e.indicators().get(id).counts()).isEqualTo(new Evaluation.Counts(o[0], o[1], o[2], o[3]));
      assertThat(e.indicators().get(id).misses()).hasSize((int) (o[0] - o[1]));
      assertThat(e.indicators().get(id).falseFireIds()).hasSize((int) o[3]);
      for (int k = 0; k < 4; k++) all[k] += o[k];
    }
    assertThat(e.overall()).isEqualTo(new Evaluation.Counts(all[0], all[1], all[2], all[3]));
  }

  @Test
  void wilsonIntervalsMatchNewcombesPublishedValues() {
    // Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score interval without continuity correction)
    assertInterval(new Evaluation.Counts(263, 81, 0, 0).recallCi(), 0.2553, 0.3662);
    assertInterval(new Evaluation.Counts(148, 15, 0, 0).recallCi(), 0.0624, 0.1605);
    assertInterval(new Evaluation.Counts(0, 0, 20, 0).falseFireRateCi(), 0.0, 0.1611);
    assertInterval(new Evaluation.Counts(0, 0, 29, 1).falseFireRateCi(), 0.0061, 0.1718);
  }

  static void assertInterval(Interval i, double lo, double hi) {
    assertThat(i.low()).isCloseTo(lo, offset(5e-5));
    assertThat(i.high()).isCloseTo(hi, offset(5e-5));
  }

  @Test
  void jsonHasTheDocumentedShapeAndLabelsOnlyWithLabels() {
    Evaluation unlabelled = Evaluation.builder().invalid(2)
        .add(Advert.builder("x1", "t").build(), assessment("x1", Set.of("a.one")), List.of("a.one"), List.of(), null).build();
    ObjectNode j = unlabelled.toJson();
    assertThat(fields(j)).containsSubsequence("adverts", "overall", "indicators").contains("invalid").doesNotContain("labels");
    assertThat(j.get("adverts").asInt()).isEqualTo(1);
    assertThat(j.get("invalid").asInt()).isEqualTo(2);
    assertThat(fields(j.get("overall"))).containsExactly("expected", "found", "recall", "recallCi", "forbidden", "falseFires", "falseFireRate", "falseFireRateCi");
    JsonNode a = j.get("indicators").get("a.one");
    assertThat(fields(a)).containsExactly("expected", "found", "recall", "recallCi", "forbidden", "falseFires", "falseFireRate",
        "falseFireRateCi", "misses", "falseFireIds");
    assertThat(a.get("recall").asDouble()).isEqualTo(1.0);
    assertThat(a.get("recallCi").size()).isEqualTo(2);
    assertThat(a.get("falseFireRate").isNull()).isTrue(); // nothing forbidden: no rate, no interval
    assertThat(a.get("falseFireRateCi").isNull()).isTrue();

    Evaluation labelled = Evaluation.builder().bootstrap(200, 1)
        .add(Advert.builder("y1", "t").build(), assessment("y1", Set.of(), 0.9, List.of()), List.of(), List.of(), 1)
        .add(Advert.builder("y2", "t").build(), assessment("y2", Set.of(), 0.3, List.of()), List.of(), List.of(), 0)
        .add(Advert.builder("y3", "t").build(), assessment("y3", Set.of(), 0.5, List.of()), List.of(), List.of(), 1)
        .add(Advert.builder("y4", "t").build(), assessment("y4", Set.of(), 0.1, List.of()), List.of(), List.of(), 0)
        .add(Advert.builder("y5", "t").build(), assessment("y5", Set.of(), 0.7, List.of()), List.of(), List.of(), 0)
        .build();
    JsonNode l = labelled.toJson().get("labels");
    assertThat(fields(l)).containsSubsequence("n", "positives", "auc", "aucCi", "averagePrecision", "apCi", "brier", "ece", "bands");
    assertThat(l.get("n").asInt()).isEqualTo(5);
    assertThat(l.get("positives").asInt()).isEqualTo(2);
    // pairs (pos, neg): 0.9 beats all three negatives, 0.5 beats 0.3 and 0.1: 5 of 6
    assertThat(l.get("auc").asDouble()).isCloseTo(5 / 6.0, offset(1e-12));
    // ranking 0.9(+) 0.7(-) 0.5(+): recall 1/2 at precision 1, recall 1 at precision 2/3
    assertThat(l.get("averagePrecision").asDouble()).isCloseTo(0.5 + 0.5 * 2 / 3.0, offset(1e-12));
    assertThat(l.get("brier").asDouble()).isCloseTo((0.01 + 0.09 + 0.25 + 0.01 + 0.49) / 5, offset(1e-12));
    List<String> bands = new ArrayList<>();
    int adverts = 0;
    for (JsonNode b : l.get("bands")) {
      bands.add(b.get("band").asText());
      assertThat(fields(b)).containsSubsequence("band", "adverts", "precision", "recall");
      adverts += b.get("adverts").asInt();
    }
    assertThat(bands).containsExactly("HIGH", "ELEVATED", "LOW");
    assertThat(adverts).isEqualTo(5);
    JsonNode high = l.get("bands").get(0); // 0.9 and 0.7: one positive of two
    assertThat(high.get("adverts").asInt()).isEqualTo(2);
    assertThat(high.get("precision").asDouble()).isEqualTo(0.5);
    assertThat(high.get("recall").asDouble()).isEqualTo(0.5);
    assertThat(l.get("bands").get(2).get("atOrAbove").get("recall").asDouble()).isEqualTo(1.0);
  }

  @Test
  void oneClassLabelsHaveNoRankingMetricsButStillCalibrationOnes() {
    Evaluation e = Evaluation.builder()
        .add(Advert.builder("y1", "t").build(), assessment("y1", Set.of(), 0.9, List.of()), List.of(), List.of(), 0)
        .add(Advert.builder("y2", "t").build(), assessment("y2", Set.of(), 0.2, List.of()), List.of(), List.of(), 0)
        .build();
    JsonNode l = e.toJson().get("labels");
    assertThat(l.get("auc").isNull()).isTrue();
    assertThat(l.get("aucCi").isNull()).isTrue();
    assertThat(l.get("brier").asDouble()).isCloseTo((0.81 + 0.04) / 2, offset(1e-12));
    assertThat(EvaluationReport.html(e, "x")).contains("need both labels").doesNotContain("NaN");
  }

  @Test
  void reportEscapesTheAdvertAndHighlightsTheEvidenceOfTheFalseFire() {
    String text = "<script>x</script> call my manager & book, 24/7";
    int s = text.indexOf("24/7");
    int m = text.indexOf("my manager");
    List<Evidence> ev = List.of(Evidence.inText("b.two", text, s, s + 4, "e1", "src"),
        Evidence.inText("a.one", text, m, m + 10, "e2", "src"), Evidence.inField("a.one", "tags[0]", "tattoo:<x>", "e3", "src"));
    Evaluation e = Evaluation.builder()
        .add(Advert.builder("ad-<1>", text).title("Title <i>").build(), assessment("ad-<1>", Set.of("a.one", "b.two"), 0.5, ev),
            List.of("c.three"), List.of("b.two"), null)
        .build();
    String html = EvaluationReport.html(e, "coded.jsonl");
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("<script", "<i>", "ad-<1>", "src=", "NaN");
    assertThat(html).contains("&lt;script&gt;x&lt;/script&gt; call <mark class=\"other\" title=\"a.one\">my manager</mark> &amp; book, "
        + "<mark title=\"b.two\">24/7</mark>");
    assertThat(html).contains("Title &lt;i&gt;", "ad-&lt;1&gt;", "Missed: <strong>c.three</strong>", "tattoo:&lt;x&gt;");
    assertThat(html.split("<svg ", -1)).hasSize(1); // no labels, no plots
  }

  @Test
  void overlappingSpansAreCutSoEachPieceIsMarkedOnce() {
    String text = "abcdefgh";
    List<Evidence> ev = List.of(Evidence.inText("p", text, 1, 5, "e", "s"), Evidence.inText("q", text, 3, 7, "e", "s"));
    assertThat(EvaluationReport.highlight(text, ev, Set.of("q"))).isEqualTo(
        "a<mark class=\"other\" title=\"p\">bc</mark><mark title=\"p, q\">de</mark><mark title=\"q\">fg</mark>h");
  }

  static List<String> fields(JsonNode n) {
    List<String> f = new ArrayList<>();
    n.fieldNames().forEachRemaining(f::add);
    return f;
  }
}
