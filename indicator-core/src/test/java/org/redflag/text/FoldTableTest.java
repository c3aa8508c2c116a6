package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The table's entries, whether classified at start-up or folded on first use, are what the eager
 * computation gives for every code point below {@link FoldTable#LIMIT}; also when several threads fold
 * the same code points for the first time at once (a fresh copy of the class, so that nothing is
 * computed yet).
 */
class FoldTableTest {
  static String decode(int entry) {
    int kind = FoldTable.kind(entry);
    if (kind != FoldTable.KIND_CHARS) return kind + ":";
    StringBuilder b = new StringBuilder(kind + ":");
    for (int k = 0; k < FoldTable.length(entry); k++) b.append(FoldTable.data(FoldTable.offset(entry) + k));
    return b.toString();
  }

  static String[] reference() {
    String[] ref = new String[FoldTable.LIMIT];
    for (int cp = 0; cp < FoldTable.LIMIT; cp++) ref[cp] = FoldTable.reference(cp);
    return ref;
  }

  @Test
  void everyEntryIsTheEagerFold() {
    String[] ref = reference();
    int folded = 0;
    for (int cp = 0; cp < FoldTable.LIMIT; cp++) {
      String got = decode(FoldTable.entry(cp));
      if (!got.equals(ref[cp])) throw new AssertionError("U+" + Integer.toHexString(cp) + ": " + got + " against " + ref[cp]);
      if (cp >= 0x80 && got.startsWith(FoldTable.KIND_CHARS + ":") && !got.equals(FoldTable.KIND_CHARS + ":" + new String(Character.toChars(cp)))) folded++;
    }
    // a sample of what it folds: a Cyrillic look-alike, a full-width letter, a ligature, a diacritic
    assertThat(decode(FoldTable.entry(0x043E))).isEqualTo("2:o");
    assertThat(decode(FoldTable.entry(0xFF21))).isEqualTo("2:a");
    assertThat(decode(FoldTable.entry(0xFB01))).isEqualTo("2:fi");
    assertThat(decode(FoldTable.entry(0x00E9))).isEqualTo("2:e");
    assertThat(folded).as("non-ASCII code points that fold to something else").isGreaterThan(1000);
  }

  @Test
  void threadsFoldingAtOnceSeeTheSameEntries() throws Exception {
    String[] ref = reference();
    Class<?> fresh = new FreshLoader().loadClass(FoldTable.class.getName());
    Method entry = fresh.getDeclaredMethod("entry", int.class);
    Method data = fresh.getDeclaredMethod("data", int.class);
    entry.setAccessible(true);
    data.setAccessible(true);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Integer> order = new ArrayList<>();
        for (int cp = 0; cp < FoldTable.LIMIT; cp++) order.add(cp);
        Collections.shuffle(order, new java.util.Random(t));
        done.add(pool.submit(() -> {
          int checked = 0;
          for (int cp : order) {
            int e = (int) entry.invoke(null, cp);
            int kind = FoldTable.kind(e);
            StringBuilder b = new StringBuilder(kind + ":");
            if (kind == FoldTable.KIND_CHARS) {
              for (int k = 0; k < FoldTable.length(e); k++) b.append((char) data.invoke(null, FoldTable.offset(e) + k));
            }
            if (!b.toString().equals(ref[cp])) throw new AssertionError("U+" + Integer.toHexString(cp) + ": " + b + " against " + ref[cp]);
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> f : done) assertThat(f.get()).isEqualTo(FoldTable.LIMIT);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Defines its own copy of FoldTable; everything else (ICU4J, the JDK) comes from the parent. */
  static final class FreshLoader extends ClassLoader {
    FreshLoader() { super(FoldTableTest.class.getClassLoader()); }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(FoldTable.class.getName())) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c != null) return c;
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] b = in.readAllBytes();
          return defineClass(name, b, 0, b.length);
        } catch (java.io.IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
