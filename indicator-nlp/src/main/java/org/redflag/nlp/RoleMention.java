package org.redflag.nlp;

/**
 * A noun for the person or persons an advert offers, used as a third-person reference ("our girls",
 * "this beauty", "unsere Jungs", "5 девушек"): UTF-16 span {@code [start, end)} in the original text,
 * number, and whether it stands inside quotation marks. The rules that make a noun count are in
 * docs/nlp.md.
 */
public record RoleMention(int start, int end, boolean plural, boolean quoted) {
  public RoleMention {
    if (start < 0 || end <= start) throw new IllegalArgumentException("role noun span [" + start + ", " + end + ") is not a valid range");
  }
}
