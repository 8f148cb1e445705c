package io.winnow.code.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFolderReaderTest {
  @Test
  void oneDocumentPerFileInPathOrderWithRepoPathAndLanguage(@TempDir Path tmp) throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("demo"));
    Files.createDirectories(repo.resolve("src"));
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("src/b.py"), "print(2)\n");
    Files.writeString(repo.resolve("src/a.c"), "int a;\n");
    Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.write(repo.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Files.write(repo.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
    List<String> seen = new ArrayList<>();
    try (CodeFolderReader r = new CodeFolderReader(repo, new ReaderLimits(1 << 20))) {
      for (ReadResult x; (x = r.next()) != null; ) {
        if (x.document() != null) {
          seen.add(x.document().id() + " " + x.document().metadata().get("path") + " " + x.document().metadata().get("language"));
        } else {
          seen.add(x.rejection().id() + " " + x.rejection().reason().code());
        }
      }
    }
    assertThat(seen).containsExactly("demo/latin1.txt input.invalid_utf8", "demo/logo.png input.binary",
        "demo/src/a.c src/a.c C", "demo/src/b.py src/b.py Python");
  }
}
