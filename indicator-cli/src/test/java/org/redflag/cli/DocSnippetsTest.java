package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in README.md and docs/*.md compiles as written and runs. A snippet lists its own
 * imports (nothing is imported for it), so what a reader copies compiles; values it takes from the
 * reader's code are named in a visible {@code // given: Type name, Type name} line (an engine, a list
 * of adverts), which the harness supplies. The snippets run in one child JVM whose working directory
 * holds the files they name (model.json, market.json, hash.key, metro-a-overlay.json and docs/examples/),
 * so that they write nothing into the repository. Not checked here: snippets of indicator-spark (they
 * need Spark, which this module's class path does not have).
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

  record Snippet(Path file, int line, List<String> imports, List<String[]> givens, List<String> body) {
    String where() { return ROOT.relativize(file).toString().replace('\\', '/') + ":" + line; }
  }

  @TempDir Path dir;

  @Test
  void everyJavaSnippetInTheDocsCompilesAndRuns() throws Exception {
    List<Snippet> snippets = snippets();
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(12);
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> sources = new ArrayList<>();
    Map<String, Snippet> byClass = new LinkedHashMap<>();
    for (int i = 0; i < snippets.size(); i++) {
      String name = "Snippet" + i;
      byClass.put(name, snippets.get(i));
      sources.add(write(src.resolve(name + ".java"), source(name, snippets.get(i))));
    }
    sources.add(write(src.resolve("SnippetMain.java"), main(byClass)));

    String classpath = classpath();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d", classes.toString(),
          "-proc:none", "-nowarn", "--release", "17"), null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      String cls = Path.of(d.getSource().getName()).getFileName().toString().replace(".java", "");
      Snippet s = byClass.get(cls);
      String where = s == null ? cls : s.file().getFileName() + " snippet at line " + s.line();
      errors.add(where + " (generated line " + d.getLineNumber() + "): " + d.getMessage(Locale.ROOT));
    }
    assertThat(errors).as("snippets that do not compile").isEmpty();
    assertThat(compiled).isTrue();

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

  /** Every ```java block of README.md and docs/*.md, in file order. */
  static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) continue;
        int start = i + 1;
        List<String> imports = new ArrayList<>();
        List<String[]> givens = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (i = start; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
          String l = lines.get(i);
          if (l.startsWith("import ")) imports.add(l);
          else if (l.strip().startsWith("// given:")) givens.addAll(given(l.strip().substring("// given:".length()), f, i + 1));
          else body.add(l);
        }
        if (String.join("\n", body).contains("RedflagSpark")) continue; // needs Spark on the class path (see above)
        out.add(new Snippet(f, start, imports, givens, body));
      }
    }
    return out;
  }

  /** "Type name, Type<A, B> name" into {type, name} pairs (commas inside angle brackets belong to the type). */
  private static List<String[]> given(String decl, Path file, int line) {
    List<String[]> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i <= decl.length(); i++) {
      char c = i < decl.length() ? decl.charAt(i) : ',';
      if (c == '<') depth++;
      if (c == '>') depth--;
      if (c == ',' && depth == 0) {
        String part = decl.substring(from, i).strip();
        int space = part.lastIndexOf(' ');
        String name = part.substring(space + 1);
        if (!GIVENS.containsKey(name)) throw new AssertionError(file + ":" + line + ": no given named '" + name + "'; the harness has " + GIVENS.keySet());
        out.add(new String[] {part.substring(0, space), name});
        from = i + 1;
      }
    }
    return out;
  }

  private static String source(String name, Snippet s) {
    StringBuilder sb = new StringBuilder();
    s.imports().forEach(i -> sb.append(i).append('\n'));
    sb.append("\n@SuppressWarnings(\"unchecked\")\nclass ").append(name).append(" {\n");
    sb.append("  static void run(java.util.Map<String, Object> given) throws Exception {\n");
    for (String[] g : s.givens()) sb.append("    ").append(g[0]).append(' ').append(g[1]).append(" = (").append(g[0])
        .append(") given.get(\"").append(g[1]).append("\");\n");
    s.body().forEach(l -> sb.append("    ").append(l).append('\n'));
    sb.append("  }\n}\n");
    return sb.toString();
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
      sb.append("    System.out.println((System.nanoTime() - t0) / 1_000_000 + \" ms: running ").append(s.where()).append("\");\n");
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

  /** The test class path (surefire passes it in this property; a plain JVM in java.class.path). */
  private static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
