package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/licences.md against the build: the runtime dependency tree of indicator-cli (everything
 * redflag.jar ships, listed by maven-dependency-plugin into target/runtime-dependencies.txt) has
 * exactly the artifacts and versions of the table, and each licence in the table is the one the
 * artifact declares, read from its POM, its parent POMs, or else the LICENSE file in its jar.
 */
class LicencesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern TREE_LINE = Pattern.compile(
      "^\\s*([^:\\s]+):([^:\\s]+):jar:(?:[^:\\s]+:)?([^:\\s]+):(?:compile|runtime):(/[^ ]+\\.jar).*$");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`:]+):([^`:]+)` \\| ([^|]+) \\| ([^|]+) \\|.*$");

  record Artifact(String group, String version, Path jar) {
    /** The local repository holding the jar: above its group's directories, artifact and version. */
    Path repository() {
      Path p = jar.getParent().getParent().getParent(); // the last directory of the group id
      for (int i = 0; i < group.split("\\.").length; i++) p = p.getParent();
      return p;
    }
  }

  record Listed(String version, String licence) {}

  @Test
  void everyShippedDependencyIsListedWithItsDeclaredLicence() throws Exception {
    Map<String, Artifact> tree = dependencyTree();
    Map<String, Listed> doc = documented();
    assertThat(tree).as("the runtime dependency tree").hasSizeGreaterThan(20);
    assertThat(doc.keySet()).as("docs/licences.md lists exactly the shipped artifacts").isEqualTo(tree.keySet());
    List<String> problems = new ArrayList<>();
    tree.forEach((ga, a) -> {
      Listed l = doc.get(ga);
      if (!l.version().equals(a.version())) problems.add(ga + ": listed " + l.version() + ", built with " + a.version());
      String declared = declaredLicence(a);
      String family = family(declared);
      if (family == null) problems.add(ga + ": unrecognised declared licence '" + declared + "'; review it and extend family()");
      else if (!l.licence().startsWith(family)) problems.add(ga + ": listed " + l.licence() + ", declares '" + declared + "'");
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void theProjectDeclaresItsOwnLicence() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>");
    assertThat(Files.readString(ROOT.resolve("docs/licences.md"))).contains("Apache License 2.0");
  }

  /** The SPDX prefix a declared licence name belongs to; null when not recognised. */
  static String family(String declared) {
    if (declared == null) return null;
    String d = declared.toLowerCase(Locale.ROOT);
    if (d.contains("lesser general public") || d.contains("lgpl")) return "LGPL";
    if (d.contains("apache") && d.contains("2.0")) return "Apache-2.0";
    if (d.matches("(?s).*\\bmit\\b.*")) return "MIT";
    if (d.contains("bsd")) return "BSD";
    if (d.contains("cc by-sa 4.0") || d.contains("attribution-sharealike 4.0")) return "CC-BY-SA-4.0";
    if (d.contains("unicode")) return "Unicode";
    return null;
  }

  private static Map<String, Artifact> dependencyTree() throws IOException {
    Path listing = Path.of("target", "runtime-dependencies.txt");
    assertThat(listing).as("written by maven-dependency-plugin at generate-test-resources").exists();
    Map<String, Artifact> out = new TreeMap<>();
    for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
      Matcher m = TREE_LINE.matcher(line);
      if (m.matches()) out.put(m.group(1) + ":" + m.group(2), new Artifact(m.group(1), m.group(3), Path.of(m.group(4))));
    }
    return out;
  }

  private static Map<String, Listed> documented() throws IOException {
    Map<String, Listed> out = new TreeMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/licences.md"), StandardCharsets.UTF_8)) {
      Matcher m = TABLE_ROW.matcher(line);
      if (m.matches()) out.put(m.group(1) + ":" + m.group(2), new Listed(m.group(3).trim(), m.group(4).trim()));
    }
    return out;
  }

  /** The licence name of the artifact's POM, else of its nearest parent POM that has one, else its jar's LICENSE. */
  private static String declaredLicence(Artifact artifact) {
    Path jar = artifact.jar();
    Path pom = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".pom"));
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
