package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

/** {@link MaxentTable}'s hashing and both of its layouts against the model's own parameters. */
class MaxentTableTest {
  @Test
  void hashIsStringHashCode() {
    Random random = new Random(11);
    char[] buf = new char[64];
    for (int n = 0; n < 100_000; n++) {
      int len = random.nextInt(buf.length + 1);
      for (int k = 0; k < len; k++) buf[k] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (' ' + random.nextInt(95));
      assertThat(MaxentTable.hash(buf, len)).isEqualTo(new String(buf, 0, len).hashCode());
    }
  }

  /** Two outcomes, each feature listing each at most once: the packed layout. */
  @Test
  void packedLayoutSumsAsTheModelsParameters() { assertSumsAsTheModel(2, false); }

  /** Seven outcomes: the general layout. */
  @Test
  void generalLayoutSumsAsTheModelsParameters() { assertSumsAsTheModel(7, false); }

  /** Two outcomes but a feature that lists one twice: the general layout keeps the model's order. */
  @Test
  void repeatedOutcomeKeepsTheGeneralLayout() { assertSumsAsTheModel(2, true); }

  private static void assertSumsAsTheModel(int outcomes, boolean repeat) {
    Random random = new Random(outcomes * 31L + (repeat ? 1 : 0));
    int features = 3_000;
    String[] names = new String[features];
    Context[] params = new Context[features];
    for (int f = 0; f < features; f++) {
      names[f] = "f" + f + "=" + Integer.toString(random.nextInt(1 << 20), 36);
      int k = 1 + random.nextInt(outcomes);
      int[] o = new int[k];
      double[] w = new double[k];
      for (int j = 0; j < k; j++) {
        o[j] = random.nextInt(outcomes);
        w[j] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
      }
      if (!repeat) o = random.ints(0, outcomes).distinct().limit(k).toArray();
      if (repeat && f == features / 2) o = new int[] {1, 1};
      if (o.length != w.length) w = Arrays.copyOf(w, o.length);
      params[f] = new Context(o, w);
    }
    String[] outcomeNames = new String[outcomes];
    for (int i = 0; i < outcomes; i++) outcomeNames[i] = "o" + i;
    MaxentTable table = MaxentTable.of(new GISModel(params, names, outcomeNames));
    assertThat(table).isNotNull();
    for (int n = 0; n < 20_000; n++) {
      double[] expected = new double[outcomes];
      double[] actual = new double[outcomes];
      int m = 1 + random.nextInt(12);
      for (int j = 0; j < m; j++) {
        boolean known = random.nextInt(5) > 0;
        int f = random.nextInt(features);
        String name = known ? names[f] : "unknown" + random.nextInt(1000);
        if (known) {
          Context c = params[f];
          for (int k = 0; k < c.getOutcomes().length; k++) expected[c.getOutcomes()[k]] += c.getParameters()[k];
        }
        char[] buf = name.toCharArray();
        assertThat(table.add(buf, buf.length, actual)).isEqualTo(known);
      }
      for (int i = 0; i < outcomes; i++) {
        assertThat(Double.doubleToRawLongBits(actual[i])).as("outcome %d", i).isEqualTo(Double.doubleToRawLongBits(expected[i]));
      }
    }
  }
}
