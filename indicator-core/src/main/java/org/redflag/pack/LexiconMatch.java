package org.redflag.pack;

import org.redflag.pack.PackSet.ResolvedEntry;

/**
 * A pack entry found in an advert after language selection, context gating, exclusions and negation.
 * {@code field} is {@code null} for the advert text, {@code "title"} for the title and
 * {@code "tags[i]"} for a tag; {@code start}/{@code end} index into the text or title (-1 for tags), and
 * {@code match} is the original surface form. {@code weight} is the entry's weight after any context
 * boost (an entry's {@code "context"} with {@code "mode": "boost"}, docs/packs.md), in [0, 1].
 */
public record LexiconMatch(ResolvedEntry resolved, String field, int start, int end, String match, double weight) {

  /** A match at the entry's own weight. */
  LexiconMatch(ResolvedEntry resolved, String field, int start, int end, String match) {
    this(resolved, field, start, end, match, resolved.entry().weight());
  }

  public PackEntry entry() { return resolved.entry(); }
}
