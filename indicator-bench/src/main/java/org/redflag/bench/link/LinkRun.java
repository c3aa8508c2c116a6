package org.redflag.bench.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.redflag.advert.Advert;
import org.redflag.identifier.Identifier;
import org.redflag.identifier.IdentifierExtractor;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;
import org.redflag.link.Linker;

/**
 * Links adverts as {@code redflag link} does, without scoring them: identifiers found with a default
 * country code of 1 (the generator's numbers are North American in form) and hashed with a fixed key.
 */
public final class LinkRun {
  private static final IdentifierExtractor EXTRACTOR = IdentifierExtractor.withDefaultCountryCode("1");
  private static final IdentifierHasher HASHER = IdentifierHasher.withKey("redflag-link-benchmark-key".getBytes(StandardCharsets.US_ASCII));

  private LinkRun() {}

  public static LinkResult link(List<Advert> adverts, LinkOptions options) {
    Linker linker = Linker.create(options);
    for (Advert a : adverts) linker.add(a, mentions(a));
    return linker.finish();
  }

  static List<IdentifierMention> mentions(Advert a) {
    List<Identifier> found = EXTRACTOR.extract(a);
    List<IdentifierMention> out = new ArrayList<>(found.size());
    for (Identifier i : found) out.add(new IdentifierMention(i.type(), HASHER.protect(i.normalised()), i.start(), i.end(), i.field()));
    return out;
  }
}
