package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code tattoo.ownership}: ownership or branding tattoos, read from advert tags through the {@code tags-tattoo} taxonomy pack; benign motifs are simply not listed there. */
public final class OwnershipTattooIndicator extends LexiconIndicator {
  public static final String ID = "tattoo.ownership";

  public OwnershipTattooIndicator() {
    super(ID, "Advert metadata describes a tattoo of a kind practitioners associate with branding by a third party (crown, barcode, dollar sign, \"property of\", a \"king\"/\"daddy\" name).");
  }
}
