package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierExtractor;
import org.redflag.identifier.IdentifierType;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.io.AdvertJson;
import org.redflag.io.AssessmentJson;

class AssessmentIdentifiersTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  void identifiersAreHashedWithSpansAndLinkAcrossForms() throws Exception {
    RiskEngine engine = RiskEngine.builder().hasher(IdentifierHasher.withKey(KEY))
        .identifiers(IdentifierExtractor.withDefaultCountryCode("1")).build();
    Advert a = Advert.builder("a", "Call 555-010-0123 or mail anna@example.com").contact("telegram: @anna_k").build();
    Advert b = Advert.builder("b", "five five five zero one zero zero one two three").build();
    Assessment x = engine.assess(a), y = engine.assess(b);
    assertThat(x.identifiers()).extracting(m -> m.type()).containsExactly(IdentifierType.PHONE, IdentifierType.EMAIL, IdentifierType.HANDLE);
    assertThat(x.identifiers().get(0).hash()).startsWith("hmac-sha256:").isEqualTo(y.identifiers().get(0).hash());
    JsonNode json = new ObjectMapper().readTree(AssessmentJson.toJsonLine(x));
    JsonNode first = json.get("identifiers").get(0);
    assertThat(first.get("type").asText()).isEqualTo("phone");
    assertThat(first.get("start").asInt()).isEqualTo(5);
    assertThat(first.get("end").asInt()).isEqualTo(17);
    assertThat(json.get("identifiers").get(2).get("field").asText()).isEqualTo("contacts[0]");
    assertThat(json.toString()).doesNotContain("anna").doesNotContain("5550100123");
  }

  @Test
  void revealPrintsTheNormalisedForm() {
    RiskEngine engine = RiskEngine.builder().hasher(IdentifierHasher.reveal()).build();
    Assessment a = engine.assess(Advert.builder("a", "mail Anna (at) Example (dot) com").build());
    assertThat(a.identifiers()).singleElement().satisfies(m -> assertThat(m.hash()).isEqualTo("anna@example.com"));
  }

  @Test
  void contactsAndSiteRoundTripAndEnterTheDigestAsTheCanonicalJson() throws Exception {
    Advert a = AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"site\":\"board-a\",\"contacts\":[\"x\\\"y\",\"+1 555\"],\"category\":\"escort\"}");
    assertThat(a.contacts()).containsExactly("x\"y", "+1 555");
    assertThat(a.site()).contains("board-a");
    assertThat(AdvertJson.parse(AdvertJson.toCanonicalJson(a))).isEqualTo(a);
    Advert noCategory = a.toBuilder().category(null).build();
    assertThat(new String(AdvertJson.canonicalRecord(noCategory), StandardCharsets.UTF_8))
        .isEqualTo("{\"contacts\":[\"x\\\"y\",\"+1 555\"],\"id\":\"a\",\"site\":\"board-a\",\"text\":\"t\"}");
  }

  @Test
  void badContactsNameTheirPath() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"contacts\":[\"ok\",3]}"))
        .hasMessageContaining("$.contacts[1]");
  }
}
