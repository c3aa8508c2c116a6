package org.redflag.bench.match;

import com.gliwka.hyperscan.wrapper.CompileErrorException;
import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Expression;
import com.gliwka.hyperscan.wrapper.ExpressionFlag;
import com.gliwka.hyperscan.wrapper.Match;
import com.gliwka.hyperscan.wrapper.Scanner;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Peer: Intel Hyperscan through {@code com.gliwka.hyperscan} (native, linux-x86_64), one database of
 * all phrases as escaped literals, scanned as UTF-8. {@code SOM_LEFTMOST} gives start offsets, which the
 * Java wrapper needs to report spans; {@link Scanner#scan} is the wrapper's public scanning API (it
 * encodes the string and builds a {@link Match} per occurrence, which is part of using Hyperscan from Java).
 */
public final class HyperscanPhraseMatcher implements PhraseMatcher, Closeable {
  private final Database database;
  private final Scanner scanner;
  private final DistinctStarts starts = new DistinctStarts();

  public HyperscanPhraseMatcher(List<String> phrases) {
    List<Expression> expressions = new ArrayList<>(phrases.size());
    EnumSet<ExpressionFlag> flags = EnumSet.of(ExpressionFlag.UTF8, ExpressionFlag.SOM_LEFTMOST);
    for (int i = 0; i < phrases.size(); i++) expressions.add(new Expression(literal(phrases.get(i)), flags, i));
    try {
      this.database = Database.compile(expressions);
    } catch (CompileErrorException e) {
      throw new IllegalStateException("hyperscan could not compile the phrase database: " + e.getMessage(), e);
    }
    this.scanner = new Scanner();
    scanner.allocScratch(database);
  }

  /** Hyperscan regex syntax for a literal: ASCII punctuation and controls as {@code \xHH}, the rest as is. */
  static String literal(String phrase) {
    StringBuilder sb = new StringBuilder(phrase.length() * 2);
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (c < 0x80 && !Character.isLetterOrDigit(c)) sb.append(String.format("\\x%02x", (int) c));
      else sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public int countStarts(String normalised) {
    starts.reset(normalised.length());
    for (Match m : scanner.scan(database, normalised)) starts.mark((int) m.getStartPosition());
    return starts.count();
  }

  /** All (phrase, offset) occurrences, overlapping (for the agreement test). */
  public int countOccurrences(String normalised) { return scanner.scan(database, normalised).size(); }

  @Override
  public void close() {
    scanner.close();
    database.close();
  }
}
