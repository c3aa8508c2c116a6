package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redflag.engine.RiskEngine;
import org.redflag.fit.synth.SyntheticAdverts;

/**
 * Embedders ship indicator-core alone: model fitting, reports and synthetic data must not be in it.
 * Reads whatever the class path holds for indicator-core (its jar in a full build, its classes
 * directory in a module-only build).
 */
class CoreJarContentsTest {
  private static final List<String> FITTING_NAMES = List.of("RiskModelTrainer", "LogisticRegression", "Calibrators", "CalibrationReport",
      "TrainingResult", "TrainingOptions", "FeatureSpace", "Metrics", "SyntheticData", "SyntheticAdverts", "EvaluationReport", "Evaluation", "ModelDiagnostics", "RankingBootstrap");

  @Test
  void coreHoldsNoFittingReportOrSyntheticDataClasses() throws Exception {
    Path core = location(RiskEngine.class);
    assertThat(core).isNotEqualTo(location(RiskModelTrainer.class)).isNotEqualTo(location(SyntheticActivations.class));
    List<String> entries = entries(core);
    assertThat(entries).as("indicator-core entries at %s", core).contains("org/redflag/engine/RiskEngine.class");
    for (String e : entries) {
      assertThat(e).doesNotStartWith("org/redflag/fit/").doesNotStartWith("org/redflag/risk/fit/").doesNotStartWith("org/redflag/risk/synth/");
      String simple = e.substring(e.lastIndexOf('/') + 1);
      for (String n : FITTING_NAMES) assertThat(simple).as(e).isNotEqualTo(n + ".class").doesNotStartWith(n + "$");
    }
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> entries(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile).forEach(f -> out.add(p.relativize(f).toString().replace('\\', '/')));
      }
    } else {
      try (JarFile jar = new JarFile(p.toFile())) {
        out.addAll(Collections.list(jar.entries()).stream().map(java.util.zip.ZipEntry::getName).toList());
      }
    }
    return out;
  }
}
