package org.redflag.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.identifier.IdentifierMention;
import org.redflag.identifier.IdentifierType;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.link.AdvertLink;
import org.redflag.link.ClusterMember;
import org.redflag.link.ClusterSummary;
import org.redflag.link.JoinRule;
import org.redflag.link.LinkJson;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;
import org.redflag.link.Linker;
import org.redflag.link.TemplateFeatures;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code redflag link} on Spark, with the same LINKS lines. Steps (each a Spark stage; nothing is
 * collected on the driver):
 *
 * <ol>
 *   <li><b>Assess</b> every line with the spec's engine (one per executor JVM): its identifiers (keyed
 *       hashes, each advert once) and the LSH band keys of its {@link TemplateFeatures}; a line that is
 *       not a valid advert keeps the command's error record.
 *   <li><b>Blocks</b>: adverts that share a band key, joined transitively (connected components). A
 *       {@link Linker}'s template for an advert depends only on earlier adverts of its block (the
 *       locality its documentation states), so one {@link Linker} per block, fed the block's adverts
 *       in input order, assigns exactly the templates {@code redflag link} assigns: the candidate and
 *       confirmation rule is the linker's own, not a copy.
 *   <li><b>Identifiers</b>: the adverts of each identifier hash are counted; a hub ({@link
 *       LinkOptions#isHub}) is not used to join, the others join the adverts in which a mention of
 *       them may join ({@link JoinRule}).
 *   <li><b>Clusters</b>: connected components over template and identifier joins, labelled by the
 *       smallest line, and named by {@link AdvertLink#of} as the linker names them.
 * </ol>
 */
final class SparkLinking {
  /** One assessed line: its identifiers and band keys, or its error record. */
  static final StructType ASSESSED = new StructType(new StructField[] {
      DataTypes.createStructField("line", DataTypes.LongType, false),
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("error", DataTypes.StringType, true),
      DataTypes.createStructField("text", DataTypes.StringType, true),
      DataTypes.createStructField("keys", DataTypes.createArrayType(DataTypes.LongType, false), true),
      DataTypes.createStructField("hashes", DataTypes.createArrayType(DataTypes.createStructType(new StructField[] {
          DataTypes.createStructField("hash", DataTypes.StringType, false),
          DataTypes.createStructField("joins", DataTypes.BooleanType, false)}), false), true),
      DataTypes.createStructField("mentions", DataTypes.createArrayType(DataTypes.createStructType(new StructField[] {
          DataTypes.createStructField("type", DataTypes.StringType, false),
          DataTypes.createStructField("hash", DataTypes.StringType, false),
          DataTypes.createStructField("start", DataTypes.IntegerType, false),
          DataTypes.createStructField("end", DataTypes.IntegerType, false),
          DataTypes.createStructField("field", DataTypes.StringType, true)}), false), true),
      DataTypes.createStructField("prices", DataTypes.createArrayType(DataTypes.StringType, false), true),
      DataTypes.createStructField("member", DataTypes.BinaryType, true)});

  /** A template join (first member's line, member's line) with the member's {@link ClusterMember.TemplateMembership}, serialised. */
  static final StructType TEMPLATE_EDGES = new StructType(new StructField[] {
      DataTypes.createStructField("a", DataTypes.LongType, false),
      DataTypes.createStructField("b", DataTypes.LongType, false),
      DataTypes.createStructField("membership", DataTypes.BinaryType, false)});

  /** One CLUSTERS line: the cluster's first line and the line {@code redflag link --clusters} writes. */
  static final StructType CLUSTERS = new StructType(new StructField[] {
      DataTypes.createStructField("line", DataTypes.LongType, false),
      DataTypes.createStructField("json", DataTypes.StringType, false)});

  static final StructType LINKED = new StructType(new StructField[] {
      DataTypes.createStructField("line", DataTypes.LongType, false),
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("json", DataTypes.StringType, false),
      DataTypes.createStructField("error", DataTypes.StringType, true)});

  private SparkLinking() {}

  /**
   * The LINKS rows ({@code line, id, json, error}) in line order, one per input row, and the CLUSTERS
   * rows ({@code line, json}: one per cluster of two or more, by first member's line); both plans share
   * one assessment of the input (persisted).
   */
  static RedflagSpark.Linked link(Dataset<Row> lines, EngineSpec spec, LinkOptions options) {
    Dataset<Row> assessed = lines.mapPartitions((MapPartitionsFunction<Row, Row>) it -> assess(it, spec), Encoders.row(ASSESSED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> valid = assessed.filter(col("error").isNull());

    // blocks: adverts sharing a band key, each key a star from its smallest line
    Dataset<Row> keyed = valid.select(col("line"), explode(col("keys")).as("key"));
    Dataset<Row> keyRoots = keyed.groupBy("key").agg(min("line").as("a"));
    Dataset<Row> blocks = ConnectedComponents.labels(keyed.join(keyRoots, "key").select(col("a"), col("line").as("b")));

    // templates: one linker per block of two or more adverts, in input order
    Dataset<Row> inBlocks = valid.join(blocks.withColumnRenamed("v", "line").withColumnRenamed("label", "block"), "line");
    Dataset<Row> templateEdges = inBlocks.select(col("block"), col("line"), col("id"), col("text"), col("mentions"), col("prices"))
        .repartition(col("block")).sortWithinPartitions("block", "line")
        .mapPartitions((MapPartitionsFunction<Row, Row>) it -> templates(it, options), Encoders.row(TEMPLATE_EDGES))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // identifiers: a hash used by more adverts than the hub threshold (all of them counted) joins none; another
    // joins the adverts where a mention of it may join (JoinRule), when there are two or more, as a star from the smallest line
    Dataset<Row> byHash = valid.select(col("line"), explode(col("hashes")).as("h"))
        .select(col("line"), col("h.hash").as("hash"), col("h.joins").as("joins"));
    Dataset<Row> hashUse = byHash.groupBy("hash").agg(count(lit(1)).as("n"), count(when(col("joins"), lit(1))).as("joiners"),
        min(when(col("joins"), col("line"))).as("a"));
    Dataset<Row> joining = hashUse.filter(col("joiners").geq(2)).filter(
        (org.apache.spark.api.java.function.FilterFunction<Row>) r -> !options.isHub((int) Math.min(Integer.MAX_VALUE, r.<Long>getAs("n"))));
    Dataset<Row> idEdges = byHash.filter(col("joins")).join(joining, "hash").select(col("a"), col("line").as("b"));
    Dataset<Row> byIdentifier = idEdges.select(col("b").as("line")).distinct().withColumn("byIdentifier", lit(true));

    // clusters: components over both kinds of join, named by their smallest line
    Dataset<Row> cluster = ConnectedComponents.labels(templateEdges.select(col("a"), col("b")).union(idEdges))
        .withColumnRenamed("v", "line").withColumnRenamed("label", "root");
    // every member of a template, its first member included, has an edge (first, member)
    Dataset<Row> template = templateEdges.select(col("b").as("line"), col("a").as("tfirst"));
    Dataset<Row> ids = valid.select(col("line"), col("id"));
    Dataset<Row> joined = leftJoin(leftJoin(leftJoin(ids, cluster, "line"), template, "line"), byIdentifier, "line")
        .withColumn("root", org.apache.spark.sql.functions.coalesce(col("root"), col("line")));
    Dataset<Row> sizes = joined.groupBy("root").agg(count(lit(1)).as("size"));
    Dataset<Row> named = leftJoin(joined.join(sizes, "root").join(ids.select(col("line").as("root"), col("id").as("rootId")), "root"),
        ids.select(col("line").as("tfirst"), col("id").as("tfirstId")), "tfirst");
    Dataset<Row> links = named.map((MapFunction<Row, Row>) r -> {
      Boolean byId = r.getAs("byIdentifier");
      AdvertLink l = AdvertLink.of(r.getAs("id"), r.getAs("rootId"), (int) (long) r.<Long>getAs("size"), byId != null && byId,
          r.getAs("tfirstId"));
      return RowFactory.create(r.<Long>getAs("line"), l.id(), LinkJson.line(LinkJson.toJson(l)), null);
    }, Encoders.row(LINKED));
    Dataset<Row> errors = assessed.filter(col("error").isNotNull()).select(col("line"), col("id"), col("error").as("json"), col("error"));

    // CLUSTERS: each cluster of two or more, its members' facts in line order, summarised by the linker's own rule
    Dataset<Row> facts = leftJoin(named.filter(col("size").geq(2)).select(col("root"), col("line"))
        .join(valid.select(col("line"), col("member")), "line"), templateEdges.select(col("b").as("line"), col("membership")), "line");
    Dataset<Row> clusters = facts
        .groupByKey((MapFunction<Row, Long>) r -> r.getAs("root"), Encoders.LONG())
        .mapGroups((org.apache.spark.api.java.function.MapGroupsFunction<Long, Row, Row>) SparkLinking::summary, Encoders.row(CLUSTERS))
        .orderBy("line");
    return new RedflagSpark.Linked(links.union(errors.select(col("line"), col("id"), col("json"), col("error"))).orderBy("line"), clusters);
  }

  /** One cluster's CLUSTERS row from its members' rows ({@code line, member, membership}), in any order. */
  private static Row summary(Long root, Iterator<Row> rows) {
    java.util.TreeMap<Long, ClusterMember> byLine = new java.util.TreeMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      ClusterMember m = (ClusterMember) deserialise(r.getAs("member"));
      byte[] t = r.getAs("membership");
      byLine.put(r.getAs("line"), t == null ? m : m.withTemplate((ClusterMember.TemplateMembership) deserialise(t)));
    }
    return RowFactory.create(root, LinkJson.line(LinkJson.toJson(ClusterSummary.of(new ArrayList<>(byLine.values())))));
  }

  static byte[] serialise(java.io.Serializable o) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(b)) {
      out.writeObject(o);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static Object deserialise(byte[] bytes) {
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cluster facts written by another Redflag version: " + e.getMessage(), e);
    }
  }

  private static Iterator<Row> assess(Iterator<Row> rows, EngineSpec spec) {
    RiskEngine engine = spec.engine();
    return new Iterator<>() {
      @Override public boolean hasNext() { return rows.hasNext(); }

      @Override public Row next() {
        Row r = rows.next();
        long line = r.isNullAt(0) ? 0 : r.getLong(0);
        JsonNode node = null;
        try {
          node = AdvertLine.object(r.isNullAt(1) ? "" : r.getString(1));
          Advert advert = AdvertJson.read(node);
          Assessment a = engine.assess(advert);
          List<IdentifierMention> ms = a.identifiers();
          TemplateFeatures features = TemplateFeatures.of(advert.text(), ms);
          long[] keys = features.bandKeys();
          Map<String, Boolean> joins = new LinkedHashMap<>(); // each hash once per advert: joins if any of its mentions may
          List<Row> mentions = new ArrayList<>(ms.size());
          for (IdentifierMention m : ms) {
            joins.merge(m.hash(), JoinRule.joinable(advert, m), Boolean::logicalOr);
            mentions.add(RowFactory.create(m.type().name(), m.hash(), m.start(), m.end(), m.field()));
          }
          List<Row> hashes = new ArrayList<>(joins.size());
          joins.forEach((h, j) -> hashes.add(RowFactory.create(h, j)));
          Long[] boxed = new Long[keys.length];
          for (int i = 0; i < keys.length; i++) boxed[i] = keys[i];
          return RowFactory.create(line, advert.id(), null, advert.text(), seq(List.of(boxed)), seq(hashes), seq(mentions),
              seq(Linker.priceLabels(a.prices())), serialise(ClusterMember.of(advert, a, features)));
        } catch (RuntimeException | StackOverflowError e) { // as the command: any failure of a line is its error record
          return RowFactory.create(line, AdvertJson.idForErrors(node), AdvertLine.errorRecord(line, node, AdvertLine.describe(e)), null, null, null, null,
              null, null);
        }
      }
    };
  }

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> l) { return CollectionConverters.asScala(l).toList(); }

  private static Dataset<Row> leftJoin(Dataset<Row> left, Dataset<Row> right, String column) {
    return left.join(right, seq(List.of(column)), "left");
  }

  /**
   * The template joins of one partition's blocks (rows sorted by block, then line): each block goes
   * through its own {@link Linker}, whose adverts are named by their line numbers so that its
   * template ids ({@code t-} and the first member's name) give the first member's line. Emits (first
   * line, line, membership) for every member of a template of two or more, the membership (template
   * and edit) named with advert ids again.
   */
  private static Iterator<Row> templates(Iterator<Row> rows, LinkOptions options) {
    List<Row> out = new ArrayList<>();
    Linker linker = null;
    List<Long> members = new ArrayList<>();
    Map<String, String> idOfLine = new java.util.HashMap<>();
    long block = Long.MIN_VALUE;
    while (rows.hasNext()) {
      Row r = rows.next();
      long b = r.getLong(0);
      if (linker == null || b != block) {
        if (linker != null) finish(linker, members, idOfLine, out);
        linker = Linker.create(options);
        members.clear();
        idOfLine.clear();
        block = b;
      }
      long line = r.getLong(1);
      idOfLine.put(Long.toString(line), r.getString(2));
      List<Row> ms = r.getList(4);
      List<IdentifierMention> mentions = new ArrayList<>(ms.size());
      for (Row m : ms) {
        mentions.add(new IdentifierMention(IdentifierType.valueOf(m.getString(0)), m.getString(1), m.getInt(2), m.getInt(3),
            m.isNullAt(4) ? null : m.getString(4)));
      }
      linker.add(Advert.builder(Long.toString(line), r.getString(3)).build(), mentions, r.getList(5));
      members.add(line);
    }
    if (linker != null) finish(linker, members, idOfLine, out);
    return out.iterator();
  }

  private static void finish(Linker linker, List<Long> members, Map<String, String> idOfLine, List<Row> out) {
    LinkResult result = linker.finish();
    List<ClusterMember.TemplateMembership> memberships = linker.memberships();
    for (int i = 0; i < members.size(); i++) {
      String t = result.links().get(i).template();
      if (t != null) {
        out.add(RowFactory.create(Long.parseLong(t.substring(2)), members.get(i), serialise(memberships.get(i).renamed(idOfLine::get))));
      }
    }
  }
}
