package org.redflag.bench.tool;

/** The {@code --rounds}, {@code --slice-ms} and {@code --warmup-s} options of {@code ab}. */
final class TimingOptions {
  int rounds;
  long sliceMs;
  long warmUpSeconds;

  TimingOptions(int rounds, long sliceMs, long warmUpSeconds) {
    this.rounds = rounds;
    this.sliceMs = sliceMs;
    this.warmUpSeconds = warmUpSeconds;
  }

  static boolean handles(String option) {
    return option.equals("--rounds") || option.equals("--slice-ms") || option.equals("--warmup-s");
  }

  /**
   * Takes the option {@code args[i]} (one {@link #handles} accepts) and its value {@code args[i + 1]}.
   * Returns null, or what is wrong with them for the usage message.
   */
  String take(String[] args, int i) {
    String a = args[i];
    if (i + 1 == args.length) return a + " needs a whole number";
    long v;
    try {
      v = Long.parseLong(args[i + 1]);
    } catch (NumberFormatException e) {
      return a + " must be a whole number, was '" + args[i + 1] + "'";
    }
    if (v < (a.equals("--warmup-s") ? 0 : 1) || v > 100_000) return a + " is out of range: " + v;
    if (a.equals("--rounds")) rounds = (int) v;
    else if (a.equals("--slice-ms")) sliceMs = v;
    else warmUpSeconds = v;
    return null;
  }
}
