package org.redflag.bench.link;

import java.util.List;
import java.util.Locale;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;

/**
 * Linking quality on planted clusters: {@code LinkQuality [SEED] [ADVERTS] [SIMILARITY]} generates
 * adverts with {@link PlantedClusters}, links them and prints pairwise and B-cubed precision, recall
 * and F1 against the planted actors.
 */
public final class LinkQuality {
  private LinkQuality() {}

  public static ClusterMetrics measure(long seed, int adverts, LinkOptions options) {
    List<PlantedClusters.Labelled> data = PlantedClusters.generate(seed, adverts);
    LinkResult r = LinkRun.link(data.stream().map(PlantedClusters.Labelled::advert).toList(), options);
    String[] predicted = new String[data.size()];
    int[] truth = new int[data.size()];
    for (int i = 0; i < data.size(); i++) {
      predicted[i] = r.links().get(i).cluster();
      truth[i] = data.get(i).actor();
    }
    return ClusterMetrics.of(predicted, truth);
  }

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    LinkOptions o = LinkOptions.defaults();
    if (args.length > 2) o = o.withSimilarity(Double.parseDouble(args[2]));
    ClusterMetrics m = measure(seed, n, o);
    System.out.printf(Locale.ROOT, "seed %d, %,d adverts, similarity %.2f: pairwise P %.4f R %.4f F1 %.4f; B-cubed P %.4f R %.4f F1 %.4f"
        + " (%,d predicted pairs, %,d true pairs)%n", seed, n, o.similarity(), m.pairPrecision(), m.pairRecall(), m.pairF1(),
        m.bcubedPrecision(), m.bcubedRecall(), m.bcubedF1(), m.predictedPairs(), m.truePairs());
  }
}
