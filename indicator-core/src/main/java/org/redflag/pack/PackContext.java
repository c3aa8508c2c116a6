package org.redflag.pack;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;

/**
 * A named context that entries can require: present when the advert's category is one of
 * {@code categories} or when any of {@code terms} occurs in its text. It keeps ambiguous surface
 * forms (a cherry emoji, "24/7") from firing outside the market they signal in.
 */
public record PackContext(String name, List<String> categories, List<String> terms) {
  public PackContext {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("context name is required");
    categories = categories.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(ImmutableList.toImmutableList());
    terms = ImmutableList.copyOf(terms);
    if (categories.isEmpty() && terms.isEmpty()) {
      throw new IllegalArgumentException("context '" + name + "' needs categories or terms");
    }
  }
}
