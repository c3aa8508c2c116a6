package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code persons.multiple}: more than one person offered by the same advertiser, which suggests an organising third party. */
public final class MultiplePersonsIndicator extends LexiconIndicator {
  public static final String ID = "persons.multiple";

  public MultiplePersonsIndicator() {
    super(ID, "Several people are offered in one advert (\"two girls available\", \"new girls every week\", \"our other ladies\").");
  }
}
