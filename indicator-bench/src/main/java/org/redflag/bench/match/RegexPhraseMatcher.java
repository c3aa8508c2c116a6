package org.redflag.bench.match;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Peer: one {@code java.util.regex} alternation of all phrases, each {@link Pattern#quote quoted},
 * inside a zero-width lookahead so that a match at one offset does not hide one starting at the next.
 * Longest phrases come first in the alternation. This is what a hand-rolled regex matcher over advert
 * text looks like, and why the scoring path does not use one.
 */
public final class RegexPhraseMatcher implements PhraseMatcher {
  private final Pattern pattern;
  private final Matcher matcher;

  public RegexPhraseMatcher(List<String> phrasesLongestFirst) {
    String alternation = phrasesLongestFirst.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.pattern = Pattern.compile("(?=(?:" + alternation + "))");
    this.matcher = pattern.matcher("");
  }

  @Override
  public int countStarts(String normalised) {
    Matcher m = matcher.reset(normalised);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
