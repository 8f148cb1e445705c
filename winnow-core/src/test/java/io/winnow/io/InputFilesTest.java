package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  @Test
  void filesDirectoriesAndGlobsExpandSortedAndOnce() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    for (String f : List.of("x.jsonl", "a/y.jsonl.gz", "a/b/z.jsonl", "a/b/notes.txt")) Files.writeString(dir.resolve(f), "{}");
    assertThat(InputFiles.expand(List.of(dir + "/a/**/*.jsonl", dir + "/x.jsonl", dir + "/a/b/z.jsonl")))
        .containsExactly(dir.resolve("a/b/z.jsonl"), dir.resolve("x.jsonl"));
    assertThat(InputFiles.expand(List.of(dir.resolve("a").toString())))
        .containsExactly(dir.resolve("a/b/notes.txt"), dir.resolve("a/b/z.jsonl"), dir.resolve("a/y.jsonl.gz"));
    assertThatThrownBy(() -> InputFiles.expand(List.of(dir + "/none/*.jsonl"))).hasMessageContaining("matches no file");
  }

  @Test
  void formatsFromFileNames() {
    assertThat(InputFiles.formatOf(Path.of("a.jsonl.zst"))).isEqualTo("jsonl");
    assertThat(InputFiles.formatOf(Path.of("CC-MAIN-x.warc.wet.gz"))).isEqualTo("wet");
    assertThat(InputFiles.formatOf(Path.of("CC-MAIN-x.warc.gz"))).isEqualTo("warc");
    assertThat(InputFiles.formatOf(Path.of("notes.txt"))).isNull();
  }
}
