package org.redflag.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AdvertLineTest {
  @Test
  void errorRecordsAreRecognisedAsWritten() {
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object(AdvertLine.errorRecord(3, null, "$: invalid JSON")))).isTrue();
    JsonNode advert = AdvertLine.object("{\"id\":\"ad-7\",\"text\":5}");
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object(AdvertLine.errorRecord(4, advert, "$.text: expected a string")))).isTrue();
  }

  @Test
  void advertsAndLinkRecordsAreNotErrorRecords() {
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object("{\"id\":\"a\",\"text\":\"x\",\"error\":\"in the text field's sense\",\"line\":1}"))).isFalse();
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object("{\"id\":\"a\",\"cluster\":\"c-a\",\"clusterSize\":1}"))).isFalse();
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object("{\"error\":\"no line\"}"))).isFalse();
    assertThat(AdvertLine.isErrorRecord(AdvertLine.object("{\"line\":\"2\",\"error\":\"line as text\"}"))).isFalse();
  }
}
