package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.advert.Advert;
import org.redflag.io.AssessmentJson;
import org.redflag.pack.PackRef;
import org.redflag.pack.PackSet;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;

/**
 * {@link Assessment#applied()}: the packs that could match the advert (by the language applied) and
 * the baseline files behind the baseline its prices were compared with, each with the SHA-256 of its
 * bytes, computed here independently from the files themselves.
 */
class AppliedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** id, version and the digest of each shipped pack whose language is one of {@code languages}, in pack order. */
  private static List<PackRef> shipped(String... languages) throws Exception {
    List<PackRef> out = new ArrayList<>();
    for (String file : PackSet.DEFAULT_PACKS) {
      byte[] bytes;
      try (InputStream in = AppliedTest.class.getClassLoader().getResourceAsStream(PackSet.DEFAULT_PACK_FOLDER + file)) {
        bytes = in.readAllBytes();
      }
      JsonNode pack = JSON.readTree(bytes);
      if (List.of(languages).contains(pack.get("language").asText())) {
        out.add(new PackRef(pack.get("id").asText(), pack.get("version").asText(), sha256(bytes)));
      }
    }
    return out;
  }

  @Test
  void packsAreThoseOfTheAdvertsLanguageAndTheLanguageNeutralOnes() throws Exception {
    RiskEngine engine = RiskEngine.withDefaults();
    Assessment de = engine.assess(Advert.builder("de", "Ruf meinen Manager an.").language("de-AT").build());
    assertThat(de.applied().packs()).containsExactlyElementsOf(shipped("de", "und"));
    Assessment en = engine.assess(Advert.builder("en", "Text my manager.").language("en").build());
    assertThat(en.applied().packs()).containsExactlyElementsOf(shipped("en", "und"));
    Assessment other = engine.assess(Advert.builder("fr", "Appelez mon manager.").language("fr").build());
    assertThat(other.applied().packs()).containsExactlyElementsOf(shipped("und"));
    // no language stated and no detector: every pack's entries may match
    Assessment unknown = engine.assess(Advert.builder("x", "Text my manager.").build());
    assertThat(unknown.applied().packs()).containsExactlyElementsOf(shipped("en", "de", "ru", "und"));
    assertThat(unknown.applied().packs()).hasSize(PackSet.DEFAULT_PACKS.size());
    assertThat(unknown.applied().baselines()).isEmpty();

    JsonNode json = AssessmentJson.toJson(de);
    PackRef first = shipped("de", "und").get(0);
    assertThat(json.get("applied").get("packs").get(0).toString())
        .isEqualTo("{\"id\":\"" + first.id() + "\",\"version\":\"" + first.version() + "\",\"sha256\":\"" + first.sha256() + "\"}");
    assertThat(json.get("applied").get("baselines").isArray()).isTrue();
  }

  @Test
  void baselinesAreTheFilesBehindTheBaselineTheAdvertWasComparedWith(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    MarketBaselines.of(List.of(baseline("metro-a", 100, 200))).write(one);
    MarketBaselines.of(List.of(baseline("metro-a", 150, 250), baseline("metro-b", 80, 90))).write(two);
    MarketBaselines both = MarketBaselines.read(one).merge(MarketBaselines.read(two));
    RiskEngine engine = RiskEngine.builder().baseline(both).build();

    Assessment a = engine.assess(Advert.builder("a", "Incall 40 EUR per hour.").market("metro-a").language("en").build());
    assertThat(a.applied().baselines()).containsExactly(new MarketBaselines.Source("one.json", sha256(Files.readAllBytes(one))),
        new MarketBaselines.Source("two.json", sha256(Files.readAllBytes(two))));
    Assessment b = engine.assess(Advert.builder("b", "Incall 40 EUR per hour.").market("metro-b").language("en").build());
    assertThat(b.applied().baselines()).containsExactly(new MarketBaselines.Source("two.json", sha256(Files.readAllBytes(two))));
    Assessment none = engine.assess(Advert.builder("c", "Incall 40 EUR per hour.").market("metro-z").language("en").build());
    assertThat(none.applied().baselines()).isEmpty();
    assertThat(AssessmentJson.toJson(b).get("applied").get("baselines").toString())
        .isEqualTo("[{\"file\":\"two.json\",\"sha256\":\"" + sha256(Files.readAllBytes(two)) + "\"}]");
    // baselines built in code have no file to cite
    RiskEngine inCode = RiskEngine.builder().baseline(MarketBaselines.of(List.of(baseline("metro-a", 100, 200)))).build();
    assertThat(inCode.assess(Advert.builder("a", "x").market("metro-a").build()).applied().baselines()).isEmpty();
  }

  private static MarketBaseline baseline(String market, double from, double to) throws IOException {
    MarketBaseline.Builder b = MarketBaseline.builder(market, null, "EUR");
    for (int i = 0; i < 50; i++) b.add(from + (to - from) * i / 49.0);
    return b.build();
  }
}
