package org.redflag.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.RiskEngine;
import org.redflag.identifier.IdentifierType;
import org.redflag.identifier.IdentifierMention;

class LinkerTest {
  static final String T1 = "Hi gentlemen, I am Anna, sweet and discreet, new in town for a few days only. Incall and outcall, "
      + "clean private apartment, no rush. Text me to book, serious callers only please.";
  static final String T2 = "Relaxing full body massage by experienced therapist in a quiet studio near the station, open late "
      + "every day of the week, walk ins welcome, towels and shower provided.";

  private static IdentifierMention phone(String hash) { return new IdentifierMention(IdentifierType.PHONE, hash, 0, 1, "contacts[0]"); }

  @Test
  void templatesAndIdentifiersJoinComponentsWithDeterministicIds() {
    Linker l = Linker.create(LinkOptions.defaults());
    l.add(Advert.builder("a", T1).build(), List.of(phone("p1")));
    l.add(Advert.builder("b", T2).build(), List.of(phone("p2")));
    l.add(Advert.builder("c", T1.replace("Anna", "Sofia").replace("few days", "couple of days")).build(), List.of());
    l.add(Advert.builder("d", "short one").build(), List.of(phone("p2")));
    l.add(Advert.builder("e", "something else entirely, written for this test with enough words to be a template").build(), List.of());
    LinkResult r = l.finish();
    assertThat(r.links()).extracting(AdvertLink::id).containsExactly("a", "b", "c", "d", "e");
    assertThat(r.links()).extracting(AdvertLink::cluster).containsExactly("c-a", "c-b", "c-a", "c-b", "c-e");
    assertThat(r.links()).extracting(AdvertLink::clusterSize).containsExactly(2, 2, 2, 2, 1);
    assertThat(r.links()).extracting(AdvertLink::template).containsExactly("t-a", null, "t-a", null, null);
    assertThat(r.links().get(0).linkedBy()).containsExactly("template");
    assertThat(r.links().get(1).linkedBy()).containsExactly("identifier");
    assertThat(r.links().get(4).linkedBy()).isEmpty();
    assertThat(r.clusters()).extracting(ClusterSummary::id).containsExactly("c-a", "c-b");
    ClusterSummary.Template t = r.clusters().get(0).templates().get(0);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.text()).contains("{name}").doesNotContain("anna");
    Edit e = t.edits().get(0);
    assertThat(e.id()).isEqualTo("c");
    assertThat(e.previous()).isEqualTo("a");
    assertThat(e.wordsAdded()).contains("couple", "of");
    assertThat(e.wordsRemoved()).contains("few");
  }

  @Test
  void hubsDoNotJoin() {
    Linker l = Linker.create(LinkOptions.defaults().withHubThreshold(2));
    for (String id : List.of("a", "b", "c")) l.add(Advert.builder(id, id).build(), List.of(phone("switchboard")));
    LinkResult r = l.finish();
    assertThat(r.links()).extracting(AdvertLink::clusterSize).containsOnly(1);
    assertThat(r.hubs()).singleElement().satisfies(h -> assertThat(h.adverts()).isEqualTo(3));
  }

  @Test
  void statedAgeChangeIsFlaggedWithoutTheValues() {
    Linker l = Linker.create(LinkOptions.defaults());
    l.add(Advert.builder("a", T1 + " I am 19 years young.").build(), List.of());
    l.add(Advert.builder("b", T1 + " I am 18 years young.").build(), List.of());
    ClusterSummary c = l.finish().clusters().get(0);
    Edit e = c.templates().get(0).edits().get(0);
    assertThat(e.statedAge()).isEqualTo("lowered");
    assertThat(e.numbersAdded()).isEmpty();
    assertThat(e.numbersRemoved()).isEmpty();
    assertThat(c.statedAges()).isEqualTo(2);
    assertThat(c.membersStatingAge()).isEqualTo(2);
  }

  @Test
  void assessmentsGiveScoresIdentifiersAndIndicatorShares() {
    RiskEngine engine = RiskEngine.withDefaults();
    Linker l = Linker.create(LinkOptions.defaults());
    Advert a = Advert.builder("a", "New in town, call five five five zero one zero zero one two three").build();
    Advert b = Advert.builder("b", "Different words here, call 555 010 0123").build();
    l.add(a, engine.assess(a));
    l.add(b, engine.assess(b));
    LinkResult r = l.finish();
    assertThat(r.links()).extracting(AdvertLink::cluster).containsOnly("c-a");
    ClusterSummary c = r.clusters().get(0);
    assertThat(c.identifiers()).containsEntry("phone", 1);
    assertThat(c.indicatorShares()).containsEntry("phone.obscured", 0.5);
    assertThat(c.maxScore()).isGreaterThanOrEqualTo(c.medianScore());
  }

  /** Brute-force oracle: components of the share-an-identifier graph over random small inputs. */
  @Test
  void identifierComponentsMatchBruteForce() {
    java.util.Random rnd = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + rnd.nextInt(30);
      List<List<String>> ids = new ArrayList<>();
      Linker l = Linker.create(LinkOptions.defaults());
      for (int k = 0; k < n; k++) {
        List<String> mine = new ArrayList<>();
        int m = rnd.nextInt(3);
        for (int q = 0; q < m; q++) mine.add("h" + rnd.nextInt(25));
        ids.add(mine);
        l.add(Advert.builder("ad" + k, "x").build(), mine.stream().map(LinkerTest::phone).toList());
      }
      LinkResult r = l.finish();
      // brute force: repeat relaxing labels until nothing changes
      int[] label = new int[n];
      for (int k = 0; k < n; k++) label[k] = k;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (label[i] != label[j] && ids.get(i).stream().anyMatch(ids.get(j)::contains)) {
              int lo = Math.min(label[i], label[j]);
              label[i] = lo;
              label[j] = lo;
              changed = true;
            }
          }
        }
      }
      for (int k = 0; k < n; k++) assertThat(r.links().get(k).cluster()).isEqualTo("c-ad" + label[k]);
    }
  }

  @Test
  void phoneNumbersTooShortToNameALineDoNotJoin() {
    RiskEngine engine = RiskEngine.withDefaults();
    Linker l = Linker.create(LinkOptions.defaults());
    // unrelated texts; a and b share a seven-digit local number (no area code), c and d a full number
    // once in digits and once in words, e and f a seven-digit number in a contacts field
    List<Advert> ads = List.of(
        Advert.builder("a", "Quiet studio by the river, ask for the manager, call 555 0134 today").build(),
        Advert.builder("b", "Lovely evening walks and good food, reach me at 555-0134").build(),
        Advert.builder("c", "Friendly chat before we meet, text 396 555 0134").build(),
        Advert.builder("d", "Generous gentlemen preferred, three nine six five five five zero one three four").build(),
        Advert.builder("e", "Open late").contact("555 0178").build(),
        Advert.builder("f", "Closed Sundays").contact("555 0178").build());
    for (Advert a : ads) l.add(a, engine.assess(a));
    LinkResult r = l.finish();
    assertThat(r.links()).extracting(AdvertLink::cluster).containsExactly("c-a", "c-b", "c-c", "c-c", "c-e", "c-f");
    assertThat(r.links().get(0).linkedBy()).isEmpty();
    assertThat(r.links().get(3).linkedBy()).containsExactly("identifier");
    // the short numbers are still identifiers of the adverts, and count toward hubs
    assertThat(engine.assess(ads.get(0)).identifiers()).hasSize(1);
    assertThat(engine.assess(ads.get(0)).identifiers().get(0).hash()).isEqualTo(engine.assess(ads.get(1)).identifiers().get(0).hash());
    Linker hubs = Linker.create(LinkOptions.defaults().withHubThreshold(1));
    for (Advert a : ads.subList(0, 2)) hubs.add(a, engine.assess(a));
    assertThat(hubs.finish().hubs()).hasSize(1);
  }

  @Test
  void joinRuleCountsDigitsAsWrittenInTheMentionsField() {
    Advert a = Advert.builder("a", "call 555 0134 or +1 396 555 0134").title("ring 5550134").contact("x").contact("(396) 555-0134").build();
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.PHONE, "h", 5, 13, null))).isFalse();
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.PHONE, "h", 17, 32, null))).isTrue();
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.PHONE, "h", 5, 12, "title"))).isFalse();
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.PHONE, "h", 0, 14, "contacts[1]"))).isTrue();
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.EMAIL, "h", 0, 1, null))).isTrue();
    // a span the advert does not have: nothing to go by, the mention joins
    assertThat(JoinRule.joinable(a, new IdentifierMention(IdentifierType.PHONE, "h", 0, 5, "contacts[7]"))).isTrue();
  }
}
