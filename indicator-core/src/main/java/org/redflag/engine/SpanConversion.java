package org.redflag.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.Evidence;
import org.redflag.price.PriceMention;
import org.redflag.text.OffsetUnit;

/**
 * Converts the UTF-16 spans of one assessment (evidence, prices, identifiers) to another unit. A span
 * indexes the advert field it names: the text when it names none, else the title or {@code
 * contacts[i]}; each field gets one converter, which walks its string once when asked in order.
 */
final class SpanConversion {
  private final OffsetUnit unit;
  private final Advert advert;
  private final Map<String, OffsetUnit.Converter> converters = new HashMap<>();

  SpanConversion(OffsetUnit unit, Advert advert) {
    this.unit = unit;
    this.advert = advert;
  }

  List<Evidence> evidence(List<Evidence> evidence) {
    List<Evidence> out = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) {
      out.add(e.start() == null ? e : e.withSpan(convert(e.field(), e.start()), convert(e.field(), e.end())));
    }
    return out;
  }

  List<PriceMention> prices(List<PriceMention> prices) {
    List<PriceMention> out = new ArrayList<>(prices.size());
    for (PriceMention p : prices) {
      out.add(p.start() < 0 ? p : new PriceMention(p.amount(), p.currency(), p.minutes(), convert(p.field(), p.start()),
          convert(p.field(), p.end()), p.field()));
    }
    return out;
  }

  List<IdentifierMention> identifiers(List<IdentifierMention> identifiers) {
    List<IdentifierMention> out = new ArrayList<>(identifiers.size());
    for (IdentifierMention m : identifiers) {
      out.add(new IdentifierMention(m.type(), m.hash(), convert(m.field(), m.start()), convert(m.field(), m.end()), m.field()));
    }
    return out;
  }

  private int convert(String field, int utf16) {
    String key = field == null ? "" : field;
    OffsetUnit.Converter c = converters.get(key);
    if (c == null) {
      c = unit.converter(source(field));
      converters.put(key, c);
    }
    return c.fromUtf16(utf16);
  }

  /** The string a span of {@code field} indexes. */
  private String source(String field) {
    if (field == null) return advert.text();
    if (field.equals("title")) return advert.title().orElse("");
    if (field.startsWith("contacts[") && field.endsWith("]")) {
      int i = Integer.parseInt(field.substring("contacts[".length(), field.length() - 1));
      if (i < advert.contacts().size()) return advert.contacts().get(i);
    }
    throw new IllegalArgumentException("a span in field '" + field + "' does not index a field of advert " + advert.id());
  }
}
