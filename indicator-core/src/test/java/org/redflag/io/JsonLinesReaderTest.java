package org.redflag.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  static List<JsonLinesReader.Line> read(byte[] bytes, int max) throws IOException {
    return read(new ByteArrayInputStream(bytes), max);
  }

  static List<JsonLinesReader.Line> read(InputStream in, int max) throws IOException {
    List<JsonLinesReader.Line> l = new ArrayList<>();
    try (JsonLinesReader r = new JsonLinesReader(in, max)) {
      JsonLinesReader.Line line;
      while ((line = r.next()) != null) l.add(line);
    }
    return l;
  }

  static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  @Test
  void splitsOnLineFeedOnlySoABareCarriageReturnStaysInItsLine() throws IOException {
    List<JsonLinesReader.Line> l = read(utf8("a\rb\nc\r\nd"), 100);
    assertThat(l).extracting(JsonLinesReader.Line::text).containsExactly("a\rb", "c\r", "d");
    assertThat(l).extracting(JsonLinesReader.Line::number).containsExactly(1L, 2L, 3L);
  }

  @Test
  void emptyLinesCountAndAFinalNewlineAddsNoLine() throws IOException {
    assertThat(read(utf8("\n\nx\n"), 100)).extracting(JsonLinesReader.Line::text).containsExactly("", "", "x");
    assertThat(read(new byte[0], 100)).isEmpty();
  }

  @Test
  void aLeadingByteOrderMarkIsSkippedOnlyAtTheStart() throws IOException {
    List<JsonLinesReader.Line> l = read(utf8("\uFEFF{}\n\uFEFF{}"), 100);
    assertThat(l.get(0).text()).isEqualTo("{}");
    assertThat(l.get(1).text()).isEqualTo("\uFEFF{}");
  }

  @Test
  void invalidUtf8IsThatLinesErrorWithItsOffset() throws IOException {
    byte[] in = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n', 'z'};
    List<JsonLinesReader.Line> l = read(in, 100);
    assertThat(l).hasSize(4);
    assertThat(l.get(0).text()).isEqualTo("ok");
    assertThat(l.get(1).ok()).isFalse();
    assertThat(l.get(1).error()).isEqualTo("invalid UTF-8 at byte 3 of the line");
    assertThat(l.get(2).error()).startsWith("invalid UTF-8"); // an encoded surrogate is not UTF-8
    assertThat(l.get(3).text()).isEqualTo("z");
  }

  @Test
  void aTooLongLineIsReportedAndSkippedWithoutLosingTheNext() throws IOException {
    String big = "x".repeat(1000);
    List<JsonLinesReader.Line> l = read(utf8("ab\n" + big + "\ncd\n" + "y".repeat(64)), 64);
    assertThat(l).extracting(JsonLinesReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(l.get(1).error()).isEqualTo("line is longer than 64 bytes");
    assertThat(l.get(2).text()).isEqualTo("cd");
    assertThat(l.get(3).text()).hasSize(64); // exactly at the limit is accepted
  }

  /** Against String.split on '\n' and a strict decoder, over random bytes read through tiny chunks. */
  @Test
  void agreesWithAReferenceOnRandomInputInRandomChunks() throws IOException {
    Random rnd = new Random(7);
    byte[] alphabet = utf8("a\n\r\u00e9\u20ac\uD83D\uDE00{}\"");
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int n = rnd.nextInt(200);
      for (int i = 0; i < n; i++) b.write(rnd.nextInt(10) == 0 ? rnd.nextInt(256) : alphabet[rnd.nextInt(alphabet.length)]);
      byte[] bytes = b.toByteArray();
      int max = 1 + rnd.nextInt(40);
      List<JsonLinesReader.Line> got = read(new TrickleStream(bytes, rnd.nextLong()), max);
      List<String> expect = reference(bytes, max);
      assertThat(got).hasSameSizeAs(expect);
      for (int i = 0; i < got.size(); i++) {
        JsonLinesReader.Line g = got.get(i);
        assertThat(g.ok() ? g.text() : "!" + g.error().substring(0, 4)).isEqualTo(expect.get(i));
      }
    }
  }

  private static List<String> reference(byte[] bytes, int max) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length && start == bytes.length) break;
      if (i == bytes.length || bytes[i] == '\n') {
        byte[] line = java.util.Arrays.copyOfRange(bytes, start, i);
        int from = out.isEmpty() && line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        if (line.length > max) out.add("!line");
        else {
          try {
            out.add(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line, from, line.length - from)).toString());
          } catch (java.nio.charset.CharacterCodingException e) {
            out.add("!inva");
          }
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** Returns at most a few random bytes per read, to cross every buffer boundary. */
  private static final class TrickleStream extends InputStream {
    private final byte[] b;
    private final Random rnd;
    private int pos;

    TrickleStream(byte[] b, long seed) {
      this.b = b;
      this.rnd = new Random(seed);
    }

    @Override public int read() { return pos < b.length ? b[pos++] & 0xFF : -1; }

    @Override public int read(byte[] dst, int off, int len) {
      if (pos >= b.length) return -1;
      int n = Math.min(Math.min(len, 1 + rnd.nextInt(5)), b.length - pos);
      System.arraycopy(b, pos, dst, off, n);
      pos += n;
      return n;
    }
  }
}
