package org.redflag.link;

/**
 * Parameters of linking (serialisable, for a Spark job to carry to its executors).
 *
 * @param hubThreshold an identifier shared by more adverts than this is a hub (a switchboard, a
 *     site-wide address): reported, not used to join
 * @param similarity least Jaccard similarity of slotted word shingles for two texts to share a template
 * @param bucketCap most templates one LSH bucket holds (bounds the comparisons per advert)
 * @param exemplars most member texts one template is compared by (its first member, then members less
 *     than {@link #EXEMPLAR_SIMILARITY} similar to those kept, so a template can drift)
 */
public record LinkOptions(int hubThreshold, double similarity, int bucketCap, int exemplars) implements java.io.Serializable {
  /** A member at least this similar to a kept exemplar adds nothing new to compare by. */
  public static final double EXEMPLAR_SIMILARITY = 0.8;

  public LinkOptions {
    if (hubThreshold < 1) throw new IllegalArgumentException("hub threshold must be at least 1, was " + hubThreshold);
    if (!(similarity > 0 && similarity <= 1)) throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
    if (bucketCap < 1) throw new IllegalArgumentException("bucket cap must be at least 1, was " + bucketCap);
    if (exemplars < 1) throw new IllegalArgumentException("exemplars must be at least 1, was " + exemplars);
  }

  /** Whether an identifier used by {@code adverts} distinct adverts is a hub: reported, never used to join. */
  public boolean isHub(int adverts) { return adverts > hubThreshold; }

  /** Hub threshold 1,000, similarity 0.5, 16 templates per bucket, 4 exemplars per template. */
  public static LinkOptions defaults() { return new LinkOptions(1_000, 0.5, 16, 4); }

  public LinkOptions withHubThreshold(int t) { return new LinkOptions(t, similarity, bucketCap, exemplars); }

  public LinkOptions withSimilarity(double s) { return new LinkOptions(hubThreshold, s, bucketCap, exemplars); }
}
