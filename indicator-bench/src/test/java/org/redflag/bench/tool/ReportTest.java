package org.redflag.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportTest {
  private static List<JmhResult> baseline() throws Exception {
    try {
      return JmhResult.read(Path.of(ReportTest.class.getResource("/jmh/baseline.json").toURI()));
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void svgIsWellFormedWithOneBarPerThroughputResult() throws Exception {
    String svg = SvgChart.render(baseline(), "title <&>");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    // background rect + one bar per throughput row (the single-shot engine start is not a bar)
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 5);
    assertThat(svg).contains("title &lt;&amp;&gt;").contains("30,000");
  }

  @Test
  void targetsAreCheckedAgainstTheIssueThresholds() throws Exception {
    List<Report.Target> t = Report.targets(baseline());
    Report.Target vsRegex = t.stream().filter(x -> x.name().equals("redflag / javaRegex") && x.size().equals("1KB"))
        .findFirst().orElseThrow();
    assertThat(vsRegex.measured()).isEqualTo(30.0);
    assertThat(vsRegex.met()).isTrue();
    Report.Target assess = t.stream().filter(x -> x.name().equals("assess / redflag")).findFirst().orElseThrow();
    assertThat(assess.measured()).isEqualTo(0.5);
    assertThat(assess.met()).isTrue();
    Report.Target alloc = t.stream().filter(x -> x.name().equals("assess allocation")).findFirst().orElseThrow();
    assertThat(alloc.met()).isTrue();
    Report.Target small = t.stream().filter(x -> x.name().equals("redflag / javaRegex") && x.size().equals("200B"))
        .findFirst().orElseThrow();
    assertThat(small.measured()).isEqualTo(20.0);
    assertThat(Report.targetTable(baseline())).contains("| redflag / javaRegex | 1KB | 30.0 x | >= 20.0 x | yes |");
    assertThat(Report.table(baseline())).contains("| AssessBenchmark.assess | 1KB | 15,000 | 2% | 15.0 | 3500 |");
  }
}
