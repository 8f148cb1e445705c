package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCorpusTest {
  @TempDir Path dir;

  @Test
  void licencesComeFromTheHeaderTheFlagOrTheNearestLicenceFile() throws IOException {
    Path root = Files.createDirectories(dir.resolve("proj"));
    Files.createDirectories(root.resolve("lib/deep"));
    Files.writeString(root.resolve("LICENSE"), "Permission is hereby granted, free of charge, to any person ...");
    Files.writeString(root.resolve("lib/COPYING"), "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n");
    Files.writeString(root.resolve("a.c"), "int a;\n");
    Files.writeString(root.resolve("lib/deep/b.c"), "int b;\n");
    Files.writeString(root.resolve("lib/c.py"), "# SPDX-License-Identifier: Apache-2.0\nx = 1\n");
    Files.writeString(root.resolve("notes.txt"), "not code");
    Files.write(root.resolve("blob.c"), new byte[] {1, 0, 2});
    Files.writeString(root.resolve("big.c"), "int x;\n".repeat(2000));

    ReferenceCorpus.Counts counts = new ReferenceCorpus.Counts();
    List<ReferenceCorpus.SourceText> read = new ArrayList<>();
    new ReferenceCorpus(10_000).read(root, null, counts, read::add);
    assertThat(read).extracting(ReferenceCorpus.SourceText::path).containsExactly("proj/a.c", "proj/lib/c.py", "proj/lib/deep/b.c");
    assertThat(read).extracting(ReferenceCorpus.SourceText::license).containsExactly("MIT", "Apache-2.0", "GPL-2.0");
    assertThat(read.get(1).language()).isEqualTo(CodeLanguage.PYTHON);
    assertThat(counts.skipped).containsEntry("binary (NUL bytes)", 1L).containsEntry("larger than 10000 bytes", 1L);

    List<ReferenceCorpus.SourceText> flagged = new ArrayList<>();
    new ReferenceCorpus(10_000).read(root, "BSD-2-Clause", new ReferenceCorpus.Counts(), flagged::add);
    assertThat(flagged).extracting(ReferenceCorpus.SourceText::license).containsExactly("BSD-2-Clause", "Apache-2.0", "BSD-2-Clause");
  }

  @Test
  void jsonlRecordsNameTheirRepoPathLanguageAndLicence() throws IOException {
    Path f = dir.resolve("code.jsonl");
    Files.writeString(f, """
        {"id": "1", "text": "int main(void) { return 0; }", "repo": "acme/tool", "path": "src/main.c", "license": "MIT"}
        {"id": "2", "text": "// SPDX-License-Identifier: GPL-3.0\\nint x;", "path": "x.c", "license": "MIT"}
        {"id": "3", "text": "def f(x):\\n    if x:\\n        return 1\\n"}
        not json
        """);
    ReferenceCorpus.Counts counts = new ReferenceCorpus.Counts();
    List<ReferenceCorpus.SourceText> read = new ArrayList<>();
    new ReferenceCorpus(1 << 20).read(f, "Apache-2.0", counts, read::add);
    assertThat(read).extracting(ReferenceCorpus.SourceText::path).containsExactly("acme/tool/src/main.c", "x.c", "3");
    assertThat(read).extracting(ReferenceCorpus.SourceText::license).containsExactly("MIT", "GPL-3.0", "Apache-2.0");
    assertThat(read.get(2).language()).isEqualTo(CodeLanguage.PYTHON);
    assertThat(counts.skipped).containsEntry("input.malformed_json", 1L);
  }
}
