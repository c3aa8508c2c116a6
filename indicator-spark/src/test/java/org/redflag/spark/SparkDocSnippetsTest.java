package org.redflag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.cli.DocSnippets;
import org.redflag.cli.DocSnippets.Snippet;

/**
 * The Java snippets of the docs that use {@link RedflagSpark} compile as written against this module's
 * class path (Spark included), with the same harness as the CLI's {@code DocSnippetsTest}. They are
 * compiled, not run: they read cluster paths ({@code hdfs:///...}) and a session the reader already
 * has; what they call is run by {@code RedflagSparkTest}.
 */
class SparkDocSnippetsTest {
  /** What a Spark snippet may take from the reader's code in its {@code // given:} line. */
  private static final Set<String> GIVENS = Set.of("spark", "lines", "spec");

  @TempDir Path dir;

  @Test
  void everySparkSnippetInTheDocsCompiles() throws Exception {
    List<Snippet> snippets = DocSnippets.read(Path.of(".."), GIVENS, s -> s.mentions("RedflagSpark"));
    assertThat(snippets).as("the Spark snippets of docs/scale.md").hasSizeGreaterThanOrEqualTo(2);
    List<String> errors = DocSnippets.compile(DocSnippets.named(snippets), Map.of(),
        Files.createDirectories(dir.resolve("src")), Files.createDirectories(dir.resolve("classes")), DocSnippets.classpath());
    assertThat(errors).as("Spark snippets that do not compile").isEmpty();
  }
}
