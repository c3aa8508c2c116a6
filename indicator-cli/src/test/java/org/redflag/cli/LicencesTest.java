package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/licences.md against the build: the runtime dependency tree of indicator-cli (everything
 * redflag.jar ships, listed by maven-dependency-plugin into target/runtime-dependencies.txt) has
 * exactly the artifacts and versions of the table "Shipped artifacts", and each licence in the table
 * is the one the artifact declares (see {@link Licences}).
 */
class LicencesTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void everyShippedDependencyIsListedWithItsDeclaredLicence() throws Exception {
    Path listing = Path.of("target", "runtime-dependencies.txt");
    assertThat(listing).as("written by maven-dependency-plugin at generate-test-resources").exists();
    Map<String, Licences.Artifact> tree = Licences.tree(listing);
    Map<String, Licences.Listed> doc = Licences.documented(ROOT.resolve("docs/licences.md"), "Shipped artifacts");
    assertThat(tree).as("the runtime dependency tree").hasSizeGreaterThan(20);
    assertThat(doc.keySet()).as("docs/licences.md lists exactly the shipped artifacts").isEqualTo(tree.keySet());
    assertThat(Licences.problems(tree, doc)).isEmpty();
  }

  @Test
  void licenceNamesFallInTheirFamilies() {
    assertThat(Licences.family("The Apache Software License, Version 2.0")).isEqualTo("Apache-2.0");
    assertThat(Licences.family("Apache 2")).isEqualTo("Apache-2.0");
    assertThat(Licences.family("/* The Apache Software License, Version 1.1 * Copyright (c) 2000-2002")).isEqualTo("Apache-1.1");
    assertThat(Licences.family("GNU Lesser General Public License")).isEqualTo("LGPL");
    assertThat(Licences.family("0BSD")).isEqualTo("0BSD");
    assertThat(Licences.family("The New BSD License")).isEqualTo("BSD");
    assertThat(Licences.family("EPL 2.0")).isEqualTo("EPL-2.0");
    assertThat(Licences.family("CDDL + GPLv2 with classpath exception")).isEqualTo("CDDL");
    assertThat(Licences.family("GNU General Public License, version 2")).isNull(); // never mistaken for a permissive licence
  }

  @Test
  void theProjectDeclaresItsOwnLicence() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>");
    assertThat(Files.readString(ROOT.resolve("docs/licences.md"))).contains("Apache License 2.0");
  }
}
