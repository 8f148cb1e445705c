package io.winnow.engine;

import java.nio.file.Path;

/**
 * Where a run puts things. Every file of shard {@code i} has {@code part-<i>} in its name, so a shard's output
 * can be found, committed or cleaned as a unit.
 *
 * <pre>
 * run.json                      pipeline, fingerprint, inputs (size, mtime) and files the steps read
 * run.lock                      held by the run that is writing (pid, host); empty when none is
 * data/part-00000-000.jsonl.zst kept documents of shard 0 (rolled by output.max_file_bytes)
 * data/part-00000-of-00064.jsonl.zst  with output.shards / target_file_bytes: the kept documents re-partitioned
 *                                ({@code <output.split>-00000-of-00064.parquet} for Parquet, e.g. train-…)
 * shard-data/part-00000-000...   with re-partitioning: shard 0's kept documents until the output is written
 * completions/output            marker: the re-partitioned output is complete, with its files and sizes
 * excluded/part-00000-000.jsonl.zst dropped documents of shard 0 with their reason (output.excluded: true)
 * decisions/part-00000.jsonl.zst decision log of shard 0: one line per input record
 * stats/part-00000.json         statistics of shard 0
 * completions/part-00000        marker: shard 0 is complete, with its files and sizes (written last)
 * stats.json                    merged statistics of the run
 * README.md, dataset_info.json   the dataset card (DatasetCard): split, data files, features, counts, annotations
 * corpus/&lt;step&gt;/                   a corpus step's phases: observe/, observed/ markers, fitted state, fitted marker
 * corpus/&lt;step&gt;/stage/part-00000.zst  shard 0's records as the step's observe pass left them, for the next pass
 *                                (deleted once that pass has completed the shard)
 * </pre>
 */
public record RunLayout(Path root) {
  public Path data() { return root.resolve("data"); }
  /** Where shards write their kept documents before the output is re-partitioned. */
  public Path shardData() { return root.resolve("shard-data"); }
  public Path outputMarker() { return completions().resolve("output"); }
  public Path decisions() { return root.resolve("decisions"); }
  public Path excluded() { return root.resolve("excluded"); }
  public Path stats() { return root.resolve("stats"); }
  public Path completions() { return root.resolve("completions"); }
  public Path runJson() { return root.resolve("run.json"); }
  public Path statsJson() { return root.resolve("stats.json"); }

  /** The working directory of a corpus step (its observations and fitted state). */
  public Path corpusStep(String stepId) { return root.resolve("corpus").resolve(stepId); }

  /** The stage file of one shard written by a corpus step's observe pass (see StageFile). */
  public Path stage(String stepId, int shard) {
    return corpusStep(stepId).resolve("stage").resolve(shardName(shard) + ".zst");
  }

  public static String shardName(int shard) {
    return String.format("part-%05d", shard);
  }

  /**
   * A file of the shard named {@code shardName} ({@code part-10000}): {@code part-10000.…} or {@code part-10000-…}.
   * A bare prefix test would also take shard 100000's files once a run has that many inputs.
   */
  public static boolean isShardFile(String fileName, String shardName) {
    if (!fileName.startsWith(shardName) || fileName.length() == shardName.length()) return false;
    char next = fileName.charAt(shardName.length());
    return next == '.' || next == '-';
  }

  public Path decisionLog(int shard, String extension) {
    return decisions().resolve(shardName(shard) + ".jsonl" + extension);
  }

  public Path shardStats(int shard) {
    return stats().resolve(shardName(shard) + ".json");
  }

  public Path marker(int shard) {
    return completions().resolve(shardName(shard));
  }
}
