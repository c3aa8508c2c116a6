package org.redflag.nlp;

import java.util.Arrays;

/** Growable int array (avoids boxing in the sentence pass). */
final class IntList {
  int[] a = new int[16];
  int n;

  void add(int v) {
    if (n == a.length) a = Arrays.copyOf(a, n * 2);
    a[n++] = v;
  }
}
