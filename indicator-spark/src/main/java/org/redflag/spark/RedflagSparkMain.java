package org.redflag.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.redflag.cli.EngineOptions;
import org.redflag.cli.LinkingOptions;
import org.redflag.fit.MarketReportHtml;
import org.redflag.fit.report.GroupField;
import org.redflag.fit.report.MarketReport;
import org.redflag.link.LinkOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar redflag-spark.jar score|link|report INPUT OUTPUT [--master local[*]] [engine options]}: the
 * {@code redflag score}, {@code redflag link} and {@code redflag report} commands on Spark. INPUT is JSON Lines (a file, folder or glob) or Parquet (a
 * table of advert fields); OUTPUT is a folder of JSON Lines part files, in input order, each line
 * exactly as {@code redflag score} (or {@code redflag link}) writes it, or Parquet with the typed columns beside the line.
 */
@Command(name = "redflag-spark", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scores adverts on Apache Spark with the same results as `redflag score`, links them as `redflag link` does,"
        + " or writes the market report of `redflag report`.",
        "Exit codes: 0 success, 1 some lines invalid (their error records are in the output), 2 usage error, 3 the job failed."})
public final class RedflagSparkMain implements Callable<Integer> {
  static final int EXIT_BAD_RECORDS = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_FAILED = 3;

  @Parameters(index = "0", paramLabel = "COMMAND",
      description = "score (assessment lines), link (the LINKS lines of `redflag link`) or report (the market report of `redflag report`).")
  String command;

  @Parameters(index = "1", paramLabel = "INPUT", description = "JSON Lines file, folder or glob; or Parquet with --input-format parquet (or a .parquet path).")
  String input;

  @Parameters(index = "2", paramLabel = "OUTPUT", description = "score, link: output folder (replaced if it exists); report: the report.json file.")
  String output;

  @Option(names = "--by", paramLabel = "FIELDS", description = "report: comma list of site, market, category, language, month (required).")
  String by;

  @Option(names = "--min-adverts", paramLabel = "N", description = "report: groups with fewer adverts are marked \"small\": true (default ${DEFAULT-VALUE}).")
  int minAdverts = 10;

  @Option(names = "--html", paramLabel = "FILE", description = "report: also write the HTML report here.")
  Path html;

  /** link: the options of {@code redflag link}, declared once there. */
  @CommandLine.Mixin LinkingOptions linking = new LinkingOptions();

  @Option(names = "--links", paramLabel = "LINKS",
      description = "report: output of `redflag link` or of this jar's link (JSON Lines: file, folder or glob) for the same adverts; adds the cluster columns.")
  String links;

  @Option(names = "--clusters", paramLabel = "FOLDER",
      description = "link: also write the CLUSTERS lines of `redflag link --clusters` here (a folder of part files, in order of first member; replaced if it exists).")
  String clusters;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master when not run by spark-submit, e.g. local[*] (default) or local[2].")
  String master;

  @Option(names = "--input-format", paramLabel = "FMT", description = "json (JSON Lines, default) or parquet.")
  String inputFormat;

  @Option(names = "--format", paramLabel = "FMT", description = "Output: json (JSON Lines, default) or parquet (columns line, id, json, score, band, fired, error).")
  String format = "json";

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid.")
  boolean skipErrors;

  /** The engine options of the {@code redflag} command, declared once there. */
  @CommandLine.Mixin EngineOptions engineOptions = new EngineOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A session the caller owns, or null to make (and stop) one. */
  private SparkSession session;

  public static void main(String[] args) {
    // Spark's Netty reaches into direct buffers; the manifest's Add-Opens make it legal, this lets Netty use it
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:org/redflag/spark/log4j2-redflag.properties");
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs with the given streams and returns the exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err) { return execute(args, out, err, null); }

  /** As {@link #execute(String[], PrintWriter, PrintWriter)} in a session that the caller owns (for tests), or a new one if null. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, SparkSession session) {
    RedflagSparkMain main = new RedflagSparkMain();
    main.session = session;
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean usage = ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException;
      commandLine.getErr().println("redflag-spark: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      commandLine.getErr().flush();
      return usage ? EXIT_USAGE : EXIT_FAILED;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws java.io.IOException {
    if (!List.of("score", "link", "report").contains(command)) {
      throw new IllegalArgumentException("unknown command '" + command + "'; expected score, link or report");
    }
    LinkOptions linkOptions = linking.options();
    List<GroupField> fields = null;
    if ("report".equals(command)) {
      if (by == null) throw new IllegalArgumentException("report needs --by FIELDS");
      fields = parseBy(by);
      if (minAdverts < 0) throw new IllegalArgumentException("--min-adverts must be 0 or more, was " + minAdverts);
    }
    if (clusters != null && !"link".equals(command)) throw new IllegalArgumentException("--clusters is an option of link only");
    if (links != null && !"report".equals(command)) throw new IllegalArgumentException("--links is an option of report only");
    if (clusters != null && (clusters.equals(output) || clusters.equals(input))) {
      throw new IllegalArgumentException("--clusters: " + clusters + " is also the input or the output; write to another folder");
    }
    if (!format.equals("json") && !format.equals("parquet")) throw new IllegalArgumentException("--format must be json or parquet, was " + format);
    String inFormat = inputFormat != null ? inputFormat : input.endsWith(".parquet") ? "parquet" : "json";
    if (!inFormat.equals("json") && !inFormat.equals("parquet")) throw new IllegalArgumentException("--input-format must be json or parquet, was " + inFormat);
    EngineSpec engine = spec();
    SparkSession spark = session;
    if (spark == null) {
      SparkSession.Builder b = SparkSession.builder().appName("redflag " + command);
      if (master != null) b.master(master);
      else if (System.getProperty("spark.master") == null) b.master("local[*]"); // not under spark-submit
      spark = b.getOrCreate();
    }
    try {
      Dataset<Row> adverts = inFormat.equals("parquet") ? spark.read().parquet(input) : RedflagSpark.readJsonLines(spark, input);
      if (fields != null && links != null) {
        RedflagSpark.LinkedSummary linked = RedflagSpark.summarise(adverts, engine, fields, RedflagSpark.readJsonLines(spark, links));
        if (linked.linkErrorRecords() > 0) {
          spec.commandLine().getErr().println("redflag-spark: --links " + links + " holds " + linked.linkErrorRecords()
              + " error records of `redflag link` (lines it could not read); their adverts count as unlinked");
        }
        return report(linked.summary(), engine, true);
      }
      if (fields != null) return report(RedflagSpark.summarise(adverts, engine, fields), engine, false);
      RedflagSpark.Linked linked = "link".equals(command) ? RedflagSpark.linkWithClusters(adverts, engine, linkOptions) : null;
      Dataset<Row> scored = (linked != null ? linked.links() : RedflagSpark.score(adverts, engine))
          .persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());
      if (format.equals("json")) scored.select(col("json")).write().mode(SaveMode.Overwrite).text(output);
      else scored.write().mode(SaveMode.Overwrite).parquet(output);
      if (clusters != null) {
        if (format.equals("json")) linked.clusters().select(col("json")).write().mode(SaveMode.Overwrite).text(clusters);
        else linked.clusters().write().mode(SaveMode.Overwrite).parquet(clusters);
      }
      long bad = scored.filter(col("error").isNotNull()).count();
      long all = scored.count();
      scored.unpersist();
      spec.commandLine().getErr().println("redflag-spark: " + ("link".equals(command) ? "linked " : "scored ") + all + " lines (" + bad
          + " invalid) into " + output);
      spec.commandLine().getErr().flush();
      return bad > 0 && !skipErrors ? EXIT_BAD_RECORDS : 0;
    } finally {
      if (session == null) spark.stop();
    }
  }

  /** Writes report.json (and the HTML page) as {@code redflag report} does; the first invalid lines' error records go to standard error. */
  private int report(MarketSummary part, EngineSpec engine, boolean clusters) throws java.io.IOException {
    PrintWriter err = spec.commandLine().getErr();
    for (String e : part.errors()) err.println(e);
    if (part.invalid() > part.errors().size()) err.println("redflag-spark: (the first " + part.errors().size() + " error records shown)");
    MarketReport report = part.summary().report(minAdverts, engine.baselines() != null, clusters);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toJson().put("invalid", part.invalid())) + "\n";
    Files.writeString(Path.of(output), json, StandardCharsets.UTF_8);
    if (html != null) Files.writeString(html, MarketReportHtml.html(report, Path.of(input).getFileName().toString()), StandardCharsets.UTF_8);
    err.println("redflag-spark: report of " + report.adverts() + " adverts in " + report.groups().size() + " groups from " + part.lines() + " lines ("
        + part.invalid() + " invalid) into " + output);
    err.flush();
    return part.invalid() > 0 && !skipErrors ? EXIT_BAD_RECORDS : 0;
  }

  private static List<GroupField> parseBy(String list) {
    try {
      return GroupField.parse(list);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--by: " + e.getMessage(), e);
    }
  }

  private EngineSpec spec() { return EngineSpec.of(engineOptions.config()); }

}
