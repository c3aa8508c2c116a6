package org.redflag.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java snippets of README.md and docs/*.md, as a reader copies them: each ```java block becomes
 * one class whose {@code run(Map)} method holds the block's body. A snippet lists its own imports
 * (nothing is imported for it); values it takes from the reader's code are named in a visible
 * {@code // given: Type name, Type name} line, which the harness supplies from a map. Shared by
 * {@code DocSnippetsTest} (the core and CLI snippets, compiled and run) and indicator-spark's test
 * (the Spark snippets, which need Spark on the class path).
 */
public final class DocSnippets {
  private DocSnippets() {}

  /** One ```java block: where it starts, its imports, its given values ({type, name}) and its body. */
  public record Snippet(Path file, int line, List<String> imports, List<String[]> givens, List<String> body) {
    public String where(Path root) { return root.relativize(file).toString().replace('\\', '/') + ":" + line; }

    public boolean mentions(String word) { return String.join("\n", body).contains(word); }
  }

  /**
   * Every ```java block of {@code root}/README.md and {@code root}/docs/*.md that {@code keep} accepts,
   * in file order; a {@code // given:} name outside {@code givenNames} fails with the file and line.
   */
  public static List<Snippet> read(Path root, Set<String> givenNames, Predicate<Snippet> keep) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> s = Files.list(root.resolve("docs"))) {
      s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) continue;
        int start = i + 1;
        List<String> imports = new ArrayList<>();
        Map<Integer, String> declared = new LinkedHashMap<>(); // line number -> "Type name, ..."
        List<String> body = new ArrayList<>();
        for (i = start; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
          String l = lines.get(i);
          if (l.startsWith("import ")) imports.add(l);
          else if (l.strip().startsWith("// given:")) declared.put(i + 1, l.strip().substring("// given:".length()));
          else body.add(l);
        }
        if (!keep.test(new Snippet(f, start, imports, List.of(), body))) continue;
        List<String[]> givens = new ArrayList<>();
        declared.forEach((line, decl) -> givens.addAll(given(decl, givenNames, f, line)));
        out.add(new Snippet(f, start, imports, givens, body));
      }
    }
    return out;
  }

  /** "Type name, Type<A, B> name" into {type, name} pairs (commas inside angle brackets belong to the type). */
  private static List<String[]> given(String decl, Set<String> names, Path file, int line) {
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
        if (!names.contains(name)) throw new AssertionError(file + ":" + line + ": no given named '" + name + "'; the harness has " + names);
        out.add(new String[] {part.substring(0, space), name});
        from = i + 1;
      }
    }
    return out;
  }

  /** The class {@code name} for a snippet: its imports, then its body in {@code static void run(Map<String, Object> given)}. */
  public static String source(String name, Snippet s) {
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

  /** Class name ("Snippet0", ...) to snippet, in order. */
  public static Map<String, Snippet> named(List<Snippet> snippets) {
    Map<String, Snippet> byClass = new LinkedHashMap<>();
    for (int i = 0; i < snippets.size(); i++) byClass.put("Snippet" + i, snippets.get(i));
    return byClass;
  }

  /**
   * Compiles the snippets of {@code byClass} (and {@code extra} sources, name to text) into {@code classes}
   * against {@code classpath}; returns the errors, each naming the snippet's file and line (empty when all compile).
   */
  public static List<String> compile(Map<String, Snippet> byClass, Map<String, String> extra, Path src, Path classes, String classpath)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<String, Snippet> e : byClass.entrySet()) sources.add(write(src.resolve(e.getKey() + ".java"), source(e.getKey(), e.getValue())));
    for (Map.Entry<String, String> e : extra.entrySet()) sources.add(write(src.resolve(e.getKey() + ".java"), e.getValue()));
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
    if (!compiled && errors.isEmpty()) errors.add("javac failed without an error diagnostic");
    return errors;
  }

  /** The test class path (surefire passes it in this property; a plain JVM in java.class.path). */
  public static String classpath() {
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
