package org.redflag.morph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.redflag.advert.Advert;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;

/**
 * The shipped {@code core-de} and {@code core-ru} packs with the dictionaries installed: inflected
 * wording fires, every gender fires alike (codebook: wording that catches a woman's advert must catch
 * a man's and a trans person's), and the context gates keep doctors, carers, plumbers, licensed
 * massage and dating without money silent. The adverts are hand-written for this test, not taken from
 * the evaluation corpus.
 */
class GermanRussianPacksTest {
  private static final RiskEngine ENGINE = RiskEngine.withDefaults();

  static Set<String> fired(String language, String category, String text) {
    Advert.Builder b = Advert.builder("t", text).language(language);
    if (category != null) b.category(category);
    Set<String> out = new TreeSet<>();
    for (IndicatorResult r : ENGINE.assess(b.build()).indicators()) if (r.fired()) out.add(r.id());
    return out;
  }

  /** The same advert written about a woman, a man and a trans person: language, category, indicator, three texts. */
  static Stream<Arguments> everyGender() {
    return Stream.of(
        Arguments.of("de", "escort", "control.third-party",
            "Ihr Fahrer bringt sie zu dir.", "Sein Fahrer bringt ihn zu dir.", "TS Lara: der Fahrer bringt sie zu dir."),
        Arguments.of("de", "escort", "control.third-party",
            "Termine nur über ihren Manager.", "Termine nur über seinen Manager.", "Trans* Escort, Termine nur über unseren Manager."),
        Arguments.of("de", "escort", "control.third-party",
            "Sie spricht kein Deutsch, schreib mir.", "Er spricht kein Deutsch, schreib mir.", "Die Transe spricht kein Deutsch, schreib mir."),
        Arguments.of("de", "escort", "language.youth",
            "Junge Studentin, 19, sucht Verwöhner.", "Junger Student, 20, sucht Verwöhner.", "Junge TS, Studentin, 20, sucht Verwöhner."),
        Arguments.of("de", "adult", "persons.multiple",
            "Bei uns drei heiße Mädchen, wechselnde Girls.", "Bei uns drei heiße Jungs, wechselnde Boys.", "Bei uns drei heiße Transen, wechselnde TS Girls."),
        Arguments.of("de", "escort", "movement",
            "Neue Dame, nur heute und morgen da.", "Neuer Callboy, nur heute und morgen da.", "Neue TS, nur heute und morgen da."),
        Arguments.of("ru", "escort", "control.third-party",
            "Водитель привезёт девушку к вам.", "Водитель привезёт парня к вам.", "Водитель привезёт транс-девушку к вам."),
        Arguments.of("ru", "escort", "control.third-party",
            "Встречи только через её менеджера.", "Встречи только через его менеджера.", "Транс, встречи только через моего менеджера."),
        Arguments.of("ru", "escort", "language.youth",
            "Молоденькая студентка ждёт.", "Молоденький студент ждёт.", "Молоденькая транс-девушка, студентка, ждёт."),
        Arguments.of("ru", "escort", "movement",
            "Новенькая в городе, только приехала.", "Новенький в городе, только приехал.", "ТС Ника, новенькая в городе, только приехала."),
        Arguments.of("ru", "escort", "persons.multiple",
            "Две девушки, большой выбор.", "Два парня, большой выбор.", "Три транса, большой выбор."),
        Arguments.of("ru", "escort", "availability.unlimited",
            "Свободна 24 часа, звони в любое время.", "Свободен 24 часа, звони в любое время.", "ТС, свободна 24 часа, звони в любое время."),
        Arguments.of("de", "adult", "persons.multiple",
            "Sexy Polinnen und Tschechinnen warten auf dich.", "Junge Rumänen warten auf dich.", "TS-Ladies aus Brasilien warten auf dich."),
        Arguments.of("de", "escort", "control.third-party",
            "Ich schreibe für sie, ruf mich an.", "Ich schreibe für ihn, ruf mich an.", "TS Lara ist neu, ich schreibe für sie."),
        Arguments.of("ru", "escort", "control.third-party",
            "Привезём её к вам за час.", "Привезём его к вам за час.", "ТС Ника: привезём её к вам за час."),
        Arguments.of("ru", "escort", "persons.multiple",
            "Две молодые девушки ждут.", "Два молодых парня ждут.", "Три молодых транса ждут."),
        Arguments.of("ru", "escort", "availability.unlimited",
            "Маша приедет к вам в любое время.", "Артём приедет к вам в любое время.", "ТС Ника приедет к вам в любое время."));
  }

  @ParameterizedTest
  @MethodSource("everyGender")
  void wordingFiresAlikeForEveryGender(String language, String category, String indicator, String woman, String man, String trans) {
    assertThat(fired(language, category, woman)).as(woman).contains(indicator);
    assertThat(fired(language, category, man)).as(man).contains(indicator);
    assertThat(fired(language, category, trans)).as(trans).contains(indicator);
  }

  /** Inflected forms the 1.1.0 literal phrases missed. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "de | escort | control.third-party    | Schreib meinem Manager, er regelt alles.",
      "de | escort | control.third-party    | Buchung nur über unsere Fahrer.",
      "de | escort | control.third-party    | Frag unsere Zentrale nach freien Terminen.",
      "de | escort | availability.unlimited | Ich besuche dich zu jeder Tageszeit.",
      "de | escort | language.youth         | Zwei jüngere Studentinnen für Sie.",
      "ru | escort | control.third-party    | Пишите моему менеджеру заранее.",
      "ru | escort | control.third-party    | Обращайтесь к нашему диспетчеру.",
      "ru | escort | availability.unlimited | Свободна круглосуточно.",
      "ru | escort | language.youth         | Юному парню 19 лет.",
      "ru | escort | movement               | Прилетел вчера, здесь на неделю."})
  void inflectedWordingFires(String language, String category, String indicator, String text) {
    assertThat(fired(language, category, text)).contains(indicator);
  }

  /** Look-alikes: the context gate, not the words, keeps these silent. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "de | health   | Physiotherapie: Haus- und Hotelbesuche, 24 Stunden erreichbar, auch nachts. Unsere Therapeutinnen kommen zu Ihnen.",
      "de |          | Ambulante Pflege mit Hausbesuchen rund um die Uhr, zu jeder Tageszeit erreichbar, drei Pflegerinnen im Team.",
      "de | dating   | Neu in der Stadt, echte Fotos, kein Fake. Suche nette Leute zum Wandern.",
      "de | services | Schlüsseldienst 24/7, unsere Fahrer bringen das Werkzeug, Termine über unser Büro.",
      "ru | health   | Врач-терапевт, выезд на дом круглосуточно, без выходных. Вызов врача 24 часа.",
      "ru | services | Сантехник: выезд на дом 24/7, без выходных и праздников, звоните диспетчеру.",
      "ru |          | Сиделки с проживанием, работаем круглосуточно, звоните менеджеру, водитель привезёт сиделку.",
      "ru | massage  | Лечебный массаж, массажисты с медицинским образованием. Запись через администратора.",
      "ru | dating   | Только приехала в город, реальные фото, анкета проверена. Ищу серьёзные отношения.",
      "de | care     | 24-Stunden-Betreuung: erfahrene Polinnen und Rumäninnen, rund um die Uhr für Ihre Angehörigen da.",
      "ru | massage  | Массажный салон: лечебный массаж, работаем круглосуточно и без выходных.",
      "ru | services | Такси круглосуточно: встретим в аэропорту, отвезём в любой район города.",
      "ru | services | Доставка воды 24 часа, водитель привезёт заказ к подъезду."})
  void benignLookAlikesStaySilent(String language, String category, String text) {
    assertThat(fired(language, category, text))
        .doesNotContain("control.third-party", "availability.unlimited", "language.youth", "language.trust", "persons.multiple", "movement");
  }

  /**
   * Deceptive recruitment fires on one strong marker or two different weak ones
   * (DeceptiveRecruitmentIndicator); lawful recruitment (employer-paid visa and travel, contracts,
   * part-time hours, taxes withheld) stays silent.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "de | fires  | Erntehelfer gesucht. Der Reisepass wird bei Ankunft vom Vorarbeiter verwahrt.",
      "de | fires  | Fahrer für Paketdienst, Fahrzeugmiete 500 Euro im Monat wird einbehalten.",
      "de | fires  | Lagerarbeit, Schichten 14h, ein freier Tag im Monat.",
      "de | fires  | Tänzerinnen für Bar in Japan, Flug zahlen wir vor, Rückzahlung aus den ersten Gagen.",
      "de | fires  | Online-Job in Kambodscha, Touristenvisum reicht, Gehalt in USDT.",
      "de | fires  | Callboys gesucht für Escortagentur, Flug und Visum werden bezahlt.",
      "de | fires  | Job im Ausland, Kaution für das Visum 400 Euro.",
      "ru | fires  | Ищем парней на стройку, паспорта забираются бригадиром на время контракта.",
      "ru | fires  | Работа на складе, смены по 12 часов, 1 выходной в месяц.",
      "ru | fires  | Ищем операторов чата в Камбоджу, туристическая виза, выплаты в USDT.",
      "ru | fires  | Требуются танцовщицы в ночной клуб в Японию, перелёт оплачивает агентство.",
      "ru | fires  | Перелёт оплатим, стоимость вычтем из первой зарплаты.",
      "ru | fires  | Работа в Турции, залог за визу 300 долларов.",
      "de | fires  | Nebenjob: Produkte bewerten, Auszahlung des Gehalts in Bitcoin.",
      "de | fires  | Bauhelfer gesucht, die Papiere bleiben während des Einsatzes beim Chef.",
      "ru | fires  | Работа в Польше, оформление визы - предоплата 200 евро.",
      "de | silent | Saisonarbeit in der Landwirtschaft: Unterkunft wird gestellt, Mindestlohn, Arbeitsvertrag vor Abreise.",
      "de | silent | Teilzeitjob im Callcenter, 12 Stunden pro Woche, keine Erfahrung nötig.",
      "de | silent | Pflegekräfte für Kliniken in Japan, Visum übernimmt der Arbeitgeber, Vertrag vor Abreise, keine Vermittlungsgebühren.",
      "de | silent | Lohnsteuer und Sozialabgaben werden vom Lohn einbehalten. Schichten maximal 8 Stunden.",
      "de | silent | Kundenservice in Lissabon, Relocation-Paket, Flug wird erstattet, Gehalt 1.800 Euro brutto.",
      "ru | silent | Требуется продавец в магазин, который работает без выходных, график 2/2.",
      "ru | silent | Хостес в ресторан в Дубае, рабочая виза за счёт работодателя, опыт не обязателен.",
      "ru | silent | Повар в Турцию, перелёт оплачивает работодатель, паспорт всегда у вас, никаких сборов с кандидата.",
      "ru | silent | Вахта 30/30, проживание предоставляется, официальное трудоустройство."})
  void recruitmentAdverts(String language, String expected, String text) {
    Set<String> fired = fired(language, "jobs", text);
    if (expected.equals("fires")) assertThat(fired).as(text).contains("recruitment.deceptive");
    else assertThat(fired).as(text).doesNotContain("recruitment.deceptive");
  }

  @Test
  void moneyMakesDatingAnAdultServiceContext() {
    assertThat(fired("de", "dating", "Neu in der Stadt, Treffen gegen TG.")).contains("movement");
    assertThat(fired("de", "dating", "Neu in der Stadt, Treffen auf einen Kaffee.")).doesNotContain("movement");
    assertThat(fired("ru", "dating", "Только приехала, ищу спонсора для встреч.")).contains("movement");
    assertThat(fired("ru", "dating", "Только приехала. Не ищу спонсора, реальные фото.")).doesNotContain("movement", "language.trust");
  }

  @Test
  void anAdministratorNeedsAnExplicitEroticContext() {
    assertThat(fired("ru", "massage", "Эротический массаж, запись через администратора.")).contains("control.third-party");
    assertThat(fired("ru", "massage", "Классический массаж, запись через администратора.")).doesNotContain("control.third-party");
  }

  /** Recruiters' drivers and security: an escort or modelling recruitment opens the context, a care job does not. */
  @Test
  void recruitersDriversNeedRecruitmentIntoSexWork() {
    assertThat(fired("de", "jobs", "Modelle gesucht! Wohnung wird gestellt, Fahrer und Security vorhanden.")).contains("control.third-party");
    assertThat(fired("de", "jobs", "Pflegehelfer gesucht! Wohnung wird gestellt, Fahrdienst vorhanden.")).doesNotContain("control.third-party");
  }

  /** An English advert that states no language meets every pack: German loanwords must not fire where core-en stays silent. */
  @Test
  void englishSelfDescriptionsStaySilentWithoutALanguage() {
    Advert advert = Advert.builder("t", "Lexi. Independent management, incall. 555-0101").category("escort").build();
    Set<String> fired = new TreeSet<>();
    for (IndicatorResult r : ENGINE.assess(advert).indicators()) if (r.fired()) fired.add(r.id());
    assertThat(fired).doesNotContain("control.third-party");
  }

  @Test
  void independentAdvertsOfEveryGenderStaySilent() {
    assertThat(fired("de", "escort", "Privat und unabhängig, keine Agentur, kein Manager, kein Fahrer.")).doesNotContain("control.third-party");
    assertThat(fired("ru", "escort", "Работаю сама, без сутенёра и без агентства.")).doesNotContain("control.third-party");
    assertThat(fired("ru", "escort", "Работаю сам, без посредников и без агентства.")).doesNotContain("control.third-party");
  }
}
