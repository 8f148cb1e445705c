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

  @Test
  void aFileNamesItsShard() {
    assertThat(HadoopFiles.shardOf("part-00042-001.jsonl.zst")).isEqualTo("part-00042");
    assertThat(HadoopFiles.shardOf(".part-100000.json.tmp")).isEqualTo("part-100000");
    assertThat(HadoopFiles.shardOf("part-00042")).isEqualTo("part-00042");
    assertThat(HadoopFiles.shardOf("part-.json")).isNull();
    assertThat(HadoopFiles.shardOf("_SUCCESS")).isNull();
  }

  @Test
  void cleaningManyShardsListsEachDirectoryOnceAndKeepsTheOthers(@TempDir Path run) throws Exception {
    Path data = Files.createDirectories(run.resolve("data"));
    for (String n : new String[] {"part-00001-000.jsonl.zst", ".part-00002-000.jsonl.zst.tmp", "part-00003-000.jsonl.zst",
        "part-100001-000.jsonl.zst"}) {
      Files.writeString(data.resolve(n), "x");
    }
    HadoopFiles.cleanShards(run.toUri().toString(), java.util.Set.of("part-00001", "part-00002", "part-10000"), new Configuration());
    try (Stream<Path> s = Files.list(data)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("part-00003-000.jsonl.zst", "part-100001-000.jsonl.zst");
    }
    assertThat(HadoopFiles.names(run.toUri().toString(), "completions", new Configuration())).isEmpty();
  }
}
