package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.Tuple2;

/** Large-star/small-star against a plain union-find, on graphs that stress it: long chains, stars, random. */
class ConnectedComponentsTest {
  private static JavaSparkContext sc;

  @TempDir static Path checkpoints;
  private static FileSystem fs;

  @BeforeAll
  static void start() throws IOException {
    sc = new JavaSparkContext(SparkDefaults.apply(new SparkConf()).setMaster("local[2]").setAppName("winnow-cc")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
    sc.setCheckpointDir(checkpoints.toString());
    fs = FileSystem.getLocal(sc.hadoopConfiguration());
  }

  @AfterAll
  static void stop() {
    sc.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void chainsStarsAndRandomGraphsMatchUnionFind(int partitions) throws IOException {
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
    JavaPairRDD<Long, Long> result = ConnectedComponents.of(sc.parallelizePairs(edges, 4), partitions, fs);
    Map<Long, Long> actual = new HashMap<>(result.collectAsMap());
    // reliably checkpointed (recomputable after a lost executor), and only the result's checkpoint is left
    assertThat(result.rdd().isCheckpointed()).isTrue();
    assertThat(checkpointFiles()).containsExactly(result.rdd().getCheckpointFile().get().replaceFirst("^file:", ""));
    // with its cached blocks gone (as with a lost executor), the result is read back from its checkpoint
    result.unpersist(true);
    assertThat(new HashMap<>(result.collectAsMap())).isEqualTo(actual);
    fs.delete(new org.apache.hadoop.fs.Path(result.rdd().getCheckpointFile().get()), true);
    // self-loop-only nodes are not in any edge between two nodes: union-find sees them as singletons
    expected.entrySet().removeIf(e -> edges.stream().noneMatch(x -> !x._1().equals(x._2()) && (x._1().equals(e.getKey()) || x._2().equals(e.getKey()))));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get(9_701L)).isEqualTo(9_701L);
    assertThat(actual.get(10_000L)).isEqualTo(9_701L);
  }

  @Test
  void noEdgesNoComponents() throws IOException {
    assertThat(ConnectedComponents.of(sc.parallelizePairs(new ArrayList<Tuple2<Long, Long>>(), 2), 3, fs).count()).isZero();
  }

  /** The RDD checkpoint directories left under the context's checkpoint directory. */
  private static List<String> checkpointFiles() throws IOException {
    try (Stream<Path> s = Files.walk(checkpoints, 2)) {
      return s.filter(p -> p.getFileName().toString().startsWith("rdd-")).map(Path::toString).toList();
    }
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
