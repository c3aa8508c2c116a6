package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.redflag.match.MatchAutomaton;
import org.redflag.match.MatchSink;
import org.redflag.pack.CompiledLexicon;
import org.redflag.pack.LexiconTestAccess;
import org.redflag.pack.PackSet;

/** Steady state: analysing into a reusable target and scanning allocate nothing (counted by the JVM, not timed). */
class AllocationTest {
  private static final MatchSink IGNORE = (id, s, e) -> { };

  @Test
  void analyseAndScanAllocateNothingPerAdvertOnceWarm() {
    var bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM cannot count allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    TextPipeline pipeline = TextPipeline.defaults();
    MatchAutomaton automaton = LexiconTestAccess.automaton(CompiledLexicon.compile(PackSet.defaults(), pipeline));
    String advert = ("Hi, I am N.E.W in t0wn \uD83C\uDF52\uD83C\uDFFD, available 24/7 for incall, text my manager. "
        + "Rates 150 for 30min; caf\u00E9 nearby, \u0430gency free. ").repeat(8);
    AnalyzedText reuse = AnalyzedText.reusable();
    long sink = 0;
    for (int i = 0; i < 200; i++) sink += automaton.scan(pipeline.analyze(advert, reuse), IGNORE);
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 200; i++) sink += automaton.scan(pipeline.analyze(advert, reuse), IGNORE);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(sink).isPositive();
    // a few hundred bytes of slack for the measurement itself; one advert's worth of buffers would be > 10 KB
    assertThat(allocated).as("bytes allocated by 200 adverts").isLessThan(1_000);
  }
}
