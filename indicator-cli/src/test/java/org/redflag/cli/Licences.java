package org.redflag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/licences.md against a build's dependency tree: the artifacts a listing of
 * maven-dependency-plugin's {@code list} goal names, the rows of one section of the page, and the
 * licence each artifact declares (its POM, its parent POMs, or else the LICENSE file in its jar).
 * Shared by {@code LicencesTest} (what redflag.jar ships) and indicator-spark's test (the Spark jars).
 */
public final class Licences {
  private static final Pattern TREE_LINE = Pattern.compile(
      "^\\s*([^:\\s]+):([^:\\s]+):jar:(?:[^:\\s]+:)?([^:\\s]+):(?:compile|runtime|provided):(/[^ ]+\\.jar).*$");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`:]+):([^`:]+)` \\| ([^|]+) \\| ([^|]+) \\|.*$");

  private Licences() {}

  /** One resolved artifact: group, artifact id, version and the jar in the local repository. */
  public record Artifact(String group, String artifact, String version, Path jar) {
    /** The local repository holding the jar: above its group's directories, artifact and version. */
    Path repository() {
      Path p = jar.getParent().getParent().getParent(); // the last directory of the group id
      for (int i = 0; i < group.split("\\.").length; i++) p = p.getParent();
      return p;
    }

    /** The artifact's POM (beside the jar; a jar with a classifier shares the artifact's one POM). */
    Path pom() { return jar.resolveSibling(artifact + "-" + version + ".pom"); }
  }

  /** A row of the page: the version and licence it lists. */
  public record Listed(String version, String licence) {}

  /** "group:artifact" to artifact, from a listing written by maven-dependency-plugin's {@code list} goal. */
  public static Map<String, Artifact> tree(Path listing) throws IOException {
    Map<String, Artifact> out = new TreeMap<>();
    for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
      Matcher m = TREE_LINE.matcher(line);
      if (m.matches()) out.put(m.group(1) + ":" + m.group(2), new Artifact(m.group(1), m.group(2), m.group(3), Path.of(m.group(4))));
    }
    return out;
  }

  /** "group:artifact" to its row, from the table under the heading {@code ## section} of {@code page} (up to the next heading). */
  public static Map<String, Listed> documented(Path page, String section) throws IOException {
    Map<String, Listed> out = new TreeMap<>();
    boolean in = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) in = line.substring(3).strip().equals(section);
      if (!in) continue;
      Matcher m = TABLE_ROW.matcher(line);
      if (m.matches()) out.put(m.group(1) + ":" + m.group(2), new Listed(m.group(3).trim(), m.group(4).trim()));
    }
    return out;
  }

  /** What is wrong with the rows of {@code tree}'s artifacts in {@code doc}: a missing row, another version, a licence other than the declared one. */
  public static List<String> problems(Map<String, Artifact> tree, Map<String, Listed> doc) {
    List<String> problems = new ArrayList<>();
    tree.forEach((ga, a) -> {
      Listed l = doc.get(ga);
      if (l == null) {
        problems.add(ga + " " + a.version() + ": not listed (declares '" + declaredLicence(a) + "')");
        return;
      }
      if (!l.version().equals(a.version())) problems.add(ga + ": listed " + l.version() + ", built with " + a.version());
      String declared = declaredLicence(a);
      String family = family(declared);
      if (family == null) problems.add(ga + ": unrecognised declared licence '" + declared + "'; review it and extend family()");
      else if (!l.licence().startsWith(family)) problems.add(ga + ": listed " + l.licence() + ", declares '" + declared + "'");
    });
    return problems;
  }

  /** The SPDX prefix a declared licence name belongs to; null when not recognised. */
  static String family(String declared) {
    if (declared == null) return null;
    String d = declared.toLowerCase(Locale.ROOT);
    if (d.contains("lesser general public") || d.contains("lgpl")) return "LGPL";
    if (d.contains("apache") && (d.contains("2.0") || d.matches("(?s).*\\bapache 2\\b.*"))) return "Apache-2.0";
    if (d.contains("apache software license") && d.contains("version 1.1")) return "Apache-1.1";
    if (d.matches("(?s).*\\bmit\\b.*")) return "MIT";
    if (d.contains("0bsd")) return "0BSD";
    if (d.contains("bsd")) return "BSD";
    if (d.contains("cc by-sa 4.0") || d.contains("attribution-sharealike 4.0")) return "CC-BY-SA-4.0";
    if (d.contains("unicode")) return "Unicode";
    if (d.matches("(?s).*\\bepl\\b.*2\\.0.*") || d.contains("eclipse public license - v 2.0") || d.contains("eclipse public license 2.0")) return "EPL-2.0";
    if (d.contains("cddl")) return "CDDL";
    if (d.contains("mpl 1.1") || d.contains("mozilla public license 1.1")) return "MPL-1.1";
    return null;
  }

  /** The licence name of the artifact's POM, else of its nearest parent POM that has one, else its jar's LICENSE. */
  static String declaredLicence(Artifact artifact) {
    Path jar = artifact.jar();
    Path pom = artifact.pom();
    try {
      for (int depth = 0; depth < 10 && Files.exists(pom); depth++) {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element project = d.getDocumentElement();
        Element licenses = child(project, "licenses");
        if (licenses != null) {
          Element license = child(licenses, "license");
          if (license != null && child(license, "name") != null) return child(license, "name").getTextContent().trim();
        }
        Element parent = child(project, "parent");
        if (parent == null) break;
        String g = child(parent, "groupId").getTextContent().trim();
        String a = child(parent, "artifactId").getTextContent().trim();
        String v = child(parent, "version").getTextContent().trim();
        pom = artifact.repository().resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
      }
      try (ZipFile z = new ZipFile(jar.toFile())) {
        for (String name : List.of("META-INF/LICENSE", "META-INF/LICENSE.txt", "LICENSE", "LICENSE.txt")) {
          var e = z.getEntry(name);
          if (e == null) continue;
          try (InputStream in = z.getInputStream(e)) {
            String text = new String(in.readNBytes(600), StandardCharsets.UTF_8).trim();
            return text.replaceAll("\\s+", " ");
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the licence of " + jar + ": " + e, e);
    }
    return null;
  }

  private static Element child(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) return e;
    }
    return null;
  }
}
