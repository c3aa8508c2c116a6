package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance over the Unicode emoji test file ({@code emoji-test.txt} from Debian's {@code unicode-data}
 * package): every fully-qualified, minimally-qualified and unqualified sequence is one emoji whose key
 * equals that of its fully-qualified form, and skin-tone variants share the key of the plain emoji.
 */
class EmojiConformanceTest {
  static final Path FILE = Path.of(System.getProperty("redflag.emojiTest", "/usr/share/unicode/emoji/emoji-test.txt"));

  record Line(String seq, String status, int lineNo) {}

  static List<Line> lines() throws IOException {
    if (!Files.isRegularFile(FILE)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("emoji test file " + FILE + " is missing; install Debian's unicode-data package (.ci/run does)");
      }
      Assumptions.abort("emoji test file " + FILE + " not installed (apt-get install unicode-data)");
    }
    List<Line> out = new ArrayList<>();
    int no = 0;
    for (String raw : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
      no++;
      int semi = raw.indexOf(';');
      if (raw.startsWith("#") || semi < 0) continue;
      StringBuilder sb = new StringBuilder();
      for (String hex : raw.substring(0, semi).trim().split("\\s+")) sb.appendCodePoint(Integer.parseInt(hex, 16));
      int hash = raw.indexOf('#', semi);
      String status = raw.substring(semi + 1, hash < 0 ? raw.length() : hash).trim();
      out.add(new Line(sb.toString(), status, no));
    }
    return out;
  }

  private static String stripSkinTones(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(cp -> cp < 0x1F3FB || cp > 0x1F3FF).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  @Test
  void everyQualificationOfEverySequenceIsOneEmojiWithTheFullyQualifiedKey() throws IOException {
    TextPipeline pipeline = TextPipeline.defaults();
    List<Line> lines = lines();
    int checked = 0;
    int lastFullyQualifiedKey = -1;
    String lastFullyQualified = null;
    List<String> problems = new ArrayList<>();
    for (Line l : lines) {
      if (l.status().equals("component")) continue;
      AnalyzedText t = pipeline.analyze(l.seq());
      String n = t.normalized();
      int key = Emoji.canonicalKey(l.seq());
      if (n.codePointCount(0, n.length()) != 1 || !Emoji.isKey(n.codePointAt(0)) || key != n.codePointAt(0)
          || t.originalStart(0) != 0 || t.originalEnd(t.length()) != l.seq().length()) {
        problems.add("line " + l.lineNo() + " (" + l.status() + ") is not read as one emoji");
        continue;
      }
      if (l.status().equals("fully-qualified")) {
        lastFullyQualifiedKey = key;
        lastFullyQualified = l.seq();
        String plain = stripSkinTones(l.seq());
        if (!plain.equals(l.seq()) && Emoji.canonicalKey(plain) != key) {
          problems.add("line " + l.lineNo() + ": skin-tone variant has a key other than its plain form");
        }
      } else {
        // minimally-qualified and unqualified lines follow their fully-qualified form
        if (lastFullyQualified == null || key != lastFullyQualifiedKey
            || !lastFullyQualified.replace("\uFE0F", "").equals(l.seq().replace("\uFE0F", ""))) {
          problems.add("line " + l.lineNo() + " (" + l.status() + ") key differs from its fully-qualified form");
        }
      }
      checked++;
    }
    assertThat(problems).as("problems").isEmpty();
    assertThat(checked).as("sequences checked").isGreaterThan(4000);
  }

  @Test
  void emojiInsideTextIsOneTokenBetweenWords() throws IOException {
    TextPipeline pipeline = TextPipeline.defaults();
    for (Line l : lines()) {
      if (l.status().equals("component")) continue;
      String n = pipeline.analyze("hi " + l.seq() + " you").normalized();
      assertThat(n.codePointCount(0, n.length())).as("line %d", l.lineNo()).isEqualTo("hi".length() + 1 + 1 + 1 + "you".length());
    }
  }
}
