package org.redflag.indicator.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.IdentifierHasher;

/**
 * Precision and recall of {@code phone.obscured} on hand-written labelled adverts
 * ({@code fixtures/phone-obscured-fixtures.tsv}: obscured numbers in many forms, plain numbers and
 * digit look-alikes), and the normalised number of every true positive.
 */
class ObscuredPhoneFixtureTest {
  record Row(int line, boolean positive, String number, String text) {}

  static List<Row> load() throws IOException {
    List<Row> rows = new ArrayList<>();
    var in = ObscuredPhoneFixtureTest.class.getClassLoader().getResourceAsStream("fixtures/phone-obscured-fixtures.tsv");
    assertThat(in).isNotNull();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String l;
      int n = 0;
      while ((l = r.readLine()) != null) {
        n++;
        if (l.isBlank() || l.startsWith("#")) continue;
        String[] f = l.split("\t", 3);
        rows.add(new Row(n, f[0].equals("1"), f[1], f[2]));
      }
    }
    return rows;
  }

  @Test
  void precisionAndRecallOnHandWrittenFixtures() throws IOException {
    RiskEngine engine = RiskEngine.builder().hasher(IdentifierHasher.reveal()).build();
    List<Row> rows = load();
    int tp = 0, fp = 0, fn = 0;
    List<String> mistakes = new ArrayList<>();
    for (Row row : rows) {
      Assessment a = engine.assess(Advert.builder("line-" + row.line(), row.text()).category("escort").build());
      List<Evidence> ev = a.evidence().stream().filter(e -> e.indicator().equals(ObscuredPhoneIndicator.ID)).toList();
      for (Evidence e : ev) assertThat(row.text().substring(e.start(), e.end())).isEqualTo(e.match());
      if (row.positive() && !ev.isEmpty()) {
        tp++;
        assertThat(ev).as("line %d", row.line()).extracting(e -> e.details().get("number")).containsExactly(row.number());
      } else if (!ev.isEmpty()) {
        fp++;
        mistakes.add("line " + row.line() + ": false positive " + ev.get(0).entry());
      } else if (row.positive()) {
        fn++;
        mistakes.add("line " + row.line() + ": missed");
      }
    }
    double precision = tp / (double) (tp + fp), recall = tp / (double) (tp + fn);
    System.out.printf(Locale.ROOT, "phone.obscured fixtures: %d adverts, TP %d, FP %d, FN %d, precision %.3f, recall %.3f%n%s%n",
        rows.size(), tp, fp, fn, precision, recall, String.join("\n", mistakes));
    assertThat(rows.stream().filter(Row::positive).count()).isGreaterThanOrEqualTo(30);
    assertThat(rows.stream().filter(r -> !r.positive()).count()).isGreaterThanOrEqualTo(30);
    assertThat(mistakes).isEmpty();
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
  }
}
