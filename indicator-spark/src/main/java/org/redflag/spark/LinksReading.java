package org.redflag.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.redflag.cli.LinkRecords;
import org.redflag.io.AdvertLine;

/**
 * Reads {@code redflag link}'s LINKS lines for the report, by the rules of {@code redflag report --links}
 * ({@link LinkRecords}): a record gives an advert id its cluster size; an error record of link is
 * counted and skipped; any other line is a usage error naming its line and JSON path.
 */
final class LinksReading {
  static final StructType READ = new StructType(new StructField[] {
      DataTypes.createStructField("line", DataTypes.LongType, false),
      DataTypes.createStructField("linkId", DataTypes.StringType, true),
      DataTypes.createStructField("clusterSize", DataTypes.IntegerType, true),
      DataTypes.createStructField("errorRecord", DataTypes.BooleanType, false),
      DataTypes.createStructField("problem", DataTypes.StringType, true)});

  private LinksReading() {}

  /** One row per non-blank LINKS line: (line, id, size) of a record, an error record, or the problem of a bad line. */
  static Dataset<Row> clusterSizes(Dataset<Row> links) {
    Dataset<Row> in = RedflagSpark.asJsonLines(links);
    boolean numbered = java.util.List.of(in.columns()).contains(RedflagSpark.LINE);
    Dataset<Row> read = in.select(numbered ? col(RedflagSpark.LINE) : org.apache.spark.sql.functions.lit(0L).as(RedflagSpark.LINE),
            col(RedflagSpark.VALUE))
        .filter((org.apache.spark.api.java.function.FilterFunction<Row>) r -> !r.isNullAt(1) && !r.getString(1).isBlank())
        .map((MapFunction<Row, Row>) r -> read(r.isNullAt(0) ? 0 : r.getLong(0), r.getString(1)), Encoders.row(READ))
        .cache();
    Dataset<Row> bad = read.filter(col("problem").isNotNull()).orderBy("line").limit(1);
    for (Row b : bad.collectAsList()) {
      throw new IllegalArgumentException("--links line " + b.getLong(0) + ": " + b.getString(4));
    }
    return read;
  }

  static long errorRecords(Dataset<Row> read) { return read.filter(col("errorRecord")).count(); }

  /** (linkId, clusterSize): each id once, with the size of its last record (the command's map keeps the last). */
  static Dataset<Row> lastPerId(Dataset<Row> read) {
    return read.filter(col("linkId").isNotNull()).groupBy("linkId").agg(max_by(col("clusterSize"), col("line")).as("clusterSize"));
  }

  private static Row read(long line, String text) {
    try {
      java.util.Map.Entry<String, Integer> record = LinkRecords.read(AdvertLine.object(text));
      if (record == null) return RowFactory.create(line, null, null, true, null);
      return RowFactory.create(line, record.getKey(), record.getValue(), false, null);
    } catch (RuntimeException e) {
      return RowFactory.create(line, null, null, false, AdvertLine.describe(e));
    }
  }
}
