package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.risk.Activations;

class CalibrationReportTest {

  @Test
  void reportIsOneSelfContainedPageWithThePlotsAndTheTable() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel(), 1000, 3);
    List<Activations> rows = new ArrayList<>(s.rows());
    // an indicator id with markup must come out escaped
    rows.set(0, new Activations(Map.of("x<b>", 1.0), Map.of()));
    TrainingResult r = RiskModelTrainer.train(rows, s.labels(), TrainingOptions.defaults().withTrainedAt("2026-01-01T00:00:00Z"));
    String html = CalibrationReport.html(r);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html.split("<svg ", -1)).hasSize(6); // reliability, ROC, PR, histogram, forest plot
    assertThat(html).contains("Reliability", "ROC, AUC", "Precision-recall, AP", "Scores by label", "Fitted weights");
    assertThat(html).doesNotContain("<script", "src=", "href=", "<img", "<link", "@import").contains("xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(html).contains("x&lt;b&gt;").doesNotContain("x<b>");
    assertThat(html).contains(String.format(java.util.Locale.ROOT, "%.4f", r.crossValidated().rocAuc()));
    for (TrainingResult.TermRow t : r.terms()) assertThat(html).contains(Html.esc(t.name()));
    assertThat(html).doesNotContain("NaN", "Infinity");
    assertThat(html).contains("does not transfer to another without checking");
  }
}
