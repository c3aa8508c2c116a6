package org.redflag.pack;

import org.redflag.pack.PackSet.ResolvedEntry;

/**
 * A pack entry found in an advert after language selection, context gating, exclusions and negation.
 * {@code field} is {@code null} for the advert text, {@code "title"} for the title and
 * {@code "tags[i]"} for a tag; {@code start}/{@code end} index into the text or title (-1 for tags), and
 * {@code match} is the original surface form.
 */
public record LexiconMatch(ResolvedEntry resolved, String field, int start, int end, String match) {

  public PackEntry entry() { return resolved.entry(); }
}
