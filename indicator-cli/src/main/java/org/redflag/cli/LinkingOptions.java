package org.redflag.cli;

import org.redflag.link.LinkOptions;
import picocli.CommandLine.Option;

/** The options of linking, shared by {@code redflag link} and {@code redflag-spark.jar link} (a picocli mixin). */
public final class LinkingOptions {
  @Option(names = "--hub-threshold", paramLabel = "N", defaultValue = "1000",
      description = "An identifier shared by more than N adverts is reported as a hub and not used to join (default ${DEFAULT-VALUE}).")
  int hubThreshold = 1000;

  @Option(names = "--similarity", paramLabel = "J", defaultValue = "0.5",
      description = "Least Jaccard similarity of slotted word shingles for a shared template (default ${DEFAULT-VALUE}).")
  double similarity = 0.5;

  /** The link options; an out-of-range value throws {@link IllegalArgumentException} naming it. */
  public LinkOptions options() { return LinkOptions.defaults().withHubThreshold(hubThreshold).withSimilarity(similarity); }
}
