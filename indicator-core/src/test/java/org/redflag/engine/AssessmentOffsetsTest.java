package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.Evidence;
import org.redflag.io.AdvertJson;
import org.redflag.price.PriceMention;
import org.redflag.text.OffsetUnit;

/**
 * {@link Assessment#withOffsets}: on adverts with emoji and mathematical letters before their matches,
 * slicing the text in each unit (code points as Python does, UTF-8 bytes) gives the match of every
 * evidence item, and every price and identifier span covers what its UTF-16 span covers.
 */
class AssessmentOffsetsTest {
  private static RiskEngine engine;
  private static List<Advert> adverts;

  @BeforeAll
  static void load() throws IOException {
    engine = RiskEngine.withDefaults();
    adverts = Files.readAllLines(Path.of("../docs/examples/offsets-ads.jsonl"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).map(AdvertJson::parse).toList();
  }

  @Test
  void slicingInEachUnitGivesTheMatch() {
    int checked = 0;
    int astralBefore = 0;
    for (Advert ad : adverts) {
      Assessment a = engine.assess(ad);
      assertThat(a.offsets()).isEqualTo(OffsetUnit.UTF16);
      assertThat(a.withOffsets(OffsetUnit.UTF16, ad)).isSameAs(a);
      Assessment cp = a.withOffsets(OffsetUnit.CODEPOINTS, ad);
      Assessment u8 = a.withOffsets(OffsetUnit.UTF8, ad);
      assertThat(cp.offsets()).isEqualTo(OffsetUnit.CODEPOINTS);
      assertThat(u8.offsets()).isEqualTo(OffsetUnit.UTF8);
      for (int i = 0; i < a.evidence().size(); i++) {
        Evidence e = a.evidence().get(i);
        if (e.start() == null) continue;
        String source = "title".equals(e.field()) ? ad.title().orElseThrow() : ad.text();
        String utf16 = source.substring(e.start(), e.end());
        if (!e.masked()) assertThat(utf16).isEqualTo(e.match());
        if (source.codePointCount(0, e.start()) < e.start()) astralBefore++;
        Evidence c = cp.evidence().get(i);
        assertThat(codePoints(source, c.start(), c.end())).isEqualTo(utf16);
        Evidence b = u8.evidence().get(i);
        assertThat(bytes(source, b.start(), b.end())).isEqualTo(utf16);
        assertThat(List.of(c.match(), c.entry(), c.indicator())).isEqualTo(List.of(e.match(), e.entry(), e.indicator()));
        checked++;
      }
      for (int i = 0; i < a.prices().size(); i++) {
        PriceMention p = a.prices().get(i);
        if (p.start() < 0) continue;
        String utf16 = ad.text().substring(p.start(), p.end());
        assertThat(codePoints(ad.text(), cp.prices().get(i).start(), cp.prices().get(i).end())).isEqualTo(utf16);
        assertThat(bytes(ad.text(), u8.prices().get(i).start(), u8.prices().get(i).end())).isEqualTo(utf16);
        checked++;
      }
      for (int i = 0; i < a.identifiers().size(); i++) {
        IdentifierMention m = a.identifiers().get(i);
        if (m.field() != null) continue;
        String utf16 = ad.text().substring(m.start(), m.end());
        assertThat(codePoints(ad.text(), cp.identifiers().get(i).start(), cp.identifiers().get(i).end())).isEqualTo(utf16);
        assertThat(bytes(ad.text(), u8.identifiers().get(i).start(), u8.identifiers().get(i).end())).isEqualTo(utf16);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(15);
    assertThat(astralBefore).as("evidence with an astral character before it").isGreaterThan(10);
  }

  @Test
  void convertedSpansSayTheirUnitAndConvertOnlyOnce() {
    Advert ad = adverts.get(0);
    Assessment cp = engine.assess(ad).withOffsets(OffsetUnit.CODEPOINTS, ad);
    assertThat(cp.explain()).contains("Offsets in codepoints");
    assertThat(engine.assess(ad).explain()).doesNotContain("Offsets in");
    assertThatThrownBy(() -> cp.withOffsets(OffsetUnit.UTF8, ad)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> engine.assess(ad).withOffsets(OffsetUnit.UTF8, adverts.get(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** text[start:end] as Python slices a str: by code point. */
  static String codePoints(String s, int start, int end) {
    int[] cps = s.codePoints().toArray();
    return new String(cps, start, end - start);
  }

  /** The bytes [start, end) of the UTF-8 encoding, decoded. */
  static String bytes(String s, int start, int end) {
    return new String(Arrays.copyOfRange(s.getBytes(StandardCharsets.UTF_8), start, end), StandardCharsets.UTF_8);
  }
}
