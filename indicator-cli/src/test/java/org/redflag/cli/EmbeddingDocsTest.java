package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The embedding story holds together: the BOM pins every library module at the project's version,
 * and the README's Maven coordinates name the BOM at that version and modules that exist.
 */
class EmbeddingDocsTest {
  private static final Path ROOT = Path.of("..");
  /** Modules that embedders do not depend on: the command line, the benchmarks, the BOM itself. */
  private static final List<String> NOT_EMBEDDED = List.of("redflag-bom", "indicator-cli", "indicator-bench");

  @Test
  void theBomPinsEveryLibraryModuleAtTheProjectVersion() throws Exception {
    Element root = parse(Files.readString(ROOT.resolve("pom.xml")));
    String version = text(root, "version");
    List<String> library = new ArrayList<>();
    for (Element m : children(child(root, "modules"), "module")) {
      if (!NOT_EMBEDDED.contains(m.getTextContent().trim())) library.add(m.getTextContent().trim());
    }
    assertThat(library).contains("indicator-core", "indicator-nlp", "indicator-morph", "indicator-fit", "indicator-link");
    assertThat(children(child(root, "modules"), "module").stream().map(e -> e.getTextContent().trim())).contains("redflag-bom");

    Element bom = parse(Files.readString(ROOT.resolve("redflag-bom/pom.xml")));
    assertThat(child(bom, "parent")).as("the BOM has no parent, so importing it pins only Redflag").isNull();
    assertThat(text(bom, "groupId")).isEqualTo("org.redflag");
    assertThat(text(bom, "artifactId")).isEqualTo("redflag-bom");
    assertThat(text(bom, "version")).isEqualTo(version);
    List<String> managed = new ArrayList<>();
    for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("org.redflag");
      assertThat(text(d, "version")).as(text(d, "artifactId")).isEqualTo(version);
      managed.add(text(d, "artifactId"));
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(library);
  }

  @Test
  void theReadmeCoordinatesNameTheBomAndRealModules() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains("mvn -B install -DskipTests");
    Matcher xml = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(xml.find()).as("a Maven snippet in the README").isTrue();
    Element snippet = parse("<project>" + xml.group(1) + "</project>");
    String version = text(parse(Files.readString(ROOT.resolve("pom.xml"))), "version");
    Element bom = children(child(child(snippet, "dependencyManagement"), "dependencies"), "dependency").get(0);
    assertThat(text(bom, "artifactId")).isEqualTo("redflag-bom");
    assertThat(text(bom, "version")).isEqualTo(version);
    assertThat(text(bom, "scope")).isEqualTo("import");
    for (Element d : children(child(snippet, "dependencies"), "dependency")) {
      assertThat(ROOT.resolve(text(d, "artifactId")).resolve("pom.xml")).exists();
      assertThat(child(d, "version")).as("the BOM gives the version").isNull();
    }
    Matcher optional = Pattern.compile("optional: ([a-z, -]+)").matcher(xml.group(1));
    assertThat(optional.find()).isTrue();
    for (String m : optional.group(1).split(",\\s*")) assertThat(ROOT.resolve(m.strip()).resolve("pom.xml")).exists();
  }

  private static Element parse(String xml) throws Exception {
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return d.getDocumentElement();
  }

  private static String text(Element e, String name) { return child(e, name).getTextContent().trim(); }

  private static Element child(Element parent, String name) {
    List<Element> l = children(parent, name);
    return l.isEmpty() ? null : l.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
    }
    return out;
  }
}
