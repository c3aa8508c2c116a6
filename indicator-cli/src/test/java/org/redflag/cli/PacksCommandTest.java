package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacksCommandTest {

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RedflagCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void listShowsPacksIndicatorsAndModel() {
    String[] r = run("packs", "list");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("core-en@").contains("control.third-party").contains("model: default-prior@");
  }

  @Test
  void validateReportsFileAndPathOrComposes(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("local.json");
    Files.writeString(good, "{\"id\":\"local\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + "{\"id\":\"local.handler\",\"indicator\":\"control.third-party\",\"patterns\":[\"ask my handler\"],\"source\":\"local team\"}]}");
    String[] ok = run("packs", "validate", good.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("ok      ").contains("local@1").contains("composed with the default packs: ok");

    Path unknownIndicator = dir.resolve("unknown.json");
    Files.writeString(unknownIndicator, "{\"id\":\"u\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + "{\"id\":\"u.x\",\"indicator\":\"no.such\",\"patterns\":[\"x\"],\"source\":\"s\"}]}");
    String[] bad = run("packs", "validate", unknownIndicator.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2]).contains("invalid composition").contains("names indicator 'no.such', which is not registered");

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"id\":\"b\",\"version\":\"1\",\"language\":\"en\",\"entries\":[{\"id\":\"b.x\",\"indicator\":\"a.b\",\"patterns\":[\"(x\"],\"source\":\"s\"}]}");
    String[] b = run("packs", "validate", broken.toString());
    assertThat(b[0]).isEqualTo("1");
    assertThat(b[2]).contains("invalid broken.json: $.entries[0].patterns[0]: unclosed '('");
  }
}
