package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.indicator.builtin.ObscuredPhoneIndicator;

/**
 * {@code phone.obscured} and the advert's identifiers read phone numbers with the same scanner: every
 * obscured number the indicator reports is a phone identifier of the assessment, with the same span
 * and the same digits, on the generated obscured numbers of {@link PhoneNumberScannerProperties}.
 */
class ObscuredPhonesAreIdentifiersProperties {
  static final RiskEngine ENGINE = RiskEngine.builder().hasher(IdentifierHasher.reveal()).build();

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.longs().map(seed -> PhoneNumberScannerProperties.build(new Random(seed)).text());
  }

  @Property(tries = 300)
  void everyObscuredNumberIsAPhoneIdentifier(@ForAll("texts") String text) {
    Assessment a = ENGINE.assess(Advert.builder("a", text).build());
    List<Evidence> obscured = a.evidence().stream().filter(e -> e.indicator().equals(ObscuredPhoneIndicator.ID)).toList();
    assertThat(obscured).as("text: %s", text).isNotEmpty();
    for (Evidence e : obscured) {
      String digits = e.details().get("number").toString().replace("+", "");
      assertThat(a.identifiers()).as("text: %s", text).anySatisfy(m -> {
        assertThat(m.type()).isEqualTo(IdentifierType.PHONE);
        assertThat(m.start()).isEqualTo(e.start());
        assertThat(m.end()).isEqualTo(e.end());
        assertThat(m.hash()).isEqualTo(digits);
      });
    }
  }
}
