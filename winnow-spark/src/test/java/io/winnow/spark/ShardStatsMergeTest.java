package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.RunStats;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Statistics merged on executors, range by range, equal the driver's merge in shard order, also where order
 * matters: each reason's first example and the order in which steps first appear.
 */
class ShardStatsMergeTest {
  private static JavaSparkContext sc;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() {
    sc = EquivalenceTest.localSpark("winnow-stats-merge");
  }

  @AfterAll
  static void tearDown() {
    if (sc != null) sc.close();
  }

  /** Shard i: i documents, a rejection whose example names the shard, and a step seen first in shard i % 7. */
  private static RunStats shard(int i) {
    RunStats s = new RunStats();
    s.recordShard();
    for (int d = 0; d < i % 5; d++) s.recordDocument(10 + d, 2, -1);
    s.recordRejected("input.bad_json", "shard " + i + " line 1");
    if (i % 3 == 0) s.recordRejected("input.too_long", "shard " + i + " line 9");
    s.step("step-" + (i % 7)).recordDropped(5, 1, 0, "too_short");
    return s;
  }

  @Test
  void rangesMergedOnExecutorsGiveTheInOrderMerge() throws Exception {
    int n = 53;
    List<Tuple2<Integer, String>> byShard = new ArrayList<>();
    RunStats expected = new RunStats();
    for (int i = 0; i < n; i++) {
      byShard.add(new Tuple2<>(i, JSON.writeValueAsString(shard(i).toJson(JSON))));
      expected.merge(shard(i));
    }
    // shuffled across partitions, so that no ordering comes for free
    java.util.Collections.shuffle(byShard, new java.util.Random(7));
    JavaPairRDD<Integer, String> rdd = sc.parallelizePairs(byShard, 5);
    for (int fanIn : new int[] {2, 4, 1000}) {
      RunStats merged = ShardStatsMerge.merge(rdd, n, fanIn);
      assertThat(JSON.writeValueAsString(merged.toJson(JSON))).as("fan-in " + fanIn)
          .isEqualTo(JSON.writeValueAsString(expected.toJson(JSON)));
    }
    assertThat(expected.rejectedExample()).containsEntry("input.bad_json", "shard 0 line 1");
    assertThat(expected.steps().keySet()).first().isEqualTo("step-0");
  }
}
