package org.redflag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.cli.Licences;

/**
 * docs/licences.md against the two Spark jars' trees (listed by maven-dependency-plugin at
 * generate-test-resources): what {@code redflag-spark-cluster.jar} bundles (this module's runtime
 * tree) is listed among the shipped artifacts at the same versions, and Spark's tree (provided; in
 * the runnable jar's {@code lib/}) is exactly the table "Spark", each with its declared licence.
 */
class SparkLicencesTest {
  private static final Path PAGE = Path.of("..", "docs", "licences.md");

  @Test
  void theClusterJarBundlesOnlyListedArtifacts() throws Exception {
    Map<String, Licences.Artifact> runtime = Licences.tree(Path.of("target", "runtime-dependencies.txt"));
    assertThat(runtime).as("the cluster jar's tree").hasSizeGreaterThan(20);
    assertThat(Licences.problems(runtime, Licences.documented(PAGE, "Shipped artifacts"))).isEmpty();
  }

  @Test
  void sparksTreeIsListedWithItsDeclaredLicences() throws Exception {
    Map<String, Licences.Artifact> provided = Licences.tree(Path.of("target", "provided-dependencies.txt"));
    Map<String, Licences.Listed> doc = Licences.documented(PAGE, "Spark");
    assertThat(provided).as("Spark's tree").hasSizeGreaterThan(100);
    assertThat(doc.keySet()).as("the table \"Spark\" lists exactly Spark's tree").isEqualTo(provided.keySet());
    assertThat(Licences.problems(provided, doc)).isEmpty();
  }
}
