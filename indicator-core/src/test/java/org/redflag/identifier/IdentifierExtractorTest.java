package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.redflag.advert.Advert;

class IdentifierExtractorTest {
  private static List<Identifier> find(String text) { return IdentifierExtractor.defaults().extract(text, null); }

  private static Identifier only(String text) {
    List<Identifier> found = find(text);
    assertThat(found).as(text).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "write to Anna.K@Example.com today|anna.k@example.com|Anna.K@Example.com",
      "mail: anna (at) example (dot) com|anna@example.com|anna (at) example (dot) com",
      "anna[at]example[dot]org or call|anna@example.org|anna[at]example[dot]org",
      "anna at example dot net|anna@example.net|anna at example dot net",
      "anna_99 @ mail.example.test.|anna_99@mail.example.test|anna_99 @ mail.example.test",
  })
  void emails(String text, String normalised, String surface) {
    Identifier i = only(text);
    assertThat(i.type()).isEqualTo(IdentifierType.EMAIL);
    assertThat(i.normalised()).isEqualTo(normalised);
    assertThat(text.substring(i.start(), i.end())).isEqualTo(surface);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "telegram: @sweet_anna|telegram:sweet_anna|telegram: @sweet_anna",
      "Telegram @Sweet_Anna now|telegram:sweet_anna|Telegram @Sweet_Anna",
      "kik me annabelle99|kik:annabelle99|kik me annabelle99",
      "snapchat: anna.k|snapchat:anna.k|snapchat: anna.k",
      "Line ID: anna-k|line:anna-k|Line ID: anna-k",
      "wechat id anna8|wechat:anna8|wechat id anna8",
      "whats app: anna_x|whatsapp:anna_x|whats app: anna_x",
      "find me at t.me/anna_k.|telegram:anna_k|t.me/anna_k",
      "https://www.snapchat.com/add/Anna_K|snapchat:anna_k|https://www.snapchat.com/add/Anna_K",
      "dm @anna_k for more|@anna_k|@anna_k",
  })
  void handles(String text, String normalised, String surface) {
    Identifier i = only(text);
    assertThat(i.type()).isEqualTo(IdentifierType.HANDLE);
    assertThat(i.normalised()).isEqualTo(normalised);
    assertThat(text.substring(i.start(), i.end())).isEqualTo(surface);
  }

  @ParameterizedTest
  @ValueSource(strings = {"on the line now", "kik me now", "signal strength is low", "see you at home", "snap me later",
      "email me at home. com", "user@localhost", "a@b.c1", "mail@", "@ noon", "telegram me anytime", "I love the line"})
  void noIdentifierInOrdinaryText(String text) {
    assertThat(find(text)).as(text).isEmpty();
  }

  @Test
  void urlsLoseSchemeAndWwwAndKeepPath() {
    Identifier i = only("see https://WWW.Example.com/Gallery/ now");
    assertThat(i.type()).isEqualTo(IdentifierType.URL);
    assertThat(i.normalised()).isEqualTo("example.com/Gallery");
    assertThat(only("(www.example.org)").normalised()).isEqualTo("example.org");
  }

  @Test
  void whatsappLinkIsAPhoneAndTheNumberInsideIsNotReportedTwice() {
    Identifier i = only("text wa.me/15550100123 ok");
    assertThat(i.type()).isEqualTo(IdentifierType.PHONE);
    assertThat(i.normalised()).isEqualTo("15550100123");
    assertThat(IdentifierExtractor.withDefaultCountryCode("1").extract("call 555 010 0123", null).get(0).normalised())
        .isEqualTo("15550100123");
  }

  @Test
  void phonesPlainAndObscuredNormaliseAlike() {
    IdentifierExtractor x = IdentifierExtractor.withDefaultCountryCode("1");
    String text = "call 555-010-0123 or five five five zero one zero zero one two three or +1 (555) 010 0123";
    List<Identifier> found = x.extract(text, null);
    assertThat(found).extracting(Identifier::type).containsOnly(IdentifierType.PHONE);
    assertThat(found).extracting(Identifier::normalised).containsExactly("15550100123", "15550100123", "15550100123");
  }

  @Test
  void advertFieldsAreTaggedAndContactsTakenWhole() {
    Advert ad = Advert.builder("a1", "call 555 010 0123").title("kik me anna_k").contact("anna@example.com")
        .contact("  Anna_Private ").build();
    List<Identifier> found = IdentifierExtractor.defaults().extract(ad);
    assertThat(found).extracting(Identifier::field).containsExactly(null, "title", "contacts[0]", "contacts[1]");
    assertThat(found.get(3).normalised()).isEqualTo("@anna_private");
    assertThat("  Anna_Private ".substring(found.get(3).start(), found.get(3).end())).isEqualTo("Anna_Private");
  }

  @Test
  void toStringHidesTheIdentifier() {
    assertThat(only("anna@example.com").toString()).doesNotContain("anna").doesNotContain("example");
  }

  @ParameterizedTest
  @CsvSource({"+15550100123,,15550100123", "5550100123,,5550100123", "5550100123,1,15550100123",
      "15550100123,1,15550100123", "07700900123,44,447700900123", "00447700900123,1,447700900123",
      "447700900123,44,447700900123"})
  void phoneNormalisation(String digits, String cc, String expected) {
    PhoneNormaliser n = cc == null ? PhoneNormaliser.none() : PhoneNormaliser.withDefaultCountryCode(cc);
    assertThat(n.normalise(digits)).isEqualTo(expected);
  }
}
