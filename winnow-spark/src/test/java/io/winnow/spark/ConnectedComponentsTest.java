package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** Large-star/small-star against a plain union-find, on graphs that stress it: long chains, stars, random. */
class ConnectedComponentsTest {
  private static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(SparkDefaults.apply(new SparkConf()).setMaster("local[2]").setAppName("winnow-cc")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    sc.close();
  }

  @Test
  void chainsStarsAndRandomGraphsMatchUnionFind() {
    List<Tuple2<Long, Long>> edges = new ArrayList<>();
    // a chain of 300 nodes numbered against the grain: the slowest case for label propagation
    for (long i = 0; i < 299; i++) edges.add(new Tuple2<>(10_000 - i, 10_000 - i - 1));
    // a star around a large node, and its leaves linked to a second star
    for (long i = 1; i <= 50; i++) {
      edges.add(new Tuple2<>(20_000L, 20_000 + i));
      edges.add(new Tuple2<>(20_000 + i, 30_000L + i % 3));
    }
    // random sparse graph with many small components, self-loops and repeated edges
    Random rnd = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      long a = 40_000 + rnd.nextInt(3_000), b = rnd.nextInt(10) == 0 ? a : 40_000 + rnd.nextInt(3_000);
      edges.add(new Tuple2<>(a, b));
    }
    edges.add(new Tuple2<>(40_001L, 40_002L));
    edges.add(new Tuple2<>(40_001L, 40_002L));

    Map<Long, Long> expected = unionFind(edges);
    Map<Long, Long> actual = new HashMap<>(ConnectedComponents.of(sc.parallelizePairs(edges, 4)).collectAsMap());
    // self-loop-only nodes are not in any edge between two nodes: union-find sees them as singletons
    expected.entrySet().removeIf(e -> edges.stream().noneMatch(x -> !x._1().equals(x._2()) && (x._1().equals(e.getKey()) || x._2().equals(e.getKey()))));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get(9_701L)).isEqualTo(9_701L);
    assertThat(actual.get(10_000L)).isEqualTo(9_701L);
  }

  @Test
  void noEdgesNoComponents() {
    assertThat(ConnectedComponents.of(sc.parallelizePairs(new ArrayList<Tuple2<Long, Long>>(), 2)).count()).isZero();
  }

  /** node → smallest node of its component */
  private static Map<Long, Long> unionFind(List<Tuple2<Long, Long>> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (Tuple2<Long, Long> e : edges) {
      long a = find(parent, e._1()), b = find(parent, e._2());
      if (a != b) parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new HashMap<>();
    for (long n : parent.keySet()) out.put(n, find(parent, n));
    return out;
  }

  private static long find(Map<Long, Long> parent, long x) {
    parent.putIfAbsent(x, x);
    while (parent.get(x) != x) x = parent.get(x);
    return x;
  }
}
