package org.redflag.fit.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.redflag.risk.Calibration;

/**
 * Seeded synthetic labelled adverts whose wording fires Redflag's built-in indicators, drawn from a
 * known logistic generating model, so that {@code calibrate} and {@code evaluate} can be shown end to
 * end without real data. Nothing here is a real advert: each text is one or two neutral filler
 * sentences plus, for every indicator the model draws, one of its phrases (written to fire that
 * indicator of the default packs and nothing else; a test checks each one).
 *
 * <p>The generating model ({@link #standardModel()}): for each advert, in {@link GeneratingModel#terms()}
 * order, indicator {@code i} is drawn present with probability {@code prevalence_i}; the label is
 * {@code Bernoulli(sigmoid(intercept + sum of weight_i over the present indicators))}. Everything
 * comes from one {@code java.util.Random(seed)} in a fixed order, so a seed always gives the same
 * file. Each line carries {@code expect} (the drawn indicators) and {@code forbid} (the model's other
 * indicators), so {@code evaluate} on the file measures the phrases, and {@code label}.
 *
 * <p>The model covers the built-in indicators that fire on adult-service adverts from text or tags.
 * It leaves out {@code recruitment.deceptive} (job adverts only), {@code price.anomaly} (needs a
 * market baseline) and {@code nlp.third-person} (needs {@code --nlp}). Pack patterns name women more
 * often than men; the phrases use what the packs match, the fillers advertise people of every gender.
 */
public final class SyntheticAdverts {
  /** Format of the model file written next to the data. */
  public static final String MODEL_FORMAT = "redflag-synth/1";

  /** An indicator of the model: its true weight (log-odds), how often it is drawn, and phrases that fire it. */
  public record Term(String indicator, double weight, double prevalence, List<String> phrases, List<String> tags) {
    public Term {
      phrases = ImmutableList.copyOf(phrases);
      tags = ImmutableList.copyOf(tags);
      if (phrases.isEmpty() == tags.isEmpty()) throw new IllegalArgumentException(indicator + ": give phrases or tags, not both");
      if (!(prevalence > 0 && prevalence < 1)) throw new IllegalArgumentException(indicator + ": prevalence must be in (0, 1)");
    }
  }

  /** The generating model: intercept, terms and the filler sentences every advert starts with. */
  public record GeneratingModel(double intercept, List<Term> terms, List<String> fillers) {
    public GeneratingModel {
      terms = ImmutableList.copyOf(terms);
      fillers = ImmutableList.copyOf(fillers);
    }

    public double weight(String indicator) {
      for (Term t : terms) if (t.indicator().equals(indicator)) return t.weight();
      throw new IllegalArgumentException("no term '" + indicator + "' in the generating model");
    }
  }

  /** The advert lines (JSON), each one's label and its true probability of a positive label. */
  public record Sample(List<String> lines, int[] labels, double[] trueProbabilities) {
    public int positives() { return java.util.Arrays.stream(labels).sum(); }
  }

  private SyntheticAdverts() {}

  /**
   * Intercept -2.2. {@code control.third-party} +1.5 (present in 20% of adverts),
   * {@code tattoo.ownership} +1.2 (5%, from a tag), {@code language.youth} +1.0 (15%),
   * {@code emoji.age-code} +0.8 (10%), {@code persons.multiple} +0.7 (15%), {@code phone.obscured}
   * +0.5 (20%), {@code movement} +0.3 (30%), {@code availability.unlimited} 0 (30%, no signal) and
   * {@code language.trust} -0.4 (30%, protective): the last two are the cases field research warns
   * about, a popular red flag with no signal and one that points the other way.
   */
  public static GeneratingModel standardModel() {
    return new GeneratingModel(-2.2, List.of(
        new Term("control.third-party", 1.5, 0.20, List.of("Text my manager to book.", "Bookings only through my agent.",
            "Call our booker for an appointment."), List.of()),
        new Term("tattoo.ownership", 1.2, 0.05, List.of(), List.of("tattoo:crown")),
        new Term("language.youth", 1.0, 0.15, List.of("Barely legal.", "Fresh and young.", "Just turned 18."), List.of()),
        new Term("emoji.age-code", 0.8, 0.10, List.of("\uD83C\uDF52", "\uD83C\uDF6D"), List.of()),
        new Term("persons.multiple", 0.7, 0.15, List.of("Two ladies available together.", "New girls every week."), List.of()),
        new Term("phone.obscured", 0.5, 0.20, List.of("Call five five five, zero one %s.", "Text five five five zero one %s."), List.of()),
        new Term("movement", 0.3, 0.30, List.of("New in town.", "Just arrived.", "Leaving soon."), List.of()),
        new Term("availability.unlimited", 0.0, 0.30, List.of("Available 24/7."), List.of()),
        new Term("language.trust", -0.4, 0.30, List.of("100% real pics.", "Real photos."), List.of())),
        List.of("Friendly and discreet company.", "Handsome and fit gentleman, outcall only.", "Trans companion, relaxed and warm.",
            "Good conversation and a sweet smile.", "Incall in a quiet, clean place.", "Ask me about rates."));
  }

  private static final String[] DIGIT_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

  /** {@code n} adverts drawn from {@code model} with {@code seed}. */
  public static Sample sample(GeneratingModel model, int n, long seed) {
    if (n < 1) throw new IllegalArgumentException("need at least 1 advert, got " + n);
    ObjectMapper json = new ObjectMapper();
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(n);
    double[] truth = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder(model.fillers().get(r.nextInt(model.fillers().size())));
      List<String> expect = new ArrayList<>();
      List<String> forbid = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      double z = model.intercept();
      for (Term t : model.terms()) {
        boolean present = r.nextDouble() < t.prevalence();
        if (!present) {
          forbid.add(t.indicator());
          continue;
        }
        expect.add(t.indicator());
        z += t.weight();
        if (!t.tags().isEmpty()) {
          tags.add(t.tags().get(r.nextInt(t.tags().size())));
        } else {
          String phrase = t.phrases().get(r.nextInt(t.phrases().size()));
          // a fictional 555-01xx number, its last two digits spelled out
          if (phrase.contains("%s")) phrase = String.format(Locale.ROOT, phrase, DIGIT_WORDS[r.nextInt(10)] + " " + DIGIT_WORDS[r.nextInt(10)]);
          text.append(' ').append(phrase);
        }
      }
      truth[i] = Calibration.sigmoid(z);
      int label = r.nextDouble() < truth[i] ? 1 : 0;
      labels[i] = label;
      ObjectNode o = json.createObjectNode();
      o.put("id", String.format(Locale.ROOT, "synth-%05d", i + 1));
      o.put("category", "escort");
      o.put("language", "en");
      o.put("text", text.toString());
      if (!tags.isEmpty()) {
        ArrayNode ta = o.putArray("tags");
        tags.forEach(ta::add);
      }
      ArrayNode e = o.putArray("expect");
      expect.forEach(e::add);
      ArrayNode f = o.putArray("forbid");
      forbid.forEach(f::add);
      o.put("label", label);
      lines.add(o.toString());
    }
    return new Sample(lines, labels, truth);
  }

  /** The generating model as JSON, to write next to the data: what a fitted model should recover. */
  public static ObjectNode modelJson(GeneratingModel model, int n, long seed) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("format", MODEL_FORMAT);
    o.put("description", "Generating model of synthetic adverts (not real data): each indicator is present with its prevalence; "
        + "label ~ Bernoulli(sigmoid(intercept + sum of the weights of the present indicators)). A present indicator is written "
        + "as one of its phrases (or tags); every advert starts with a filler sentence.");
    o.put("adverts", n);
    o.put("seed", seed);
    o.put("intercept", model.intercept());
    ArrayNode terms = o.putArray("terms");
    for (Term t : model.terms()) {
      ObjectNode to = terms.addObject();
      to.put("indicator", t.indicator());
      to.put("weight", t.weight());
      to.put("prevalence", t.prevalence());
      ArrayNode ph = to.putArray("phrases");
      t.phrases().forEach(ph::add);
      ArrayNode tg = to.putArray("tags");
      t.tags().forEach(tg::add);
    }
    ArrayNode f = o.putArray("fillers");
    model.fillers().forEach(f::add);
    return o;
  }
}
