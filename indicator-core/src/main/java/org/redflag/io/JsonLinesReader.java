package org.redflag.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads JSON Lines strictly, one {@link Line} per input line: lines end at {@code \n} only (a bare
 * {@code \r} is data, so it cannot split a record in two; a {@code \r} before the {@code \n} is JSON
 * white space), bytes are decoded as strict UTF-8 (invalid bytes make that line an error, never a
 * silent U+FFFD that defeats matching), a UTF-8 byte-order mark at the start of the input is
 * skipped, and a line longer than {@link #MAX_LINE_BYTES} is skipped to its end and reported rather
 * than held in memory. Shared by every command that reads adverts, so all read lines the same way.
 *
 * <p>Not thread-safe; closes the stream it reads.
 */
public final class JsonLinesReader implements Closeable {
  /** Longest accepted line in bytes, without its {@code \n} (4 MiB: well above any real advert). */
  public static final int MAX_LINE_BYTES = 4 << 20;

  /** One input line: its 1-based number and either its text or the reason it could not be read. */
  public record Line(long number, String text, String error) {
    public boolean ok() { return error == null; }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long number;
  private byte[] line = new byte[1024];
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  public JsonLinesReader(InputStream in) { this(in, MAX_LINE_BYTES); }

  /** With another line limit (for tests). */
  public JsonLinesReader(InputStream in, int maxLineBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive");
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or {@code null} at the end of the input. A last line without {@code \n} counts. */
  public Line next() throws IOException {
    int len = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        if (!any) return null;
        break;
      }
      any = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      int n = end - start;
      if (!tooLong) {
        if ((long) len + n > maxLineBytes) {
          tooLong = true;
        } else {
          if (len + n > line.length) line = Arrays.copyOf(line, Math.max(len + n, Math.min(2 * line.length, maxLineBytes)));
          System.arraycopy(buf, start, line, len, n);
          len += n;
        }
      }
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) break;
    }
    number++;
    if (tooLong) {
      shrink();
      return new Line(number, null, "line is longer than " + maxLineBytes + " bytes");
    }
    int from = 0;
    if (number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) from = 3;
    String text;
    try {
      text = decode(from, len);
    } catch (CharacterCodingException e) {
      shrink();
      return new Line(number, null, "invalid UTF-8 at byte " + (firstBadByte(from, len) + 1) + " of the line");
    }
    shrink();
    return new Line(number, text, null);
  }

  private String decode(int from, int to) throws CharacterCodingException {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    utf8.reset();
    CharBuffer cb = utf8.decode(ByteBuffer.wrap(line, from, to - from));
    return cb.toString();
  }

  /** Offset (from the start of the line) of the first byte that does not decode. */
  private int firstBadByte(int from, int to) {
    utf8.reset();
    ByteBuffer bb = ByteBuffer.wrap(line, from, to - from);
    CharBuffer cb = CharBuffer.allocate(to - from + 1);
    var r = utf8.decode(bb, cb, true);
    return r.isError() ? bb.position() : to - from;
  }

  /** One huge line does not pin its buffer for the rest of the run. */
  private void shrink() {
    if (line.length > 1 << 20) line = new byte[1024];
  }

  private boolean fill() throws IOException {
    if (eof) return false;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException { in.close(); }
}
