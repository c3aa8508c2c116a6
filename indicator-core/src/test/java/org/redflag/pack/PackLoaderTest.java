package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackLoaderTest {

  static IndicatorPack load(String json) {
    return PackLoader.load("bad.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static String pack(String entries) {
    return "{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"entries\":[" + entries + "]}";
  }

  @Test
  void loadsTestPackWithAllFields() {
    IndicatorPack p = PackLoader.loadResource("packs/test-en.json");
    assertThat(p.label()).isEqualTo("test-en@1.2.3");
    assertThat(p.entries()).hasSize(3);
    assertThat(p.entries().get(1).exclude()).containsExactly("independent agency");
    assertThat(p.contexts()).containsKey("adult");
    assertThat(p.negationWindow()).isEqualTo(2);
  }

  @Test
  void defaultPacksLoad() {
    PackSet defaults = PackSet.defaults();
    assertThat(defaults.packs()).isNotEmpty();
    assertThat(defaults.entries()).allSatisfy(e -> assertThat(e.entry().source()).isNotBlank());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"id\":\"p\"                                                    | $.version | required field is missing",
      "{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\"}              | $.entries | required array",
      "{\"id\":\"P Q\",\"version\":\"1\",\"language\":\"en\",\"entries\":[]} | $.id | pack id must be",
      "{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"colour\":1,\"entries\":[]} | $.colour | unknown field",
      "{\"id\":\"p\",\"version\":\"1\",\"language\":\"e n\",\"entries\":[]} | $.language | BCP 47",
  })
  void packLevelErrorsNameThePath(String json, String path, String reason) {
    String doc = json.endsWith("}") ? json : json + ",\"version\":null}";
    assertThatThrownBy(() -> load(doc))
        .isInstanceOf(PackLoadException.class)
        .hasMessageStartingWith("bad.json: " + path + ": ")
        .hasMessageContaining(reason);
  }

  @Test
  void entryErrorsNameTheEntryPath() {
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"(a|b\"],\"source\":\"s\"}")))
        .hasMessageStartingWith("bad.json: $.entries[0].patterns[0]: unclosed '('");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"]}")))
        .hasMessageStartingWith("bad.json: $.entries[0].source: required field is missing");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"],\"source\":\"s\",\"weight\":2}")))
        .hasMessageStartingWith("bad.json: $.entries[0].weight: weight must be within [0, 1]");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"],\"source\":\"s\"},"
        + "{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"b\"],\"source\":\"s\"}")))
        .hasMessageStartingWith("bad.json: $.entries[1].id: duplicate entry id 'a'");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"source\":\"s\"}")))
        .hasMessageStartingWith("bad.json: $.entries[0]: entry needs a non-empty 'patterns' or 'tags' array");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"],\"source\":\"s\",\"context\":\"nowhere\"}")))
        .hasMessageStartingWith("bad.json: $.entries[0].context: unknown context 'nowhere'");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"tags\":[\"notag\"],\"source\":\"s\"}")))
        .hasMessageStartingWith("bad.json: $.entries[0].tags[0]: tags have the form namespace:value");
    assertThatThrownBy(() -> load(pack("{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"],\"source\":\"s\",\"boundary\":\"edge\"}")))
        .hasMessageStartingWith("bad.json: $.entries[0].boundary: expected one of word, prefix, none");
  }

  @Test
  void invalidJsonGivesLineAndColumn() {
    assertThatThrownBy(() -> load("{\n  \"id\": \"p\",\n  oops\n}"))
        .isInstanceOf(PackLoadException.class)
        .hasMessageStartingWith("bad.json: $: invalid JSON at line 3");
  }

  @Test
  void onlyOverlaysMayRemoveOrReweight() {
    assertThatThrownBy(() -> load("{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"remove\":[\"x\"],"
        + "\"entries\":[{\"id\":\"a\",\"indicator\":\"x.y\",\"patterns\":[\"a\"],\"source\":\"s\"}]}"))
        .hasMessageContaining("$.remove: only an overlay pack");
  }

  static final String DECLARED = "{\"id\":\"local.x\",\"description\":\"d\",\"prior\":0.8,\"reason\":\"r\",\"source\":\"s\"}";

  static String declaring(String declarations) {
    return "{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"indicators\":[" + declarations + "],"
        + "\"entries\":[{\"id\":\"a\",\"indicator\":\"local.x\",\"patterns\":[\"a\"],\"source\":\"s\"}]}";
  }

  @Test
  void declaredIndicatorsAreRead() {
    IndicatorPack p = load(declaring(DECLARED));
    assertThat(p.indicators()).containsExactly(new IndicatorDeclaration("local.x", "d", 0.8, "r", "s"));
    assertThat(p.fileName()).isEqualTo("bad.json");
    assertThat(load(declaring(DECLARED.replace("0.8", "-1.5"))).indicators().get(0).prior()).isEqualTo(-1.5);
  }

  @Test
  void declarationErrorsNameThePath() {
    assertThatThrownBy(() -> load(declaring(DECLARED.replace(",\"prior\":0.8", ""))))
        .hasMessageStartingWith("bad.json: $.indicators[0].prior: required field is missing");
    assertThatThrownBy(() -> load(declaring(DECLARED.replace("0.8", "\"high\""))))
        .hasMessageStartingWith("bad.json: $.indicators[0].prior: expected a finite number");
    assertThatThrownBy(() -> load(declaring(DECLARED.replace(",\"reason\":\"r\"", ""))))
        .hasMessageStartingWith("bad.json: $.indicators[0].reason: required field is missing");
    assertThatThrownBy(() -> load(declaring(DECLARED.replace("\"source\":\"s\"", "\"source\":\" \""))))
        .hasMessageStartingWith("bad.json: $.indicators[0].source: must not be blank");
    assertThatThrownBy(() -> load(declaring(DECLARED.replace("local.x", "Local X"))))
        .hasMessageStartingWith("bad.json: $.indicators[0].id: indicator ids are dotted lower-case words");
    assertThatThrownBy(() -> load(declaring(DECLARED.replace("\"source\"", "\"weight\":1,\"source\""))))
        .hasMessageStartingWith("bad.json: $.indicators[0].weight: unknown field");
    assertThatThrownBy(() -> load(declaring(DECLARED + "," + DECLARED)))
        .hasMessageStartingWith("bad.json: $.indicators[1].id: indicator 'local.x' is declared twice in this pack");
  }

  @Test
  void onlyOverlaysMayReprior() {
    assertThatThrownBy(() -> load(declaring(DECLARED).replace("\"indicators\"", "\"reprior\":{\"local.x\":{\"prior\":1,\"reason\":\"r\"}},\"indicators\"")))
        .hasMessageStartingWith("bad.json: $.reprior: only an overlay pack");
    assertThatThrownBy(() -> load("{\"id\":\"o\",\"version\":\"1\",\"language\":\"en\",\"overlays\":\"p\","
        + "\"reprior\":{\"local.x\":{\"prior\":1}},\"entries\":[]}"))
        .hasMessageStartingWith("bad.json: $.reprior.local.x.reason: required field is missing");
  }
}
