package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleaning a shard before it is redone must not touch another shard's files, past 100,000 inputs too. */
class HadoopFilesTest {
  @Test
  void aShardsFilesAreItsOwnOnly() {
    assertThat(HadoopFiles.belongsToShard("part-10000.jsonl.zst", "part-10000")).isTrue();
    assertThat(HadoopFiles.belongsToShard("part-10000-001.jsonl.zst", "part-10000")).isTrue();
    assertThat(HadoopFiles.belongsToShard(".part-10000-000.jsonl.zst.tmp", "part-10000")).isTrue();
    assertThat(HadoopFiles.belongsToShard("part-10000", "part-10000")).isTrue();
    assertThat(HadoopFiles.belongsToShard("part-100000.jsonl.zst", "part-10000")).isFalse();
    assertThat(HadoopFiles.belongsToShard("part-100001-000.jsonl.zst", "part-10000")).isFalse();
    assertThat(HadoopFiles.belongsToShard(".part-100000.json", "part-10000")).isFalse();
  }

  @Test
  void cleaningShard10000KeepsShard100000(@TempDir Path run) throws Exception {
    for (String dir : new String[] {"data", "decisions", "stats"}) {
      Files.createDirectories(run.resolve(dir));
      Files.writeString(run.resolve(dir).resolve("part-10000-000.jsonl.zst"), "x");
      Files.writeString(run.resolve(dir).resolve("part-100000-000.jsonl.zst"), "y");
      Files.writeString(run.resolve(dir).resolve("part-100001.json"), "z");
    }
    HadoopFiles.cleanShard(run.toUri().toString(), "part-10000", new Configuration());
    for (String dir : new String[] {"data", "decisions", "stats"}) {
      try (Stream<Path> s = Files.list(run.resolve(dir))) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("part-100000-000.jsonl.zst", "part-100001.json");
      }
    }
  }
}
