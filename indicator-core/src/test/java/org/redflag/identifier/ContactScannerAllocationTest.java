package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady state: scanning an advert that names platforms, says "at" and "dot" and has long words, but
 * holds no identifier, allocates nothing (counted by the JVM, not timed). The pre-optimisation scanner
 * allocated a token per token and a string per compared word.
 */
class ContactScannerAllocationTest {
  @Test
  void scanningAnAdvertWithoutIdentifiersAllocatesNothingOnceWarm() {
    var bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM cannot count allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    String advert = ("Telegram me anytime, the Signal is low: see you at home (at) the Line. Whats up? KIK me now, "
        + "snap me later \u2013 Instagram only, new in town, call 24/7 for details. www is not a site. ").repeat(8);
    PhoneNormaliser phones = PhoneNormaliser.none();
    ContactScanner scanner = ContactScanner.defaults();
    assertThat(ContactScannerOracle.defaults().scan(advert, phones)).isEmpty();
    int found = 0;
    for (int i = 0; i < 200; i++) found += scanner.scan(advert, phones).size();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 200; i++) found += scanner.scan(advert, phones).size();
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(found).isZero();
    // a few hundred bytes of slack for the measurement itself; one advert's tokens would be > 10 KB
    assertThat(allocated).as("bytes allocated by 200 scans").isLessThan(1_000);
  }
}
