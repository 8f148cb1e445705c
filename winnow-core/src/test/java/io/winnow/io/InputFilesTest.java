package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.winnow.io.Rejection.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    assertThat(InputFiles.formatOf(Path.of("x.warc.bz2"))).isEqualTo("warc");
    assertThat(InputFiles.formatOf(Path.of("x.jsonl.xz"))).isEqualTo("jsonl");
    assertThat(InputFiles.formatOf(Path.of("x.jsonl.lz4"))).isEqualTo("jsonl");
    assertThat(InputFiles.formatOf(Path.of("notes.txt"))).isEqualTo("text");
    assertThat(InputFiles.formatOf(Path.of("page.html.gz"))).isEqualTo("html");
    assertThat(InputFiles.formatOf(Path.of("table.tsv"))).isEqualTo("tsv");
    assertThat(InputFiles.formatOf(Path.of("notes.unknown"))).isNull();
  }

  @Test
  void symlinkedFoldersAreFollowedAndLoopsWalkedOnce() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/deep"));
    Files.writeString(data.resolve("a.jsonl"), "{}");
    Files.writeString(elsewhere.resolve("b.jsonl"), "{}");
    Files.createSymbolicLink(data.resolve("linked"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(elsewhere.resolve("loop"), data); // elsewhere/deep/loop -> data -> linked -> elsewhere ...
    InputFiles.Expansion e = InputFiles.scan(List.of(data.toString()));
    assertThat(e.files()).containsExactly(data.resolve("a.jsonl"), data.resolve("linked/deep/b.jsonl"));
    assertThat(e.unreadable()).isEmpty();
    assertThat(InputFiles.expand(List.of(data + "/**/*.jsonl"))).containsExactly(data.resolve("linked/deep/b.jsonl"));
  }

  @Test
  void aFileReachedByTwoPathsIsReadOnce() throws Exception {
    Files.writeString(dir.resolve("x.jsonl"), "{}");
    Files.createSymbolicLink(dir.resolve("y.jsonl"), dir.resolve("x.jsonl"));
    assertThat(InputFiles.expand(List.of(dir.toString(), dir + "/x.jsonl"))).containsExactly(dir.resolve("x.jsonl"));
  }

  @Test
  void brokenSymlinkIsOneRejectionNamingThePath() throws Exception {
    Files.writeString(dir.resolve("good.jsonl"), "{}");
    Files.createSymbolicLink(dir.resolve("gone.jsonl"), dir.resolve("deleted.jsonl"));
    InputFiles.Expansion e = InputFiles.scan(List.of(dir.toString()));
    assertThat(e.files()).containsExactly(dir.resolve("good.jsonl"));
    assertThat(e.unreadable()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(Reason.UNREADABLE);
      assertThat(r.location()).isEqualTo(dir.resolve("gone.jsonl").toString());
      assertThat(r.detail()).contains("broken symbolic link").contains("deleted.jsonl");
    });
    // expand, which has no way to count it, refuses to go on without it, naming it
    assertThatThrownBy(() -> InputFiles.expand(List.of(dir.toString())))
        .hasMessageContaining(dir.resolve("gone.jsonl").toString()).hasMessageContaining("broken symbolic link");
    // a glob that does not match it is not concerned
    assertThat(InputFiles.expand(List.of(dir + "/good*"))).containsExactly(dir.resolve("good.jsonl"));
  }

  @Test
  void fifoInAFolderIsOneRejectionNamingThePath() throws Exception {
    Files.writeString(dir.resolve("good.jsonl"), "{}");
    Path fifo = dir.resolve("pipe.jsonl");
    boolean made;
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
      made = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      made = false;
    }
    assumeTrue(made && Files.exists(fifo), "skipped: mkfifo is not available here");
    InputFiles.Expansion e = InputFiles.scan(List.of(dir.toString()));
    assertThat(e.files()).containsExactly(dir.resolve("good.jsonl"));
    assertThat(e.unreadable()).singleElement().satisfies(r -> {
      assertThat(r.location()).isEqualTo(fifo.toString());
      assertThat(r.detail()).contains("a FIFO");
    });
    assertThatThrownBy(() -> InputFiles.expand(List.of(dir.toString()))).hasMessageContaining(fifo.toString());
  }

  @Test
  void unreadableFolderIsOneRejectionNotAStackTrace() throws Exception {
    Files.writeString(dir.resolve("good.jsonl"), "{}");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("hidden.jsonl"), "{}");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(locked), "skipped: a folder with permissions 000 is still readable here (running as root)");
      InputFiles.Expansion e = InputFiles.scan(List.of(dir.toString()));
      assertThat(e.files()).containsExactly(dir.resolve("good.jsonl"));
      assertThat(e.unreadable()).singleElement().satisfies(r -> {
        assertThat(r.location()).isEqualTo(locked.toString());
        assertThat(r.detail()).contains("the folder cannot be read");
      });
      assertThatThrownBy(() -> InputFiles.expand(List.of(dir.toString()))).hasMessageContaining(locked.toString());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
