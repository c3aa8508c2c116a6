package org.redflag.spark;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph given as edges between {@code long} nodes, each node
 * labelled with the smallest node of its component: the labels linking needs, since a cluster is
 * named by its first member in input order (the smallest line number).
 *
 * <p>Min-label propagation with pointer jumping (the "hash-to-min" family of MapReduce algorithms;
 * Rastogi et al., "Finding Connected Components in Map-Reduce in Logarithmic Rounds", ICDE 2013).
 * Every node starts with its own number as label; each round, every node takes the smallest label
 * among its own and its neighbours', then the label of its label. Labels only decrease and are always
 * nodes of the node's own component, so the smallest node keeps its own label; a round that changes
 * nothing can only happen once labels agree along every edge, that is, once each component carries
 * its smallest node. Rounds are at most the largest component diameter plus one, fewer where pointer
 * jumping shortens chains; the edges linking builds are stars (every member of a group joined to the
 * group's smallest member), so components have small diameters. Adjacency and labels share one
 * partitioner, so a round shuffles only the messages; each round's labels are checkpointed locally so
 * the lineage does not grow with the rounds.
 */
final class ConnectedComponents {
  /** Rounds after which the job fails rather than loop: far beyond any diameter that star edges give. */
  static final int MAX_ROUNDS = 200;

  static final StructType LABELS = new StructType(new StructField[] {
      DataTypes.createStructField("v", DataTypes.LongType, false),
      DataTypes.createStructField("label", DataTypes.LongType, false)});

  private ConnectedComponents() {}

  /**
   * The label of every node that has an edge: columns {@code v} and {@code label} (the smallest node of
   * its component). {@code edges} has two long columns {@code a} and {@code b}. Nodes without an edge are
   * absent (they are their own components).
   */
  static Dataset<Row> labels(Dataset<Row> edges) {
    int parts = Math.max(1, edges.sparkSession().sparkContext().defaultParallelism());
    HashPartitioner by = new HashPartitioner(parts);
    JavaPairRDD<Long, Long> adjacency = edges.select("a", "b").javaRDD()
        .flatMapToPair(r -> {
          long a = r.getLong(0), b = r.getLong(1);
          return java.util.List.of(new Tuple2<>(a, b), new Tuple2<>(b, a)).iterator();
        })
        .filter(t -> !t._1().equals(t._2()))
        .partitionBy(by).persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, Long> labels = adjacency.mapToPair(t -> new Tuple2<>(t._1(), t._1())).reduceByKey(by, Math::min);
    labels.rdd().localCheckpoint();
    labels.count();
    for (int round = 1; ; round++) {
      if (round > MAX_ROUNDS) throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
      // each node sends its label to its neighbours (adjacency and labels are partitioned alike: no shuffle to join)
      JavaPairRDD<Long, Long> proposed = adjacency.join(labels, by).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
          .union(labels).reduceByKey(by, Math::min);
      // pointer jumping: a node takes the label of its label
      JavaPairRDD<Long, Long> jumped = proposed.mapToPair(t -> new Tuple2<>(t._2(), t._1())).join(proposed, by)
          .mapToPair(t -> new Tuple2<>(t._2()._1(), Math.min(t._1(), t._2()._2())))
          .partitionBy(by);
      jumped.rdd().localCheckpoint(); // kept (memory, else disk) and cut from its lineage when first computed
      long changed = jumped.join(labels, by).filter(t -> !t._2()._1().equals(t._2()._2())).count();
      labels = jumped;
      if (changed == 0) break;
    }
    adjacency.unpersist(false);
    return edges.sparkSession().createDataFrame(labels.map(t -> RowFactory.create(t._1(), t._2())), LABELS);
  }
}
