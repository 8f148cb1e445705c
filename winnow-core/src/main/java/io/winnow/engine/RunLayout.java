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
 * excluded/part-00000-000.jsonl.zst dropped documents of shard 0 with their reason (output.excluded: true)
 * decisions/part-00000.jsonl.zst decision log of shard 0: one line per input record
 * stats/part-00000.json         statistics of shard 0
 * completions/part-00000        marker: shard 0 is complete, with its files and sizes (written last)
 * stats.json                    merged statistics of the run
 * corpus/&lt;step&gt;/                   a corpus step's phases: observe/, observed/ markers, fitted state, fitted marker
 * </pre>
 */
public record RunLayout(Path root) {
  public Path data() { return root.resolve("data"); }
  public Path decisions() { return root.resolve("decisions"); }
  public Path excluded() { return root.resolve("excluded"); }
  public Path stats() { return root.resolve("stats"); }
  public Path completions() { return root.resolve("completions"); }
  public Path runJson() { return root.resolve("run.json"); }
  public Path statsJson() { return root.resolve("stats.json"); }

  /** The working directory of a corpus step (its observations and fitted state). */
  public Path corpusStep(String stepId) { return root.resolve("corpus").resolve(stepId); }

  public static String shardName(int shard) {
    return String.format("part-%05d", shard);
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
