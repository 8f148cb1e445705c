package io.winnow.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.engine.RunLayout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * A corpus step's fitted decisions in the run directory, as the local engine keeps its fitted state there, so that
 * a resumed run reads them instead of fitting the step again, and so that the final pass reads them from files
 * (a short lineage that survives a lost executor) rather than from the stages that computed them:
 *
 * <pre>
 * corpus/&lt;step&gt;/fit/part-00042   shard 42's decisions (gzip; entries by {@link ShardDecisionsCodec}); shards
 *                                 without decisions have no file
 * corpus/&lt;step&gt;/fit/done         written last: the pipeline's fingerprint, the codec, the fit's figures and the
 *                                 decisions every shard without a file gets
 * corpus/&lt;step&gt;/checkpoint/      the connected components' checkpoints while the step is fitted
 * </pre>
 *
 * Every file is written under a temporary name and renamed.
 */
final class FitStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DONE = "done";

  private final String destRun;
  private final String stepId;

  FitStore(String destRun, String stepId) {
    this.destRun = destRun;
    this.stepId = stepId;
  }

  /** The fit directory, relative to the run directory. */
  String dir() {
    return "corpus/" + stepId + "/fit";
  }

  /** Where the connected components checkpoint their rounds (a Hadoop path). */
  String checkpointDir() {
    return new Path(destRun, "corpus/" + stepId + "/checkpoint").toString();
  }

  /** The fit's result as a finished fit with this fingerprint left it, or null when there is none. */
  CorpusStages.Result load(JavaSparkContext sc, String fingerprint, Broadcast<HadoopConf> hadoop, int partitions) throws IOException {
    Configuration conf = sc.hadoopConfiguration();
    if (!HadoopFiles.exists(destRun, dir() + "/" + DONE, conf)) return null;
    JsonNode done = JSON.readTree(HadoopFiles.read(destRun, dir() + "/" + DONE, conf));
    if (!fingerprint.equals(done.path("fingerprint").asText())) return null;
    String kind = done.path("kind").asText();
    ShardDecisions whenAbsent = decode(done.path("when_absent").asText());
    Map<String, Object> stats = JSON.convertValue(done.path("stats"), new TypeReference<LinkedHashMap<String, Object>>() {});
    List<Integer> shards = new ArrayList<>();
    Path d = new Path(destRun, dir());
    for (FileStatus st : HadoopFiles.fs(destRun, conf).listStatus(d)) {
      String n = st.getPath().getName();
      if (n.startsWith("part-")) shards.add(Integer.parseInt(n.substring("part-".length())));
    }
    shards.sort(null);
    ShardDecisionsCodec<?> codec = shards.isEmpty() ? null : codec(kind);
    String run = destRun;
    String fitDir = dir();
    JavaPairRDD<Integer, ShardDecisions> byShard = sc.parallelize(shards, Math.max(1, Math.min(partitions, shards.size())))
        .mapToPair(i -> new Tuple2<>(i, readShard(run, fitDir, i, codec, hadoop.value().get())));
    return new CorpusStages.Result(byShard, whenAbsent, stats);
  }

  /** Removes what an unfinished fit left (its decisions, its checkpoints), before the step is fitted again. */
  void clear(Configuration conf) throws IOException {
    FileSystem fs = HadoopFiles.fs(destRun, conf);
    fs.delete(new Path(destRun, dir()), true);
    deleteCheckpoints(conf);
  }

  void deleteCheckpoints(Configuration conf) throws IOException {
    HadoopFiles.fs(destRun, conf).delete(new Path(checkpointDir()), true);
  }

  /**
   * Writes the entries of every shard to the shard's file, streamed: sorted by shard within each of
   * {@code partitions} tasks, a file per shard written as its entries go by.
   */
  static <E> void writeByShard(JavaPairRDD<Integer, E> entries, ShardDecisionsCodec<E> codec, int partitions, Broadcast<HadoopConf> hadoop,
      String destRun, String fitDir) {
    entries.repartitionAndSortWithinPartitions(new HashPartitioner(partitions)).foreachPartition(it -> {
      FileSystem fs = HadoopFiles.fs(destRun, hadoop.value().get());
      long attempt = TaskContext.get() != null ? TaskContext.get().taskAttemptId() : 0;
      ShardWriter<E> w = null;
      while (it.hasNext()) {
        Tuple2<Integer, E> x = it.next();
        if (w == null || w.shard != x._1()) {
          if (w != null) w.commit();
          w = new ShardWriter<>(fs, new Path(destRun, fitDir), x._1(), attempt, codec);
        }
        w.add(x._2());
      }
      if (w != null) w.commit();
    });
  }

  /** Written last: the fit is complete. */
  /** @param kind the {@link ShardDecisionsCodec#kind} of the shards' files */
  void commit(Configuration conf, String fingerprint, String kind, ShardDecisions whenAbsent, Map<String, Object> stats) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("fingerprint", fingerprint);
    n.put("step", stepId);
    n.put("kind", kind);
    n.set("stats", JSON.valueToTree(stats));
    n.put("when_absent", encode(whenAbsent));
    HadoopFiles.write(destRun, dir() + "/" + DONE, JSON.writeValueAsBytes(n), conf);
  }

  /** Every codec a marker can name. */
  static ShardDecisionsCodec<?> codec(String kind) {
    for (ShardDecisionsCodec<?> c : List.of(ShardRemovals.CODEC, ShardRebalance.CODEC)) if (c.kind().equals(kind)) return c;
    throw new IllegalStateException("fitted decisions of an unknown kind: " + kind);
  }

  private static ShardDecisions readShard(String destRun, String fitDir, int shard, ShardDecisionsCodec<?> codec, Configuration conf)
      throws IOException {
    Path p = new Path(new Path(destRun, fitDir), RunLayout.shardName(shard));
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(HadoopFiles.fs(destRun, conf).open(p), 1 << 16)))) {
      return codec.read(in);
    } catch (IOException e) {
      throw new IOException(p + ": cannot read the fitted decisions: " + e.getMessage(), e);
    }
  }

  /** The decisions shared by every shard (small: the corpus-wide capped projects), Java-serialised in the marker. */
  private static String encode(ShardDecisions d) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
      out.writeObject(d);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static ShardDecisions decode(String s) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(s))))) {
      return (ShardDecisions) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("fitted decisions of an unknown class: " + e.getMessage(), e);
    }
  }

  /** One shard's file, under a temporary name of this task attempt until it is complete. */
  private static final class ShardWriter<E> {
    final int shard;
    private final FileSystem fs;
    private final Path dst;
    private final Path tmp;
    private final DataOutputStream out;
    private final ShardDecisionsCodec<E> codec;

    ShardWriter(FileSystem fs, Path dir, int shard, long attempt, ShardDecisionsCodec<E> codec) throws IOException {
      this.fs = fs;
      this.shard = shard;
      this.codec = codec;
      this.dst = new Path(dir, RunLayout.shardName(shard));
      this.tmp = new Path(dir, "." + dst.getName() + "." + attempt + ".tmp");
      this.out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(fs.create(tmp, true), 1 << 16), 1 << 16));
    }

    void add(E e) throws IOException {
      codec.write(out, e);
    }

    void commit() throws IOException {
      out.close();
      fs.delete(dst, false);
      if (!fs.rename(tmp, dst)) throw new IOException("cannot rename " + tmp + " to " + dst);
    }
  }
}
