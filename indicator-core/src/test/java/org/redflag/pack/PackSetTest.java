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
}
