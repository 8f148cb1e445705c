package io.winnow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.RunStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * Merges the shards' statistics on the executors, so the driver receives a few partial sums instead of every
 * shard's (2.5–5 KB each: a single collect reached spark.driver.maxResultSize at a few hundred thousand files).
 * A merge is only associative in shard order (the first rejection example of a reason wins, steps and groups keep
 * their first-seen order), so each round groups consecutive shard ranges of {@code fanIn} and merges each range in
 * index order; the driver merges the last round's ranges in order. The result is the same object the local
 * engine's in-order merge gives. Past {@code fanIn} shards the final pass is the map side of a shuffle: a lost
 * executor's map outputs are recomputed, which runs those shards' final pass again (the same files, uploaded under
 * temporary names and renamed, so the run directory is unchanged; only the progress accumulators count twice).
 */
final class ShardStatsMerge {
  /** Ranges merged per task; 1,000 shards' statistics are a few MB. */
  static final int FAN_IN = 1000;

  private ShardStatsMerge() {}

  /** @param byShard each shard's statistics as JSON, keyed by shard index */
  static RunStats merge(JavaPairRDD<Integer, String> byShard, long shards, int fanIn) {
    JavaPairRDD<Integer, String> level = byShard;
    long ranges = shards;
    while (ranges > fanIn) {
      int partitions = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ranges + fanIn - 1) / fanIn));
      // a key names a range of consecutive shards; the next round's key covers fanIn of those ranges
      level = level.mapToPair(x -> new Tuple2<>(x._1() / fanIn, new Tuple2<>(x._1(), x._2())))
          .groupByKey(partitions)
          .mapValues(ShardStatsMerge::inOrder);
      ranges = partitions;
    }
    List<Tuple2<Integer, String>> rest = new ArrayList<>(level.collect());
    rest.sort((a, b) -> Integer.compare(a._1(), b._1()));
    RunStats total = new RunStats();
    for (Tuple2<Integer, String> r : rest) total.merge(parse(r._2()));
    return total;
  }

  private static String inOrder(Iterable<Tuple2<Integer, String>> parts) {
    List<Tuple2<Integer, String>> sorted = new ArrayList<>();
    parts.forEach(sorted::add);
    sorted.sort((a, b) -> Integer.compare(a._1(), b._1()));
    RunStats sum = new RunStats();
    for (Tuple2<Integer, String> p : sorted) sum.merge(parse(p._2()));
    try {
      return JSON.writeValueAsString(sum.toJson(JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static RunStats parse(String json) {
    try {
      return RunStats.fromJson(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable shard statistics: " + e.getMessage(), e);
    }
  }
}
