package org.redflag.link;

import java.util.List;

/**
 * What changed from the previous member of a template (in input order) to this one: words and numbers
 * added and removed (at most {@value #MAX_LISTED} of each listed), how many identifiers were added and
 * removed, prices added and removed, and {@code statedAge}: null when no stated age changed, else
 * {@code lowered}, {@code raised} or {@code changed} (the ages themselves are never reported).
 */
public record Edit(String id, String previous, List<String> wordsAdded, List<String> wordsRemoved, List<String> numbersAdded,
    List<String> numbersRemoved, int identifiersAdded, int identifiersRemoved, List<String> pricesAdded, List<String> pricesRemoved,
    String statedAge) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final int MAX_LISTED = 20;
}
