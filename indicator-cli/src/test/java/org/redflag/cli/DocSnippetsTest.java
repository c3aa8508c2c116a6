package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.cli.DocSnippets.Snippet;

/**
 * Every Java snippet in README.md and docs/*.md compiles as written and runs (see {@link DocSnippets}
 * for how a snippet names what it takes from the reader's code: an engine, a list of adverts). The snippets
 * run in one child JVM whose working directory holds the files they name (model.json, market.json, hash.key, metro-a-overlay.json and docs/examples/),
 * so that they write nothing into the repository. The snippets of indicator-spark need Spark on the
 * class path: its {@code SparkDocSnippetsTest} compiles them.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..");

  /** The values a snippet may name in its {@code // given:} line, built by the harness. */
  private static final Map<String, String> GIVENS = new LinkedHashMap<>();

  static {
    GIVENS.put("adverts", "readAdverts()");
    GIVENS.put("engine", "org.redflag.engine.RiskEngine.withDefaults()");
    GIVENS.put("ad", "readAdverts().get(0)");
    GIVENS.put("advert", "readAdverts().get(0)");
    GIVENS.put("text", "\"New in town, call 555 010 0123 or five five five, zero one zero, 0199\"");
    GIVENS.put("labels", "labels()");
    GIVENS.put("baselines", "org.redflag.price.MarketBaselines.read(java.nio.file.Path.of(\"market.json\"))");
    GIVENS.put("site", "\"boardA\"");
  }

  @TempDir Path dir;

  @Test
  void everyJavaSnippetInTheDocsCompilesAndRuns() throws Exception {
    List<Snippet> snippets = DocSnippets.read(ROOT, GIVENS.keySet(), s -> !s.mentions("RedflagSpark"));
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(12);
    Map<String, Snippet> byClass = DocSnippets.named(snippets);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classpath = DocSnippets.classpath();
    List<String> errors = DocSnippets.compile(byClass, Map.of("SnippetMain", main(byClass)),
        Files.createDirectories(dir.resolve("src")), classes, classpath);
    assertThat(errors).as("snippets that do not compile").isEmpty();

    Path work = fixtures();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp",
        classes + java.io.File.pathSeparator + classpath, "SnippetMain")
        .directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    Files.writeString(Path.of("target", "doc-snippets.log"), output); // which snippet ran when, for a failure
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("ran " + snippets.size() + " snippets");
  }

  private static String main(Map<String, Snippet> byClass) {
    StringBuilder sb = new StringBuilder("public class SnippetMain {\n");
    sb.append("  static java.util.List<org.redflag.advert.Advert> readAdverts() throws Exception {\n")
        .append("    java.util.List<org.redflag.advert.Advert> out = new java.util.ArrayList<>();\n")
        .append("    for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"docs/examples/ads.jsonl\"))) {\n")
        .append("      if (!l.isBlank()) out.add(org.redflag.io.AdvertJson.parse(l));\n    }\n    return out;\n  }\n");
    sb.append("  static int[] labels() throws Exception {\n    int[] l = new int[readAdverts().size()];\n")
        .append("    for (int i = 0; i < l.length; i++) l[i] = i % 3 == 0 ? 1 : 0;\n    return l;\n  }\n");
    sb.append("  public static void main(String[] args) throws Exception {\n");
    sb.append("    long t0 = System.nanoTime();\n");
    sb.append("    java.util.Map<String, Object> given = new java.util.HashMap<>();\n");
    GIVENS.forEach((name, expr) -> sb.append("    given.put(\"").append(name).append("\", ").append(expr).append(");\n"));
    byClass.forEach((cls, s) -> {
      sb.append("    System.out.println((System.nanoTime() - t0) / 1_000_000 + \" ms: running ").append(s.where(ROOT)).append("\");\n");
      sb.append("    ").append(cls).append(".run(given);\n");
    });
    sb.append("    System.out.println(\"ran ").append(byClass.size()).append(" snippets\");\n  }\n}\n");
    return sb.toString();
  }

  /** The working directory of the run: the files the snippets name, copied. */
  private Path fixtures() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path examples = Files.createDirectories(work.resolve("docs/examples"));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs/examples"))) {
      for (Path f : s.toList()) Files.copy(f, examples.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.copy(ROOT.resolve("docs/examples/calibrated-model.json"), work.resolve("model.json"));
    Files.copy(ROOT.resolve("docs/examples/market.json"), work.resolve("market.json"));
    Files.copy(ROOT.resolve("docs/examples/overlay-en-metro-a.json"), work.resolve("metro-a-overlay.json"));
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    Files.write(work.resolve("hash.key"), key);
    return work;
  }

}
