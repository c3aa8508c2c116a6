package org.redflag.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.redflag.fit.report.GroupField;
import org.redflag.link.LinkOptions;

/**
 * Redflag on Apache Spark: the same per-advert results as the {@code redflag} command, computed by
 * executors that each build the engine once ({@link EngineSpec}).
 *
 * <pre>{@code
 * EngineSpec spec = EngineSpec.builder().hashKeyFile(Path.of("key")).build();
 * Dataset<Row> lines = RedflagSpark.readJsonLines(spark, "ads.jsonl");   // line, value
 * Dataset<Row> scored = RedflagSpark.score(lines, spec);                 // line, id, json, score, band, fired, error
 * }</pre>
 */
public final class RedflagSpark {
  /** Column of the input holding one JSON advert per row (as {@code spark.read().text()} names it). */
  public static final String VALUE = "value";
  /** Column of the 1-based input line number, when the input has one. */
  public static final String LINE = "line";

  /** The columns of {@link #score}. */
  public static final StructType SCORED = new StructType(new StructField[] {
      DataTypes.createStructField(LINE, DataTypes.LongType, true),
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("json", DataTypes.StringType, false),
      DataTypes.createStructField("score", DataTypes.DoubleType, true),
      DataTypes.createStructField("band", DataTypes.StringType, true),
      DataTypes.createStructField("fired", DataTypes.createArrayType(DataTypes.StringType, false), true),
      DataTypes.createStructField("error", DataTypes.StringType, true)});

  private RedflagSpark() {}

  /**
   * A JSON Lines file (or folder, or glob) as rows of {@code line} (1-based, in file order) and
   * {@code value} (the line). Lines end at {@code \n} only, as the command reads them. A file of
   * fewer splits than the default parallelism is spread over that many partitions by line ranges.
   */
  public static Dataset<Row> readJsonLines(SparkSession spark, String path) {
    Dataset<String> text = spark.read().option("lineSep", "\n").textFile(path);
    JavaRDD<Row> numbered = text.javaRDD().zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1()));
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField(LINE, DataTypes.LongType, false),
        DataTypes.createStructField(VALUE, DataTypes.StringType, true)});
    Dataset<Row> lines = spark.createDataFrame(numbered, schema);
    int cores = spark.sparkContext().defaultParallelism();
    if (numbered.getNumPartitions() >= cores) return lines;
    // A file smaller than Spark's split size is one partition, so one task would score it all: spread it
    // over the cores in ranges of line numbers, which keeps the partitions in input order.
    return lines.repartitionByRange(cores, col(LINE)).sortWithinPartitions(LINE);
  }

  /**
   * Scores every advert. {@code adverts} either has a string column {@code value} with one JSON
   * advert per row (and optionally {@code line}), or is a table of advert fields ({@code id},
   * {@code text}, {@code category}, ...), each row of which is turned into its JSON object first.
   * One output row per input row, in the same partitions and order: {@code json} is the assessment
   * line exactly as {@code redflag score} writes it (or the error record of a row that is not a
   * valid advert), with {@code score}, {@code band} and {@code fired} (fired indicator ids, strongest contribution first) as typed
   * columns, and {@code error} set instead for a bad row.
   */
  public static Dataset<Row> score(Dataset<Row> adverts, EngineSpec spec) {
    Dataset<Row> in = asJsonLines(adverts);
    boolean numbered = List.of(in.columns()).contains(LINE);
    Dataset<Row> rows = in.select(numbered ? col(LINE) : org.apache.spark.sql.functions.lit(null).cast(DataTypes.LongType).as(LINE), col(VALUE));
    return rows.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> scorePartition(it, spec),
        Encoders.row(SCORED));
  }

  /**
   * The market summary behind {@code redflag report}, grouped by {@code by}: each line of {@code lines}
   * (as {@link #score} takes them) is an advert, assessed with {@code spec}'s engine, or an assessment
   * from {@code score}, read as it is. Each partition fills its own {@link MarketSummary}; Spark merges
   * them in a tree (only the summaries, whose size grows with the groups, travel to the driver), and
   * since summaries merge exactly, {@code summary().report(...)} is the report the command writes.
   */
  public static MarketSummary summarise(Dataset<Row> lines, EngineSpec spec, List<GroupField> by) {
    MarketSummary zero = new MarketSummary(by);
    Dataset<Row> in = asJsonLines(lines);
    boolean numbered = List.of(in.columns()).contains(LINE);
    return in.select(numbered ? col(LINE) : org.apache.spark.sql.functions.lit(0L).as(LINE), col(VALUE)).javaRDD().treeAggregate(zero,
        (part, r) -> part.add(r.isNullAt(0) ? 0 : r.getLong(0), r.isNullAt(1) ? "" : r.getString(1), spec), MarketSummary::merge);
  }

  /**
   * {@link #summarise(Dataset, EngineSpec, List)} with {@code redflag link}'s output for the same
   * adverts, as {@code redflag report --links}: each advert gets its cluster's size (0 when the links
   * hold no record of its id; the last record of an id counts), and the report gains its cluster
   * columns. {@code links} are JSON lines ({@link #readJsonLines}); link's error records are skipped and
   * counted ({@link LinkedSummary#linkErrorRecords}); any other bad line is an {@link
   * IllegalArgumentException} naming it.
   */
  public static LinkedSummary summarise(Dataset<Row> lines, EngineSpec spec, List<GroupField> by, Dataset<Row> links) {
    Dataset<Row> sizes = LinksReading.clusterSizes(links);
    long errorRecords = LinksReading.errorRecords(sizes);
    Dataset<Row> in = asJsonLines(lines);
    boolean numbered = List.of(in.columns()).contains(LINE);
    Dataset<Row> rows = in.select(numbered ? col(LINE) : org.apache.spark.sql.functions.lit(0L).as(LINE), col(VALUE))
        .withColumn("advertId", org.apache.spark.sql.functions.get_json_object(col(VALUE), "$.id"));
    Dataset<Row> joined = rows.join(LinksReading.lastPerId(sizes), rows.col("advertId").equalTo(col("linkId")), "left")
        .select(col(LINE), col(VALUE), col("clusterSize"));
    MarketSummary part = joined.javaRDD().treeAggregate(new MarketSummary(by),
        (m, r) -> m.add(r.isNullAt(0) ? 0 : r.getLong(0), r.isNullAt(1) ? "" : r.getString(1), spec, r.isNullAt(2) ? 0 : r.getInt(2)),
        MarketSummary::merge);
    return new LinkedSummary(part, errorRecords);
  }

  /** A market summary with cluster sizes, and how many error records of {@code redflag link} the links held (their adverts count as unlinked). */
  public record LinkedSummary(MarketSummary summary, long linkErrorRecords) {}

  /**
   * Links adverts as {@code redflag link} does: one row per input row, in line order, with {@code line},
   * {@code id}, {@code json} (the LINKS line exactly as the command writes it, or the error record of a
   * row that is not a valid advert) and {@code error}. {@code adverts} is as for {@link #score}; it needs
   * the {@code line} column (as {@link #readJsonLines} gives it), since clusters and templates are named by
   * their first member in input order. Method and cost: {@link SparkLinking} and docs/scale.md.
   */
  public static Dataset<Row> link(Dataset<Row> adverts, EngineSpec spec, LinkOptions options) {
    return linkWithClusters(adverts, spec, options).links();
  }

  /**
   * {@link #link}'s rows and the clusters: {@code clusters} has one row per cluster of two or more, in
   * order of its first member, with {@code line} (the first member's) and {@code json}, the CLUSTERS line
   * exactly as {@code redflag link --clusters} writes it. Both datasets share one assessment of the input.
   */
  public static Linked linkWithClusters(Dataset<Row> adverts, EngineSpec spec, LinkOptions options) {
    Dataset<Row> in = asJsonLines(adverts);
    if (!List.of(in.columns()).contains(LINE)) {
      throw new IllegalArgumentException("linking needs the input order: a long column '" + LINE + "' (1-based line number)");
    }
    return SparkLinking.link(in.select(col(LINE), col(VALUE)), spec, options);
  }

  /** The LINKS rows ({@code line, id, json, error}) and CLUSTERS rows ({@code line, json}) of {@link #linkWithClusters}. */
  public record Linked(Dataset<Row> links, Dataset<Row> clusters) {}

  /** The input as ({@code line}?, {@code value}) rows of JSON text. */
  static Dataset<Row> asJsonLines(Dataset<Row> adverts) {
    List<String> columns = List.of(adverts.columns());
    if (columns.contains(VALUE) && adverts.schema().apply(VALUE).dataType().equals(DataTypes.StringType)) return adverts;
    List<org.apache.spark.sql.Column> fields = new ArrayList<>();
    for (String c : columns) if (!c.equals(LINE)) fields.add(col(c));
    Dataset<Row> json = adverts.withColumn(VALUE, to_json(struct(fields.toArray(new org.apache.spark.sql.Column[0]))));
    return columns.contains(LINE) ? json.select(col(LINE), col(VALUE)) : json.select(col(VALUE));
  }

  private static Iterator<Row> scorePartition(Iterator<Row> rows, EngineSpec spec) {
    AdvertLineScorer scorer = new AdvertLineScorer(spec.engine());
    return new Iterator<>() {
      @Override public boolean hasNext() { return rows.hasNext(); }

      @Override public Row next() {
        Row r = rows.next();
        Long line = r.isNullAt(0) ? null : r.getLong(0);
        AdvertLineScorer.Result s = scorer.score(line == null ? 0 : line, r.isNullAt(1) ? "" : r.getString(1));
        return RowFactory.create(line, s.id(), s.json(), s.score(), s.band(),
            s.fired() == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(s.fired()).toSeq(), s.error());
      }
    };
  }

}
