package org.redflag.indicator.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.Indicator;
import org.redflag.pack.IndicatorDeclaration;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;

/**
 * Per indicator: positives, negations, benign look-alikes from other categories, and obfuscated
 * variants (leetspeak, spaced letters, confusable letters, zero-width characters), which the text
 * pipeline folds before matching.
 */
class CatalogueIndicatorsTest {
  static final RiskEngine ENGINE = RiskEngine.withDefaults();

  static Set<String> fired(Advert a) {
    Assessment r = ENGINE.assess(a);
    Set<String> out = new TreeSet<>();
    for (IndicatorResult i : r.indicators()) if (i.fired()) out.add(i.id());
    for (Evidence e : r.evidence()) {
      if (e.isTextSpan()) assertThat(a.text().substring(e.start(), e.end())).isEqualTo(e.match());
    }
    return out;
  }

  static Set<String> fired(String category, String language, String text) {
    Advert.Builder b = Advert.builder("t", text);
    if (category != null) b.category(category);
    if (language != null) b.language(language);
    return fired(b.build());
  }

  static Set<String> escort(String text) { return fired("escort", "en", text); }

  @Test
  void everyIndicatorTheDefaultPacksDeclareOrUseIsRegistered() {
    PackSet d = PackSet.defaults();
    Set<String> used = new TreeSet<>(d.indicators().keySet());
    d.entries().forEach(e -> used.add(e.entry().indicator()));
    assertThat(ENGINE.indicators()).extracting(Indicator::id).containsAll(used);
    assertThat(ENGINE.packs().labels()).containsExactly("core-en@1.7.0", "core-de@1.7.0", "core-ru@1.7.0",
        "emoji@1.1.0", "tags-tattoo@1.0.0", "contact@1.3.0");
  }

  /** Adding a lexicon indicator = a pack block, entries, and its catalogue and codebook text (docs/packs.md). */
  @Test
  void everyDeclaredIndicatorHasCatalogueAndCodebookText() throws IOException {
    String catalogue = Files.readString(Path.of("..", "docs", "indicators.md"));
    String codebook = Files.readString(Path.of("..", "docs", "codebook.md"));
    for (String id : PackSet.defaults().indicators().keySet()) {
      assertThat(catalogue).as("docs/indicators.md section for " + id).contains("## `" + id + "`");
      assertThat(codebook).as("docs/codebook.md section for " + id).contains("## `" + id + "`");
    }
  }

  @Test
  void germanAndRussianPacksAskForLocalReviewAndNeutralPacksAreUnd() {
    PackSet d = PackSet.defaults();
    assertThat(d.packs()).filteredOn(p -> p.id().equals("core-de") || p.id().equals("core-ru"))
        .allSatisfy(p -> assertThat(p.reviewStatus()).isEqualTo("needs-local-review"));
    assertThat(d.packs()).filteredOn(p -> p.id().equals("emoji") || p.id().equals("tags-tattoo"))
        .allSatisfy(p -> assertThat(p.language()).isEqualTo("und"));
  }

  @Test
  void theCorePacksCoverTheSameIndicatorsAndEveryOneTheyDeclare() {
    Set<String> english = null;
    for (String pack : List.of("core-en", "core-de", "core-ru")) {
      IndicatorPack p = PackLoader.loadResource("org/redflag/packs/" + pack + ".json");
      Set<String> covered = new TreeSet<>();
      p.entries().forEach(e -> covered.add(e.indicator()));
      assertThat(covered).as(pack).containsAll(p.indicators().stream().map(IndicatorDeclaration::id).toList());
      if (english == null) english = covered;
      else assertThat(covered).as(pack + " against core-en").isEqualTo(english);
    }
  }

  @Nested
  class ThirdPartyControl {
    @ParameterizedTest
    @ValueSource(strings = {"Text my manager for rates", "Her driver will bring her to you.", "Payment to the driver only",
        "she doesn't speak English, text me", "ask daddy", "Bookings only through our booker", "My girls are waiting"})
    void fires(String text) { assertThat(escort(text)).contains("control.third-party"); }

    @ParameterizedTest
    @ValueSource(strings = {"Independent, no agency, no management.", "I am my own manager.", "Not with an agency.",
        "never managed by anyone", "No agency. I answer my own phone."})
    void negatedFormsDoNotFire(String text) { assertThat(escort(text)).doesNotContain("control.third-party"); }

    @Test
    void tradeAndJobAdvertsDoNotFire() {
      assertThat(fired("services", "en", "Call our manager for a quote. Our agency has 20 years of experience."))
          .doesNotContain("control.third-party");
      assertThat(fired("jobs", "en", "Contact the manager to apply; agency staff welcome.")).doesNotContain("control.third-party");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Just give us a call", "Call us today and have her come to you", "Call us today and have him come to you",
        "We have 8 new girls", "We have 8 new boys", "We have 8 new ts", "9 amazing girls are in tonight", "9 amazing boys are in tonight",
        "9 amazing ladyboys are in tonight", "6 ladies on duty", "6 guys on duty", "new girls arriving", "new boys arriving",
        "new ts arriving", "my driver will wait outside", "ask for the mamasan"})
    void operatorVoiceFiresForEveryGender(String text) { assertThat(escort(text)).contains("control.third-party"); }

    @ParameterizedTest
    @CsvSource({"escort, Call us both for a duo", "escort, ASK FOR DETAILS", "services, Give us a call for a free quote, our staff are available",
        "massage, Our receptionist will book your appointment with a licensed therapist"})
    void operatorVoiceLookAlikesStaySilent(String category, String text) {
      assertThat(fired(category, "en", text)).doesNotContain("control.third-party");
    }

    @ParameterizedTest
    @CsvSource({"de, Ruf uns an und buche Lena", "de, Wir haben 8 neue Jungs", "de, Neue Transen eingetroffen",
        "ru, 'Звоните нам, у нас новые девушки'", "ru, Новые парни приехали", "ru, Новые трансы приехали"})
    void operatorVoiceInGermanAndRussian(String language, String text) {
      assertThat(fired("escort", language, text)).contains("control.third-party");
    }

    @Test
    void germanAndRussian() {
      assertThat(fired("escort", "de", "Termine nur über meinen Chef")).contains("control.third-party");
      assertThat(fired("escort", "de", "Selbstständig, keine Agentur")).doesNotContain("control.third-party");
      assertThat(fired("escort", "ru", "Звонить менеджеру")).contains("control.third-party");
      assertThat(fired("escort", "ru", "Без агентства, индивидуалка")).doesNotContain("control.third-party");
    }

    @ParameterizedTest
    @ValueSource(strings = {"We rotate our girls every week", "We rotate our boys every week", "We rotate our ts every week",
        "our guys everyday", "our ladyboys daily", "To make a reservation call this number"})
    void venueRosterAndReservationDeskFireForEveryGender(String text) {
      assertThat(escort(text)).contains("control.third-party");
    }

    @Test
    void rosterWordsOutsideAdultServicesAndDuosDoNotFire() {
      assertThat(fired("services", "en", "We rotate our staff every week; our guys everyday on site.")).doesNotContain("control.third-party");
      assertThat(escort("New girls every week, new lineup, 10 girls everyday")).doesNotContain("control.third-party")
          .contains("persons.multiple");
      assertThat(fired("services", "en", "To make a reservation call the restaurant")).doesNotContain("control.third-party");
      assertThat(escort("2 girls daily special, me and my friend")).doesNotContain("control.third-party");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Body rub by our sweet, attractive and pretty Russian and American girls",
        "Body rub by our sweet, attractive and pretty Russian and American boys", "book one of our lovely t girls",
        "our gorgeous ladyboys await you", "Try our NEW GIRL", "try our new boy", "Try new t girls today", "from our hottest Latinas"})
    void anOperatorOfferingItsOwnPeopleFiresForEveryGender(String text) {
      assertThat(escort(text)).contains("control.third-party");
    }

    @Test
    void theClientCalledDaddyANewOwnerAndOffersToLadiesDoNotFire() {
      assertThat(escort("Come here and let me call you daddy!")).doesNotContain("control.third-party");
      assertThat(fired("massage", "en", "Grand opening: new owner, new management, new certified therapists"))
          .doesNotContain("control.third-party");
      assertThat(escort("Our time together is for ladies and couples too")).doesNotContain("control.third-party");
      assertThat(fired("services", "en", "Our friendly girls and boys teams coach every Saturday")).doesNotContain("control.third-party");
    }

    @ParameterizedTest
    @CsvSource({"de, Unsere heißen Girls erwarten dich", "de, Unsere neuen Jungs besuchen dich im Hotel", "de, Unsere neue TS ist da",
        "de, Ruf einfach unseren Telefonservice an", "ru, Наши красивые и стройные девушки", "ru, Наш новенький мальчик",
        "ru, Наша новенькая девочка"})
    void germanAndRussianOperatorsOfferingTheirOwnPeople(String language, String text) {
      assertThat(fired("escort", language, text)).contains("control.third-party");
    }

    @Test
    void aStudiosReceptionIsNotAThirdParty() {
      assertThat(fired("massage", "de", "Thai-Massage, Termine über unsere Rezeption")).doesNotContain("control.third-party");
    }
    @Test
    void fullWidthLettersFoldAlready() {
      assertThat(escort("Ｔｅｘｔ ｍｙ ｍａｎａｇｅｒ")).contains("control.third-party");
    }

    @Test
    void zeroWidthCharactersAndBrokenWhitespaceDoNotHidePhrases() {
      String text = "TEXT  my\n\tman\u200Bager for rates";
      assertThat(escort(text)).contains("control.third-party");
      Assessment a = ENGINE.assess(Advert.builder("z", text).category("escort").language("en").build());
      assertThat(a.evidence()).filteredOn(e -> e.indicator().equals("control.third-party")).first()
          .satisfies(e -> assertThat(e.match()).isEqualTo("TEXT  my\n\tman\u200Bager"));
    }

    @Test
    void confusableLettersAndZeroWidthCharactersAreSeenThrough() {
      assertThat(escort("tеxt my mаnager (she is shy)")).contains("control.third-party");
      assertThat(escort("text my man\u200Bager")).contains("control.third-party");
    }
  }

  @Nested
  class UnlimitedAvailability {
    @ParameterizedTest
    @ValueSource(strings = {"Available 24/7", "all day and all night", "no days off", "anytime day or night", "24x7 incall"})
    void fires(String text) { assertThat(escort(text)).contains("availability.unlimited"); }

    @Test
    void negationAndNoticePeriodsDoNotFire() {
      assertThat(escort("Not available 24/7, weekdays only.")).doesNotContain("availability.unlimited");
      assertThat(escort("Appointments with 24 hours notice.")).doesNotContain("availability.unlimited");
      // opening hours of a venue are not the person's availability
      assertThat(fired("massage", "en", "Licensed spa, open 7 days a week, 10am to 8pm.")).doesNotContain("availability.unlimited");
    }

    @Test
    void plumbersLocksmithsAndPharmaciesDoNotFire() {
      assertThat(fired("services", "en", "Emergency plumber available 24/7, all day and all night.")).isEmpty();
      assertThat(fired("services", "de", "Schlüsseldienst rund um die Uhr")).isEmpty();
      assertThat(fired("classifieds", "de", "Sexy Abendkleider, Bestellung rund um die Uhr")).isEmpty();
      assertThat(fired("services", "ru", "Круглосуточная аптека, без выходных")).isEmpty();
      assertThat(fired("services", null, "Locksmith 24/7")).isEmpty();
    }

    @Test
    void adultTermsInTheTextOpenTheContextWithoutACategory() {
      assertThat(fired(null, "en", "Incall available 24/7")).contains("availability.unlimited");
    }
  }

  @Nested
  class AgeCodeEmoji {
    @ParameterizedTest
    @ValueSource(strings = {"🍒 new", "sweet 🍭", "💗 outcall", "👧 incall", "👧🏽 incall", "🍬"})
    void firesInAdultContext(String text) { assertThat(escort(text)).contains("emoji.age-code"); }

    @Test
    void variationSelectorsDoNotHideEmoji() {
      assertThat(escort("\uD83D\uDC97\uFE0F")).contains("emoji.age-code");
    }

    @Test
    void fruitStandsSweetShopsAndBabyClothesDoNotFire() {
      assertThat(fired("classifieds", "en", "Fresh cherries 🍒 and lollipops 🍭 for the kids")).isEmpty();
      assertThat(fired("classifieds", null, "Baby clothes 👶 and bottles 🍼")).isEmpty();
      assertThat(fired("classifieds", "ru", "Свежая черешня 🍒 с дачи")).isEmpty();
    }

    @Test
    void worksForAnyAdvertLanguage() {
      assertThat(fired("escort", "de", "Hausbesuche 🍒")).contains("emoji.age-code");
      assertThat(fired("escort", "ru", "Эскорт 🍭")).contains("emoji.age-code");
    }
  }

  @Nested
  class YouthLanguage {
    @ParameterizedTest
    @ValueSource(strings = {"barely legal", "just turned 18", "teen looking for fun", "schoolgirl", "fresh and young",
        "Young and fresh"})
    void fires(String text) { assertThat(escort(text)).contains("language.youth"); }

    @Test
    void negationsAndSchoolSuppliesDoNotFire() {
      assertThat(escort("No teens, adults only.")).doesNotContain("language.youth");
      assertThat(fired("classifieds", "en", "School supplies: uniforms for schoolgirls, teen sizes.")).isEmpty();
      assertThat(fired("classifieds", "de", "Schulranzen und Teenie-Mode für Schülerinnen")).isEmpty();
      assertThat(escort("Mature lady, 45, young at heart")).doesNotContain("language.youth");
      // age-limit disclaimers are not youth language
      assertThat(escort("Only 18+ clients, ID required.")).doesNotContain("language.youth");
      assertThat(fired("escort", "ru", "Эскорт. Только 18+")).doesNotContain("language.youth");
      assertThat(fired("escort", "de", "Escort, erst ab 18")).doesNotContain("language.youth");
    }

    @Test
    void aVirginIslandBeautyIsAPlaceNotYouth() {
      assertThat(escort("Virgin island beauty, incall")).doesNotContain("language.youth");
      assertThat(escort("sweet virgin, incall")).contains("language.youth");
    }

    @Test
    void germanAndRussian() {
      assertThat(fired("escort", "de", "Gerade 18 geworden")).contains("language.youth");
      assertThat(fired("escort", "ru", "Только исполнилось 18")).contains("language.youth");
    }

    @Test
    void leetspeakIsSeenThrough() {
      assertThat(escort("sweet t33n")).contains("language.youth");
      assertThat(escort("b4rely l3gal")).contains("language.youth");
    }
  }

  @Nested
  class TrustLanguage {
    @ParameterizedTest
    @ValueSource(strings = {"100% real pics", "Genuine photos, no fakes", "legit", "verified"})
    void fires(String text) { assertThat(escort(text)).contains("language.trust"); }

    @Test
    void classifiedsDoNotFire() {
      assertThat(fired("classifieds", "en", "Verified seller, genuine leather boots, real photos.")).isEmpty();
      assertThat(escort("Verified seller of genuine leather")).doesNotContain("language.trust");
      // screening of clients is not a claim about the person advertised
      assertThat(escort("Genuine gentlemen only, please be genuine. Verified clients only.")).doesNotContain("language.trust");
    }
  }

  @Nested
  class MultiplePersons {
    @ParameterizedTest
    @ValueSource(strings = {"new girls every week", "two girls available", "ask about our other ladies",
        "choose your girl", "Many girls to choose from"})
    void fires(String text) { assertThat(escort(text)).contains("persons.multiple"); }

    @ParameterizedTest
    @ValueSource(strings = {"Age: 19 and 21", "ages 24 & 30", "Candy & Nikki are ready to play", "Jay and Leo are available tonight",
        "Jay & Kim are ready"})
    void twoAgesAndTwoNamesFireWhateverTheNames(String text) { assertThat(escort(text)).contains("persons.multiple"); }

    @ParameterizedTest
    @ValueSource(strings = {"Sweet and you are ready to play", "rates and prices are available on request", "Age: 19 and up"})
    void pronounsPluralThingsAndOneAgeDoNotFire(String text) { assertThat(escort(text)).doesNotContain("persons.multiple"); }

    @Test
    void familiesAndTeamsDoNotFire() {
      assertThat(fired("jobs", "en", "Nanny wanted for two girls aged 6 and 8")).isEmpty();
      assertThat(fired("classifieds", "en", "Two girls' bikes for sale")).isEmpty();
      assertThat(escort("Girls football team fan")).doesNotContain("persons.multiple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Two girl specials available", "two boy specials available", "two ts specials", "Pretty young Asia girls",
        "sexy young Latin boys", "10 experienced young girls", "10 experienced young boys", "by our sweet and pretty ladies",
        "by our sweet and pretty t girls"})
    void adjectiveListsSpecialsAndLargerNumbersFireForEveryGender(String text) {
      assertThat(escort(text)).contains("persons.multiple");
    }

    @Test
    void hoursAndOffersToLadiesAreNotSeveralPersons() {
      assertThat(escort("10 hours with the sexiest lady in town")).doesNotContain("persons.multiple");
      assertThat(escort("20 percent off, girls")).doesNotContain("persons.multiple");
      assertThat(escort("Our services for ladies and couples")).doesNotContain("persons.multiple");
    }

    @ParameterizedTest
    @CsvSource({"de, Die Escorts sind selbständig", "de, Unsere Escort-Damen und Escort-Herren", "de, Lena und ihre beste Freundin",
        "de, Tom und sein bester Freund", "de, gemeinsam oder einzeln buchbar", "ru, Вместе или по отдельности",
        "ru, Маша и её лучшая подруга", "ru, Саша и его лучший друг"})
    void germanAndRussianEscortsFriendsAndPairs(String language, String text) {
      assertThat(fired("escort", language, text)).contains("persons.multiple");
    }

    @Test
    void oneEscortIsOnePerson() {
      assertThat(fired("escort", "de", "Der Escort kommt zu dir")).doesNotContain("persons.multiple");
    }
    @Test
    void germanAndRussian() {
      assertThat(fired("escort", "de", "Zwei Mädchen verfügbar")).contains("persons.multiple");
      assertThat(fired("escort", "ru", "Новые девочки каждую неделю")).contains("persons.multiple");
    }
  }

  @Nested
  class Movement {
    @ParameterizedTest
    @ValueSource(strings = {"new in town", "just arrived", "leaving soon", "only here for 3 days", "last days in town"})
    void fires(String text) { assertThat(escort(text)).contains("movement"); }

    @Test
    void shopsBandsAndMoversDoNotFire() {
      assertThat(fired("events", "en", "The band is on tour, new in town on Friday")).isEmpty();
      assertThat(fired("classifieds", "en", "Just arrived: spring collection")).isEmpty();
      assertThat(fired("events", "ru", "Гастроли театра, только три дня в городе")).isEmpty();
    }

    @Test
    void movementHasANegativePriorWeight() {
      Assessment a = ENGINE.assess(Advert.builder("m", "new in town").category("escort").language("en").build());
      IndicatorResult m = a.indicators().stream().filter(r -> r.id().equals("movement")).findFirst().orElseThrow();
      assertThat(m.fired()).isTrue();
      assertThat(m.contribution()).isNegative();
    }

    @Test
    void spacedAndLeetLettersAreSeenThrough() {
      assertThat(escort("n3w 1n t0wn!!")).contains("movement");
      assertThat(escort("n.e.w i n t o w n")).contains("movement");
    }
  }

  @Nested
  class DeceptiveRecruitment {
    static Set<String> job(String text) { return fired("jobs", "en", text); }

    @ParameterizedTest
    @ValueSource(strings = {"Travel paid, deducted from your first wages.", "Registration fee of 200 EUR.",
        "The employer keeps your passport.", "Work abroad, no experience needed.", "No language needed. Easy money.",
        "We pay your ticket. Send a copy of your passport on WhatsApp."})
    void fires(String text) { assertThat(job(text)).contains("recruitment.deceptive"); }

    @ParameterizedTest
    @ValueSource(strings = {"Earn $500 extra per day from home, no experience needed.", "Earning $2500.00 per week. No experience is needed.",
        "All you need to do is pay for your own membership to start."})
    void payAboveOrdinaryWagesWithASecondMarkerAndWorkerPaidCostsFire(String text) {
      assertThat(job(text)).contains("recruitment.deceptive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Earn $500 per day as a senior contractor.", "Warehouse work, $18 per hour, no experience needed, full training.",
        "We pay for your training and your uniform."})
    void ordinaryPayOrHighPayAloneOrEmployerPaidCostsDoNotFire(String text) {
      assertThat(job(text)).doesNotContain("recruitment.deceptive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"No experience needed, full training. Permanent contract.", "Work abroad with a signed contract.",
        "Send us your CV. Contract, salary 28,000 per year.", "No recruitment fees, employer pays the visa.",
        "We never keep your passport.", "Relocation support with no repayment."})
    void ordinaryJobAdvertsDoNotFire(String text) { assertThat(job(text)).doesNotContain("recruitment.deceptive"); }

    @Test
    void twoPhrasingsOfOneWeakMarkerAreNotTwoMarkers() {
      assertThat(job("Easy money! Earn up to 3000.")).doesNotContain("recruitment.deceptive");
    }

    @Test
    void withTheDefaultPriorOneStrongMarkerIsElevatedAndTwoWeakOnesStayLow() {
      Advert strong = Advert.builder("s", "Cleaners wanted. The employer keeps your passport.").category("jobs").language("en").build();
      Advert weak = Advert.builder("w", "Work abroad, no experience needed.").category("jobs").language("en").build();
      assertThat(ENGINE.assess(strong).band()).isEqualTo(org.redflag.risk.Band.ELEVATED);
      assertThat(ENGINE.assess(weak).band()).isEqualTo(org.redflag.risk.Band.LOW);
    }

    @Test
    void markersOnlyCountInJobAdverts() {
      assertThat(fired("events", "en", "Board game night: no experience needed, learn easy money strategies"))
          .doesNotContain("recruitment.deceptive");
      // a recruitment text posted under another category still reads as a job offer (jobs context from its words)
      assertThat(fired("escort", "en", "Work abroad, no experience needed, easy money")).contains("recruitment.deceptive");
    }

    @Test
    void evidenceNamesTheMarker() {
      Assessment a = ENGINE.assess(Advert.builder("j", "Work abroad, no experience needed.").category("jobs").language("en").build());
      assertThat(a.evidence()).filteredOn(e -> e.indicator().equals("recruitment.deceptive"))
          .extracting(e -> e.details().get("marker")).containsExactly("abroad", "no-experience");
    }

    @Test
    void germanAndRussian() {
      assertThat(fired("jobs", "de", "Arbeit im Ausland ohne Sprachkenntnisse")).contains("recruitment.deceptive");
      assertThat(fired("jobs", "de", "Keine Vorkenntnisse nötig. Unbefristeter Vertrag.")).isEmpty();
      assertThat(fired("jobs", "ru", "Паспорт оставить работодателю")).contains("recruitment.deceptive");
      assertThat(fired("jobs", "ru", "Требуется продавец без опыта, официальное трудоустройство")).isEmpty();
    }

    @Test
    void markerComesFromTheEntryId() {
      assertThat(DeceptiveRecruitmentIndicator.marker("en.recruitment.debt.deducted")).isEqualTo("debt");
      assertThat(DeceptiveRecruitmentIndicator.marker("local.recruitment.fee")).isEqualTo("fee");
      assertThat(DeceptiveRecruitmentIndicator.marker("local.visa-trick")).isEqualTo("local.visa-trick");
      assertThat(DeceptiveRecruitmentIndicator.marker("x.prerecruitment.y")).isEqualTo("x.prerecruitment.y");
    }
  }

  @Nested
  class OwnershipTattoo {
    static Set<String> tags(String... tags) {
      Advert.Builder b = Advert.builder("t", "Incall.").category("escort").language("en");
      for (String t : tags) b.tag(t);
      return fired(b.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tattoo:crown", "tattoo:CROWN", "Tattoo : Crown", "tattoo:barcode", "tattoo:bar code",
        "tattoo:dollar-sign", "tattoo:Dollar Sign", "tattoo:dollar_sign", "tattoo:$", "tattoo:text:Property of King",
        "tattoo:text:PROPERTY OF  J", "tattoo:text:owned by D", "tattoo:text:Daddy's Girl", "tattoo:text:King Marco",
        "tattoo:text:Marco the King", "tattoo:name:King J", "tattoo:Krone", "tattoo:штрихкод"})
    void fires(String tag) { assertThat(tags(tag)).contains("tattoo.ownership"); }

    @ParameterizedTest
    @ValueSource(strings = {"tattoo:rose", "tattoo:butterfly", "tattoo:star", "tattoo:text:Mom", "tattoo:text:Kingfisher",
        "tattoo:name:Anna", "photo:crown", "tattoo:text:property"})
    void benignTattoosDoNotFire(String tag) { assertThat(tags(tag)).doesNotContain("tattoo.ownership"); }

    @Test
    void evidenceNamesTheTagField() {
      Assessment a = ENGINE.assess(Advert.builder("t", "Incall.").tag("tattoo:rose").tag("tattoo:Barcode").build());
      assertThat(a.evidence()).filteredOn(e -> e.indicator().equals("tattoo.ownership")).singleElement()
          .satisfies(e -> {
            assertThat(e.field()).isEqualTo("tags[1]");
            assertThat(e.match()).isEqualTo("tattoo:Barcode");
            assertThat(e.entry()).isEqualTo("tattoo.barcode");
          });
    }
  }
}
