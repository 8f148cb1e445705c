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
    // a README from before UTF-8 is read (licensee's readme-invalid-encoding: a Latin-1 README)
    Files.write(repo.resolve("README"), "Voir la licence jointe, \u00e9crite par Andr\u00e9.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    List<String> seen = new ArrayList<>();
    try (CodeFolderReader r = new CodeFolderReader(repo, new ReaderLimits(1 << 20))) {
      for (ReadResult x; (x = r.next()) != null; ) {
        if (x.document() != null) {
          seen.add(x.document().id() + " " + x.document().metadata().get("path") + " " + x.document().metadata().get("language"));
          if (x.document().id().equals("demo/README")) {
            assertThat(x.document().text()).contains("\u00e9crite par Andr\u00e9");
            assertThat(x.document().metadata()).containsKey("charset");
          }
        } else {
          seen.add(x.rejection().id() + " " + x.rejection().reason().code());
        }
      }
    }
    assertThat(seen).containsExactly("demo/README README Text", "demo/latin1.txt input.invalid_utf8", "demo/logo.png input.binary",
        "demo/src/a.c src/a.c C", "demo/src/b.py src/b.py Python");
  }

  @Test
  void anEmptyLicenseFileIsReadAndAnyOtherEmptyFileRejected(@TempDir Path tmp) throws Exception {
    // licensee's case-sensitive fixture: an empty LiCeNsE.TxT, a placeholder that still says a license file exists
    Path repo = Files.createDirectories(tmp.resolve("demo"));
    Files.writeString(repo.resolve("LiCeNsE.TxT"), "");
    Files.writeString(repo.resolve("empty.py"), "");
    List<String> seen = new ArrayList<>();
    try (CodeFolderReader r = new CodeFolderReader(repo, new ReaderLimits(1 << 20))) {
      for (ReadResult x; (x = r.next()) != null; ) {
        seen.add(x.document() != null ? x.document().id() + " [" + x.document().text() + "]" : x.rejection().id() + " " + x.rejection().reason().code());
      }
    }
    assertThat(seen).containsExactly("demo/LiCeNsE.TxT []", "demo/empty.py input.empty_file");
  }
}
