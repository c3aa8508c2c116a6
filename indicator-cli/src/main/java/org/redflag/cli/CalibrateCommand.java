package org.redflag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.JsonLinesReader;
import org.redflag.risk.ActivationMode;
import org.redflag.risk.Activations;
import org.redflag.risk.Band;
import org.redflag.fit.CalibrationReport;
import org.redflag.fit.Calibrators;
import org.redflag.fit.FeatureSpace;
import org.redflag.fit.LogisticRegression;
import org.redflag.fit.ModelDiagnostics;
import org.redflag.fit.RankingBootstrap;
import org.redflag.fit.RiskModelTrainer;
import org.redflag.fit.TrainingOptions;
import org.redflag.fit.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redflag calibrate}: fits a calibrated logistic model on labelled adverts, writes the model
 * file and an HTML report. Every input line must be valid unless {@code --skip-errors} is given; bad
 * lines are always reported with their line numbers.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = {"Fits a calibrated risk model on labelled adverts (JSON Lines: one advert object per line with \"label\": 0, 1, true or false)",
        "and writes the model file (use it with --model) and a self-contained HTML report.",
        "Scores rank adverts for human review. A model fitted on one market does not transfer to another without checking."})
final class CalibrateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();


  @Parameters(index = "0", paramLabel = "LABELLED", description = "Labelled adverts, JSON Lines.")
  Path input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Model file to write (redflag-model/2 JSON).")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "HTML report to write.")
  Path report;

  @Option(names = "--metrics", paramLabel = "FILE", description = "JSON report for researchers: bootstrap intervals, per-fold metrics, operating points, drop-one ablation, and the same for the engine's current model (the default prior unless --model) side by side.")
  Path metrics;

  @Option(names = "--oof", paramLabel = "FILE", description = "Out-of-fold predictions, one JSON line per advert: {\"id\", \"fold\", \"label\", \"score\"}.")
  Path oof;

  @Option(names = "--group-by", paramLabel = "FIELD", description = "Grouped cross-validation: adverts with the same value of this field of the input line (e.g. a phone hash or a cluster id) always share a fold, and bootstrap intervals resample whole groups.")
  String groupBy;

  @Option(names = "--links", paramLabel = "LINKS", description = "Take the --group-by field from this output of `redflag link` run on the same file (line N of LINKS belongs to line N of LABELLED), e.g. --links LINKS.jsonl --group-by cluster keeps each cluster inside one fold. An advert without a template is its own group under --group-by template.")
  Path links;

  @Option(names = "--metric-bootstrap", paramLabel = "B", description = "Bootstrap resamples for the AUC and average-precision intervals in the report (default ${DEFAULT-VALUE}; 0 = none).")
  int metricBootstrap = RankingBootstrap.DEFAULT_REPLICATES;

  @Option(names = "--skip-errors", description = "Fit on the valid lines when some are invalid (each is still reported), instead of failing.")
  boolean skipErrors;

  @Option(names = "--activation", paramLabel = "MODE", description = "How an indicator enters the model: binary (fired or not, default) or strength.")
  String activation = "binary";

  @Option(names = "--l2", paramLabel = "X", description = "L2 penalty on the weights (default ${DEFAULT-VALUE}); keeps weights finite on separable data.")
  double l2 = 1.0;

  @Option(names = "--l1", paramLabel = "X", description = "L1 penalty (default ${DEFAULT-VALUE}); > 0 sets weak weights to exactly 0.")
  double l1 = 0;

  @Option(names = "--interactions", description = "Add a weight for each pair of indicators that fire together often enough.")
  boolean interactions;

  @Option(names = "--interaction-min-support", paramLabel = "N", description = "Adverts in which a pair must fire together to get a weight (default ${DEFAULT-VALUE}).")
  int interactionMinSupport = 10;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the cross-validation splits (default ${DEFAULT-VALUE}).")
  long seed = 20240601L;

  @Option(names = "--bootstrap", paramLabel = "B", description = "Also report bootstrap percentile intervals of the weights from B refits (0 = off, default; at least 20). Worth it with --l1.")
  int bootstrap = 0;

  @Option(names = "--calibration", paramLabel = "METHOD", description = "auto (default: chosen by cross-validation), none, platt or isotonic.")
  String calibration = "auto";

  @Option(names = "--model-id", paramLabel = "ID", description = "Model id (default ${DEFAULT-VALUE}).")
  String modelId = "calibrated";

  @Option(names = "--model-version", paramLabel = "V", description = "Model version (default ${DEFAULT-VALUE}).")
  String modelVersion = "1";

  @Option(names = "--bands", paramLabel = "ELEVATED,HIGH", description = "Score thresholds of the ELEVATED and HIGH bands (default ${DEFAULT-VALUE}).")
  String bands = "0.25,0.6";

  @Option(names = "--trained-at", paramLabel = "INSTANT", description = "Training time to record (ISO-8601; default now), for reproducible files.")
  String trainedAt;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    TrainingOptions options = options();
    if (metricBootstrap < 0) throw usage("--metric-bootstrap must be 0 or more, was " + metricBootstrap);
    EngineOptions.requireFile(input, "LABELLED");
    List<String> linkLines = readLinks();
    RiskEngine engine = engineOptions.builder().build();
    PrintWriter err = spec.commandLine().getErr();
    String name = input.getFileName().toString();
    // keep only the model input of each advert, not its whole assessment, so large files fit in memory
    List<Activations> assessed = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> groups = groupBy == null ? null : new ArrayList<>();
    List<Double> currentScores = new ArrayList<>();
    List<Band> currentBands = new ArrayList<>();
    long lineNo = 0;
    long bad = 0;
    OutputFile.refuseInput(out, "--out", input);
    if (report != null) OutputFile.refuseInput(report, "--report", input, out);
    try (JsonLinesReader reader = new JsonLinesReader(AdvertLines.open(input.toString(), "LABELLED"))) {
      JsonLinesReader.Line line;
      while ((line = reader.next()) != null) {
        lineNo = line.number();
        JsonNode node = null;
        try {
          node = AdvertLines.object(line);
          int label = label(node.get("label"));
          ObjectNode advertNode = ((ObjectNode) node).deepCopy();
          advertNode.remove("label");
          Advert advert = AdvertJson.read(advertNode);
          String group = groupBy == null ? null
              : linkLines == null ? groupKey(node.get(groupBy)) : linkGroup(linkLines, lineNo, advert.id());
          Assessment a = engine.assess(advert);
          assessed.add(FeatureSpace.activations(a));
          labels.add(label);
          ids.add(advert.id());
          if (groups != null) groups.add(group);
          currentScores.add(a.score());
          currentBands.add(a.band());
        } catch (RuntimeException | StackOverflowError e) {
          bad++;
          err.println("redflag: " + name + " " + AdvertLines.problem(lineNo, node, e));
        }
      }
    }
    err.flush();
    if (bad > 0 && !skipErrors) {
      err.println("redflag: " + bad + " of " + lineNo + " lines are invalid; fix them or pass --skip-errors to fit on the valid lines. No model was written.");
      err.flush();
      return RedflagCommand.EXIT_BAD_RECORDS;
    }
    if (bad > 0) {
      err.println("redflag: skipped " + bad + " invalid of " + lineNo + " lines; fitting on " + assessed.size());
      err.flush();
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    TrainingResult result;
    try {
      result = RiskModelTrainer.train(assessed, y, groups, options.withPacks(engine.packs().labels()));
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException("cannot fit a model on " + name + ": " + e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    OutputFile.write(out, "--out", result.model()::write, input);
    ModelDiagnostics diagnostics = null;
    if (report != null || metrics != null) {
      ModelDiagnostics.Comparison current = new ModelDiagnostics.Comparison(engine.model().label() + " (current model, not fitted here)",
          currentScores.stream().mapToDouble(Double::doubleValue).toArray(), currentBands.toArray(new Band[0]));
      diagnostics = ModelDiagnostics.of(result, assessed, options, current, metricBootstrap, seed);
    }
    if (report != null) {
      String html = CalibrationReport.html(result, diagnostics);
      OutputFile.write(report, "--report", f -> Files.writeString(f, html, StandardCharsets.UTF_8), input);
    }
    if (metrics != null) {
      String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(diagnostics.toJson()) + "\n";
      OutputFile.write(metrics, "--metrics", f -> Files.writeString(f, json, StandardCharsets.UTF_8), input);
    }
    if (oof != null) OutputFile.write(oof, "--oof", f -> writeOutOfFold(f, ids, result), input);
    PrintWriter o = spec.commandLine().getOut();
    TrainingResult.MetricSet cv = result.crossValidated();
    o.println(String.format(Locale.ROOT, "fitted %s on %d adverts (%d positive); %d-fold cross-validated ROC AUC %.3f, average precision %.3f, "
        + "Brier %.4f, ECE %.4f; calibration: %s", result.model().label(), result.rows(), result.positives(), folds, cv.rocAuc(),
        cv.averagePrecision(), cv.brier(), cv.ece(), result.calibrationMethod().fileName()));
    if (diagnostics != null) {
      ModelDiagnostics.Summary f = diagnostics.fitted();
      o.println(String.format(Locale.ROOT, "AUC 95%% interval %s, average precision %s (%d %s resamples); %s: AUC %.3f, average precision %.3f%s",
          interval(f.aucCi()), interval(f.apCi()), metricBootstrap, diagnostics.grouped() ? "group" : "advert",
          diagnostics.comparison().get().name(), diagnostics.comparison().get().metrics().rocAuc(),
          diagnostics.comparison().get().metrics().averagePrecision(), groups == null ? "" : "; folds grouped by " + groupBy));
    }
    o.println("model: " + out + (report != null ? "; report: " + report : "") + (metrics != null ? "; metrics: " + metrics : "")
        + (oof != null ? "; out-of-fold predictions: " + oof : ""));
    o.flush();
    return 0;
  }

  private static String interval(org.redflag.fit.Interval i) {
    return i == null ? "n/a" : String.format(Locale.ROOT, "[%.3f, %.3f]", i.low(), i.high());
  }

  /** One line per advert, in input order: its id, its cross-validation fold (1 to k), its label and its out-of-fold calibrated score. */
  static void writeOutOfFold(Path file, List<String> ids, TrainingResult r) throws IOException {
    int[] fold = r.folds();
    int[] y = r.labels();
    double[] p = r.outOfFoldProbabilities();
    try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < fold.length; i++) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", ids.get(i));
        line.put("fold", fold[i] + 1);
        line.put("label", y[i]);
        line.put("score", p[i]);
        w.write(line.toString());
        w.write('\n');
      }
    }
  }

  /** The lines of --links, or null; --links needs --group-by. */
  private List<String> readLinks() throws IOException {
    if (links == null) return null;
    if (groupBy == null) throw usage("--links needs --group-by (e.g. --group-by cluster)");
    EngineOptions.requireFile(links, "--links");
    return Files.readAllLines(links, StandardCharsets.UTF_8);
  }

  /**
   * The group key of line {@code lineNo} from its link record: the record must be for the same advert
   * (LINKS comes from `redflag link` on the same file); a null template is a group of its own.
   */
  String linkGroup(List<String> linkLines, long lineNo, String id) {
    String where = "--links line " + lineNo;
    if (lineNo > linkLines.size()) throw new AdvertFormatException("$.id", where + " is missing: LINKS has " + linkLines.size() + " lines; run `redflag link` on this file");
    JsonNode rec;
    try {
      rec = JSON.readTree(linkLines.get((int) lineNo - 1));
    } catch (JsonProcessingException e) {
      throw new AdvertFormatException("$.id", where + " is not JSON");
    }
    if (rec == null || !rec.isObject() || rec.get("id") == null || !id.equals(rec.get("id").asText())) {
      throw new AdvertFormatException("$.id", where + " is not the link record of advert '" + id + "'; run `redflag link` on this file");
    }
    JsonNode v = rec.get(groupBy);
    if ("template".equals(groupBy) && v != null && v.isNull()) return "advert:" + id;
    if (v == null || v.isNull()) throw new AdvertFormatException("$." + groupBy, where + " has no '" + groupBy + "' (link records have cluster and template)");
    return groupKey(v);
  }

  /** The group key of a line: a string, or a number as written; anything else is an error naming the field. */
  String groupKey(JsonNode v) {
    String path = "$." + groupBy;
    if (v == null || v.isNull()) throw new AdvertFormatException(path, "required by --group-by (a group key such as a phone hash or a cluster id)");
    if (v.isTextual() && !v.asText().isEmpty()) return v.asText();
    if (v.isNumber()) return v.asText();
    throw new AdvertFormatException(path, "a --group-by key must be a non-empty string or a number");
  }

  private TrainingOptions options() {
    ActivationMode mode = switch (activation) {
      case "binary" -> ActivationMode.BINARY;
      case "strength" -> ActivationMode.STRENGTH;
      default -> throw usage("--activation must be binary or strength, was '" + activation + "'");
    };
    Calibrators.Method method = switch (calibration) {
      case "auto" -> null;
      case "none" -> Calibrators.Method.NONE;
      case "platt" -> Calibrators.Method.PLATT;
      case "isotonic" -> Calibrators.Method.ISOTONIC;
      default -> throw usage("--calibration must be auto, none, platt or isotonic, was '" + calibration + "'");
    };
    String[] b = bands.split(",", -1);
    double elevated;
    double high;
    try {
      if (b.length != 2) throw new NumberFormatException();
      elevated = Double.parseDouble(b[0].strip());
      high = Double.parseDouble(b[1].strip());
    } catch (NumberFormatException e) {
      throw usage("--bands needs two numbers ELEVATED,HIGH such as 0.25,0.6, was '" + bands + "'");
    }
    if (trainedAt != null) {
      try {
        java.time.Instant.parse(trainedAt);
      } catch (java.time.format.DateTimeParseException e) {
        throw usage("--trained-at must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, was '" + trainedAt + "'");
      }
    }
    try {
      return TrainingOptions.defaults().withMode(mode).withSolver(new LogisticRegression.Options(l2, l1, 100, 1e-10))
          .withInteractions(interactions, interactionMinSupport).withFolds(folds).withSeed(seed).withCalibration(method)
          .withModel(modelId, modelVersion, null).withBands(elevated, high).withTrainedAt(trainedAt).withBootstrap(bootstrap);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private static RedflagCommand.CliException usage(String message) {
    return new RedflagCommand.CliException(message, RedflagCommand.EXIT_USAGE);
  }

  /** 0/1 or false/true; anything else is an error naming the field. */
  static int label(JsonNode v) {
    if (v == null || v.isNull()) throw new AdvertFormatException("$.label", "required; expected 0, 1, true or false");
    if (v.isBoolean()) return v.booleanValue() ? 1 : 0;
    if (v.isIntegralNumber() && (v.longValue() == 0 || v.longValue() == 1)) return v.intValue();
    throw new AdvertFormatException("$.label", "expected 0, 1, true or false");
  }
}
