package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackSetTest {
  final IndicatorPack base = PackLoader.loadResource("packs/test-en.json");
  final IndicatorPack overlay = PackLoader.loadResource("packs/test-overlay.json");

  @Test
  void overlayRemovesReweightsAndAdds() {
    PackSet set = PackSet.of(List.of(base, overlay));
    assertThat(set.labels()).containsExactly("test-en@1.2.3", "test-local@0.0.1");
    assertThat(set.entries()).extracting(e -> e.entry().id())
        .containsExactlyInAnyOrder("t.manager", "t.always", "t.local.handler");
    PackSet.ResolvedEntry manager = set.entries().stream().filter(e -> e.entry().id().equals("t.manager")).findFirst().orElseThrow();
    assertThat(manager.entry().weight()).isEqualTo(0.4);
    assertThat(manager.scope()).isSameAs(base);
  }

  @Test
  void overlayMustFollowItsBase() {
    assertThatThrownBy(() -> PackSet.of(List.of(overlay, base)))
        .hasMessageContaining("overlay pack 'test-local' overlays 'test-en', which is not loaded before it");
  }

  @Test
  void duplicateEntryIdsAcrossPacksAreRejected() {
    assertThatThrownBy(() -> PackSet.of(List.of(base, PackLoaderTest.load(
        "{\"id\":\"other\",\"version\":\"1\",\"language\":\"en\",\"entries\":[{\"id\":\"t.manager\",\"indicator\":\"a.b\",\"patterns\":[\"x\"],\"source\":\"s\"}]}"))))
        .hasMessageContaining("entry id 't.manager' of pack 'other' is already defined by pack 'test-en'");
  }

  @Test
  void removingAnUnknownEntryIsAnError() {
    IndicatorPack bad = PackLoaderTest.load(
        "{\"id\":\"l\",\"version\":\"1\",\"language\":\"en\",\"overlays\":\"test-en\",\"remove\":[\"nope\"],\"entries\":[]}");
    assertThatThrownBy(() -> PackSet.of(List.of(base, bad)))
        .hasMessageContaining("removes entry 'nope', which pack 'test-en' does not have");
  }

  static IndicatorPack declaring(String file, String packId, double prior) {
    String json = "{\"id\":\"" + packId + "\",\"version\":\"1\",\"language\":\"en\",\"indicators\":[{\"id\":\"local.x\","
        + "\"description\":\"d\",\"prior\":" + prior + ",\"reason\":\"r\",\"source\":\"s\"}],\"entries\":[{\"id\":\"" + packId
        + ".a\",\"indicator\":\"local.x\",\"patterns\":[\"a\"],\"source\":\"s\"}]}";
    return PackLoader.load(file, new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static IndicatorPack reprior(String overlays, String id, double prior) {
    String json = "{\"id\":\"o-" + overlays + "\",\"version\":\"1\",\"language\":\"en\",\"overlays\":\"" + overlays + "\","
        + "\"reprior\":{\"" + id + "\":{\"prior\":" + prior + ",\"reason\":\"local data\"}},\"entries\":[]}";
    return PackLoader.load("overlay.json", new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void packsMayDeclareOneIndicatorOnlyWithTheSamePrior() {
    PackSet same = PackSet.of(List.of(declaring("one.json", "one", 0.8), declaring("two.json", "two", 0.8)));
    assertThat(same.indicators()).containsOnlyKeys("local.x");
    assertThat(same.indicators().get("local.x").prior()).isEqualTo(0.8);
    assertThatThrownBy(() -> PackSet.of(List.of(declaring("one.json", "one", 0.8), declaring("two.json", "two", 0.5))))
        .hasMessageContaining("indicator 'local.x' is declared with prior 0.8 in one.json and with prior 0.5 in two.json");
  }

  @Test
  void anOverlayRepriorsADeclaredIndicatorForEveryAdvert() {
    PackSet set = PackSet.of(List.of(declaring("one.json", "one", 0.8), reprior("one", "local.x", -0.2)));
    assertThat(set.indicators().get("local.x").prior()).isEqualTo(-0.2);
    assertThat(set.indicators().get("local.x").reason()).isEqualTo("local data");
    assertThat(set.indicators().get("local.x").description()).isEqualTo("d");
    // a later pack declaring the id is compared with the declared prior, not the changed one
    assertThat(PackSet.of(List.of(declaring("one.json", "one", 0.8), reprior("one", "local.x", -0.2),
        declaring("two.json", "two", 0.8))).indicators().get("local.x").prior()).isEqualTo(-0.2);
    assertThatThrownBy(() -> PackSet.of(List.of(declaring("one.json", "one", 0.8), reprior("one", "local.y", 1))))
        .hasMessageContaining("changes the prior of indicator 'local.y', which no pack loaded before it declares");
  }
}
