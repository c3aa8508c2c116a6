package org.redflag.identifier;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * {@link ContactScanner}'s per-scan state: the tokens of the text (kind, span, and whether white
 * space came right before) as parallel arrays, the identifiers found so far, and a buffer for e-mail
 * domains. Reused from text to text, so a scan allocates nothing once the arrays have grown to its
 * token count, apart from the identifiers it reports. One per thread, in the identifier scan's per-thread state ({@link
 * PhoneScan#contactTokens}); a contact scan calls no other scan, so it is never re-entered on a thread.
 */
final class ContactTokens {
  private static final int INITIAL = 64;
  /** Buffers grown past this size are dropped after the scan: one huge text's are not kept per thread. */
  private static final int KEEP_AT_MOST = 1 << 14;

  private byte[] kind;
  private int[] start;
  private int[] end;
  private boolean[] spaceBefore;
  private int size;
  /** The identifiers of the scan, copied out before it returns. */
  final ArrayList<Identifier> found = new ArrayList<>();
  /** The lower-cased domain of the e-mail being read, most often to be rejected ("home (at) the line"). */
  final StringBuilder domain = new StringBuilder();

  ContactTokens() { allocate(INITIAL); }

  private void allocate(int capacity) {
    kind = new byte[capacity];
    start = new int[capacity];
    end = new int[capacity];
    spaceBefore = new boolean[capacity];
  }

  /** Forgets the last scan. */
  void clear() {
    size = 0;
    if (kind.length > KEEP_AT_MOST) allocate(INITIAL);
    boolean many = found.size() > KEEP_AT_MOST;
    found.clear();
    if (many) found.trimToSize();
    domain.setLength(0);
    if (domain.capacity() > KEEP_AT_MOST) domain.trimToSize();
  }

  void add(byte tokenKind, int tokenStart, int tokenEnd, boolean space) {
    if (size == kind.length) {
      int capacity = 2 * size;
      kind = Arrays.copyOf(kind, capacity);
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      spaceBefore = Arrays.copyOf(spaceBefore, capacity);
    }
    kind[size] = tokenKind;
    start[size] = tokenStart;
    end[size] = tokenEnd;
    spaceBefore[size] = space;
    size++;
  }

  int size() { return size; }

  byte kind(int i) { return kind[i]; }

  int start(int i) { return start[i]; }

  int end(int i) { return end[i]; }

  boolean spaceBefore(int i) { return spaceBefore[i]; }
}
