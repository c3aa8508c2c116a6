package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;

/** The shipped packs: provenance on every entry, entry examples that really match, and the docs overlay example. */
class CataloguePacksTest {
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
  static final RiskEngine ENGINE = RiskEngine.withDefaults();
  static final Path OVERLAY_EXAMPLE = Path.of("..", "docs", "examples", "overlay-en-metro-a.json");

  static JsonNode raw(String pack) throws IOException {
    try (InputStream in = CataloguePacksTest.class.getClassLoader().getResourceAsStream(PackSet.DEFAULT_PACK_FOLDER + pack)) {
      return JSON.readTree(in);
    }
  }

  static String categoryFor(JsonNode entry) {
    String ctx = entry.path("context").asText("");
    return ctx.equals("jobs") ? "jobs" : ctx.isEmpty() ? null : "escort";
  }

  @Test
  void everyEntryNamesASourceAndEveryTextEntryHasAnExample() throws IOException {
    for (String pack : PackSet.DEFAULT_PACKS) {
      for (JsonNode e : raw(pack).get("entries")) {
        assertThat(e.path("source").asText()).as(pack + " " + e.get("id")).hasSizeGreaterThan(20);
        if (e.has("patterns")) assertThat(e.path("examples").size()).as("examples of " + e.get("id")).isPositive();
      }
    }
  }

  @Test
  void everyEntryExampleMatchesItsEntry() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String pack : PackSet.DEFAULT_PACKS) {
      JsonNode root = raw(pack);
      String language = root.get("language").asText();
      for (JsonNode e : root.get("entries")) {
        for (JsonNode ex : e.path("examples")) {
          Advert.Builder b = Advert.builder("ex", ex.asText());
          if (categoryFor(e) != null) b.category(categoryFor(e));
          if (!language.equals("und")) b.language(language);
          Set<String> entries = new TreeSet<>();
          ENGINE.analyse(b.build()).lexiconMatches().forEach(m -> entries.add(m.entry().id()));
          checked++;
          if (!entries.contains(e.get("id").asText())) failures.add(pack + " " + e.get("id").asText() + ": example #" + checked);
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  @Test
  void theDocumentedOverlayExampleLoadsAndChangesTheLexicon() {
    IndicatorPack overlay = PackLoader.load(OVERLAY_EXAMPLE);
    assertThat(overlay.overlays()).contains("core-en");
    RiskEngine local = RiskEngine.builder().addPack(overlay).build();
    assertThat(local.packs().labels()).endsWith("local-en-metro-a@2026.11.0");

    // removed: verification language no longer fires in English
    Advert trust = Advert.builder("a", "100% real pics").category("escort").language("en").build();
    assertThat(fired(ENGINE.assess(trust))).contains("language.trust");
    assertThat(fired(local.assess(trust))).doesNotContain("language.trust");

    // re-weighted: the same match, a lower strength
    Advert agency = Advert.builder("b", "ask management for prices").category("escort").language("en").build();
    assertThat(strength(ENGINE.assess(agency), "control.third-party")).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(strength(local.assess(agency), "control.third-party")).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));

    // added, with a context of its own: local category or local slang opens it
    Advert desk = Advert.builder("c", "Book our front desk for her").category("companions").language("en").build();
    assertThat(fired(ENGINE.assess(desk))).doesNotContain("control.third-party");
    assertThat(local.assess(desk).evidence()).extracting(Evidence::entry).contains("local.metro-a.control.front-desk");

    // added recruitment marker uses the base pack's jobs context and is a strong marker
    Advert job = Advert.builder("d", "Uniform deposit payable on day one.").category("jobs").language("en").build();
    assertThat(fired(ENGINE.assess(job))).doesNotContain("recruitment.deceptive");
    assertThat(fired(local.assess(job))).contains("recruitment.deceptive");

    // replaced by id: the local variant of the 24/7 entry
    Advert nonstop = Advert.builder("e", "nonstop incall").category("escort").language("en").build();
    assertThat(fired(ENGINE.assess(nonstop))).doesNotContain("availability.unlimited");
    assertThat(fired(local.assess(nonstop))).contains("availability.unlimited");

    // other languages are untouched by an English overlay
    Advert german = Advert.builder("f", "100% echte Bilder").category("escort").language("de").build();
    assertThat(fired(local.assess(german))).contains("language.trust");
  }

  @Test
  void theTattooTaxonomyIsExtendedAndPrunedByAnOverlay() {
    IndicatorPack local = PackLoaderTest.load("{\"id\":\"local-tattoo\",\"version\":\"1\",\"language\":\"und\","
        + "\"overlays\":\"tags-tattoo\",\"remove\":[\"tattoo.crown\"],\"entries\":[{\"id\":\"local.tattoo.brand\","
        + "\"indicator\":\"tattoo.ownership\",\"tags\":[\"tattoo:brand:*\"],\"weight\":0.8,\"source\":\"local analyst team\"}]}");
    RiskEngine engine = RiskEngine.builder().addPack(local).build();
    Advert crown = Advert.builder("c", "Incall.").tag("tattoo:crown").build();
    Advert brand = Advert.builder("b", "Incall.").tag("tattoo:Brand: JJ").build();
    assertThat(fired(ENGINE.assess(crown))).contains("tattoo.ownership");
    assertThat(fired(engine.assess(crown))).doesNotContain("tattoo.ownership");
    assertThat(fired(ENGINE.assess(brand))).doesNotContain("tattoo.ownership");
    assertThat(fired(engine.assess(brand))).contains("tattoo.ownership");
  }

  static Set<String> fired(Assessment a) {
    Set<String> out = new TreeSet<>();
    a.indicators().forEach(r -> { if (r.fired()) out.add(r.id()); });
    return out;
  }

  static double strength(Assessment a, String id) {
    return a.indicators().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().strength();
  }

  @Test
  void tagGlobsMatchAnywhereWithoutRegularExpressions() {
    assertThat(TagGlobs.matches("tattoo:text:*-king", "tattoo:text:marco-the-king")).isTrue();
    assertThat(TagGlobs.matches("tattoo:text:*-king", "tattoo:text:kingfisher")).isFalse();
    assertThat(TagGlobs.matches("tattoo:text:*-king-*", "tattoo:text:the-king-j")).isTrue();
    assertThat(TagGlobs.matches("tattoo:text:property-of*", "tattoo:text:property-of")).isTrue();
    assertThat(TagGlobs.matches("a*b*a", "aba")).isTrue();
    assertThat(TagGlobs.matches("a*b*a", "ab")).isFalse();
    assertThat(TagGlobs.matches("ab*ba", "aba")).isFalse();
    assertThat(TagGlobs.matches("tattoo:crown", "tattoo:crown")).isTrue();
    assertThat(TagGlobs.normalise("Tattoo : Dollar_Sign")).isEqualTo("tattoo:dollar-sign");
    assertThat(TagGlobs.normalise("tattoo:text:Property  of -- King")).isEqualTo("tattoo:text:property-of-king");
  }
}
