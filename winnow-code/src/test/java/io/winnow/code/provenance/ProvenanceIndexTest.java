package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceIndexTest {
  @TempDir Path dir;

  /** Random C-like functions: distinct files whose fingerprints rarely collide. */
  static List<String> files(int n, long seed) {
    Random rnd = new Random(seed);
    String[] stmts = {"x = y + %d;", "if (a > %d) return b;", "for (i = 0; i < %d; i++) s += t[i];", "p->q = r(%d, s);",
        "while (n-- > %d) { m *= 2; }", "switch (c) { case %d: break; }", "z = (u << %d) | v;", "call(a, b, %d, \"s\");"};
    List<String> out = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      StringBuilder b = new StringBuilder("// SPDX-License-Identifier: GPL-2.0\nint f" + f + "(int a) {\n");
      for (int s = 0; s < 60; s++) b.append("  ").append(String.format(stmts[rnd.nextInt(stmts.length)], rnd.nextInt(9))).append('\n');
      out.add(b.append("}\n").toString());
    }
    return out;
  }

  static Path build(Path out, List<String> texts, IndexParameters params, long memoryBytes, Path spill) throws IOException {
    try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(params, spill, memoryBytes)) {
      for (int i = 0; i < texts.size(); i++) b.add("src/f" + i + ".c", i % 2 == 0 ? "GPL-2.0" : "MIT", texts.get(i), CodeLanguage.C);
      b.write(out);
    }
    return out;
  }

  @Test
  void everyFileFindsItsOwnFingerprintsWithItsIdLineAndLicence() throws IOException {
    List<String> texts = files(40, 1);
    IndexParameters params = IndexParameters.defaults().withMaxSourceFiles(1000);
    ProvenanceIndex idx = ProvenanceIndex.open(build(dir.resolve("a.idx"), texts, params, 1 << 20, dir.resolve("sort")));
    assertThat(idx.files()).isEqualTo(40);
    assertThat(idx.parameters()).isEqualTo(params);
    assertThat(idx.license(3)).isEqualTo("MIT");
    assertThat(idx.path(3)).isEqualTo("src/f3.c");
    CodeFingerprinter fp = new CodeFingerprinter(params);
    for (int f = 0; f < texts.size(); f++) {
      Fingerprints prints = fp.fingerprint(texts.get(f), CodeLanguage.C);
      int[] lines = fp.tokens().lines();
      for (int i = 0; i < prints.size(); i++) {
        long e = idx.find(prints.hashes()[i]);
        assertThat(e).as("file %d fingerprint %d", f, i).isNotNegative();
        boolean found = false;
        for (; idx.holds(e, prints.hashes()[i]); e++) {
          if (idx.fileAt(e) == f) {
            found = true;
            assertThat(idx.lineAt(e)).isBetween(1, lines[prints.positions()[i]]); // its first occurrence
          }
        }
        assertThat(found).isTrue();
      }
    }
    assertThat(idx.find(0x1234_5678_9abcL)).isEqualTo(-1);
  }

  @Test
  void spillingWithATinyMemoryBoundWritesTheSameIndex() throws IOException {
    List<String> texts = files(200, 2); // ~ 200 × 60 statements: far more pairs than a 1024-pair buffer
    IndexParameters params = IndexParameters.defaults();
    Path roomy = build(dir.resolve("roomy.idx"), texts, params, 64 << 20, dir.resolve("s1"));
    Path tiny;
    try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(params, dir.resolve("s2"), 1)) {
      for (int i = 0; i < texts.size(); i++) b.add("src/f" + i + ".c", i % 2 == 0 ? "GPL-2.0" : "MIT", texts.get(i), CodeLanguage.C);
      ProvenanceIndexBuilder.Summary s = b.write(dir.resolve("tiny.idx"));
      assertThat(s.sortRuns()).isGreaterThan(3);
      tiny = dir.resolve("tiny.idx");
    }
    assertThat(Files.readAllBytes(tiny)).isEqualTo(Files.readAllBytes(roomy));
    try (var runs = Files.list(dir.resolve("s2"))) {
      assertThat(runs.toList()).isEmpty();
    }
  }

  @Test
  void fingerprintsInMoreFilesThanTheCapBecomeBoilerplateMarks() throws IOException {
    // a probe skeleton far longer than the guarantee threshold, at the head of every file
    String common = """
        static int boiler_probe(struct platform_device *pdev)
        {
          struct device *dev = &pdev->dev;
          int ret = devm_request_irq(dev, irq, handler, 0, "x", priv);
          if (ret)
            return dev_err_probe(dev, ret, "irq\n");
          platform_set_drvdata(pdev, priv);
          return 0;
        }
        """;
    List<String> texts = new ArrayList<>();
    for (String t : files(6, 3)) texts.add(common + t);
    ProvenanceIndex idx = ProvenanceIndex.open(build(dir.resolve("c.idx"), texts, IndexParameters.defaults().withMaxSourceFiles(5), 1 << 20, dir.resolve("s")));
    assertThat(idx.cappedHashes()).isPositive();
    CodeFingerprinter fp = new CodeFingerprinter(idx.parameters());
    Fingerprints prints = fp.fingerprint(common, CodeLanguage.C);
    int marks = 0;
    for (int i = 0; i < prints.size(); i++) {
      long h = prints.hashes()[i];
      long e = idx.find(h);
      if (e >= 0 && idx.isBoilerplate(e)) {
        marks++;
        assertThat(idx.holds(e + 1, h)).isFalse(); // one mark, no postings
      }
    }
    assertThat(marks).isPositive();
    ProvenanceMatcher.Result r = new ProvenanceMatcher(idx).match(common, CodeLanguage.C, 3);
    assertThat(r.boilerplate()).isEqualTo(marks);
  }

  @Test
  void aFailedWriteLeavesTheOldIndexInPlaceAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("x.idx");
    build(out, files(3, 4), IndexParameters.defaults(), 1 << 20, dir.resolve("s"));
    byte[] before = Files.readAllBytes(out);
    Path tmp = dir.resolve("x.idx.tmp");
    Files.createDirectories(tmp.resolve("blocker")); // the temporary name cannot be opened as a file
    assertThatThrownBy(() -> build(out, files(5, 5), IndexParameters.defaults(), 1 << 20, dir.resolve("s")))
        .isInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
    Files.delete(tmp.resolve("blocker"));
    Files.delete(tmp);
    build(out, files(5, 5), IndexParameters.defaults(), 1 << 20, dir.resolve("s"));
    assertThat(ProvenanceIndex.open(out).files()).isEqualTo(5);
    assertThat(Files.exists(tmp)).isFalse();
  }

  @Test
  void damagedFilesAreRefusedWithTheirName() throws IOException {
    Path out = build(dir.resolve("d.idx"), files(3, 6), IndexParameters.defaults(), 1 << 20, dir.resolve("s"));
    byte[] all = Files.readAllBytes(out);
    Path cut = dir.resolve("cut.idx");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> ProvenanceIndex.open(cut)).isInstanceOf(IOException.class).hasMessageContaining("cut.idx").hasMessageContaining("truncated");
    Path text = dir.resolve("text.idx");
    Files.writeString(text, "x".repeat(500));
    assertThatThrownBy(() -> ProvenanceIndex.open(text)).hasMessageContaining("not a provenance index");
    assertThatThrownBy(() -> ProvenanceIndex.open(dir.resolve("missing.idx"))).hasMessageContaining("winnow provenance-index");
  }

  @Test
  void anEmptyReferenceGivesAnIndexThatMatchesNothing() throws IOException {
    Path out = build(dir.resolve("e.idx"), List.of(), IndexParameters.defaults(), 1 << 20, dir.resolve("s"));
    ProvenanceIndex idx = ProvenanceIndex.open(out);
    assertThat(idx.entries()).isZero();
    assertThat(new ProvenanceMatcher(idx).match(files(1, 7).get(0), CodeLanguage.C, 3).sources()).isEmpty();
  }
}
