package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.input.CodeFolderReader;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.doc.Verdict;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Params;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseStepTest {
  /** The shipped example checkouts (examples/code), from the module folder the tests run in. */
  private static final Path EXAMPLES = Path.of("..", "examples", "code");

  private static LicenseStep step(Map<String, Object> params) {
    return new LicenseStep(LicenseStep.Config.from(new Params("license", params)));
  }

  private static Document doc(String repo, String path, String text) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("repo", repo);
    meta.put("path", path);
    return new Document(repo + "/" + path, text, meta, Provenance.unknown());
  }

  @SuppressWarnings("unchecked")
  private static List<String> issues(Document d) {
    return (List<String>) ((Map<String, Object>) d.metadata().get("license")).get("issues");
  }

  @SuppressWarnings("unchecked")
  private static Object note(Document d, String key) {
    return ((Map<String, Object>) d.metadata().get("license")).get(key);
  }

  @Test
  void aGplHeaderInAnMitRepositoryIsAContradictionAndCopyleft(@TempDir Path work) throws Exception {
    List<Document> docs = new ArrayList<>();
    try (CodeFolderReader r = new CodeFolderReader(EXAMPLES.resolve("py-compat"), new ReaderLimits(1 << 20))) {
      for (ReadResult x; (x = r.next()) != null; ) if (x.document() != null) docs.add(x.document());
    }
    LicenseScan.run(docs, step(Map.of()), work);
    Map<String, Document> byPath = new LinkedHashMap<>();
    for (Document d : docs) byPath.put((String) d.metadata().get("path"), d);
    Document header = byPath.get("include/kcmp.h");
    assertThat(note(header, "expression")).isEqualTo("GPL-2.0 WITH Linux-syscall-note");
    assertThat(note(header, "source")).isEqualTo("spdx_tag");
    assertThat(note(header, "folder_license")).isEqualTo("MIT");
    assertThat(issues(header)).containsExactly("header_contradicts_file", "copyleft_in_permissive_repo");
    Document six = byPath.get("six.py");
    assertThat(note(six, "expression")).isEqualTo("MIT");
    assertThat(note(six, "source")).isEqualTo("header_text");
    assertThat(issues(six)).isEmpty();
    assertThat(note(byPath.get("setup.cfg"), "expression")).isEqualTo("MIT");
    assertThat(note(byPath.get("LICENSE"), "source")).isEqualTo("license_text");
  }

  @Test
  void repositoryLevelIssues(@TempDir Path work) throws Exception {
    String mit = io.winnow.code.license.spdx.SpdxLicenseList.get().find("MIT").text();
    List<Document> docs = List.of(
        doc("a", "LICENSE", mit),
        doc("a", "package.json", "{\"name\":\"a\",\"license\":\"Apache-2.0\"}"),
        doc("a", "src/x.js", "// SPDX-License-Identifier: MIT OR\nvar x;\n"),
        doc("a", "src/y.js", "var y;\n"),
        doc("b", "LICENSE", "All code here belongs to Acme. Ask before you use it.\n"),
        doc("b", "main.go", "package main\n"),
        doc("c", "main.go", "package main\n"));
    LicenseScan.Result result = LicenseScan.run(docs, step(Map.of()), work);
    assertThat(issues(docs.get(1))).containsExactly("manifest_contradicts_file");
    assertThat(issues(docs.get(2))).containsExactly("bad_expression");
    assertThat(note(docs.get(3), "expression")).isEqualTo("MIT");
    assertThat(note(docs.get(3), "source")).isEqualTo("license_file");
    assertThat(issues(docs.get(4))).containsExactly("unknown");
    assertThat(issues(docs.get(5))).containsExactly("unknown");
    assertThat(issues(docs.get(6))).containsExactly("missing");
    assertThat(result.verdicts()).allMatch(v -> v.action() == Action.KEEP);
  }

  @Test
  void licenseFilesThatNameNoLicenseSayUnknownOnlyWhenNothingElseSpeaks(@TempDir Path work) throws Exception {
    // an empty LICENSE, or a COPYING with a copyright line and no grant, is not "no license file"; a COPYRIGHT file
    // beside a license text, or an R template's fields beside DESCRIPTION's license, adds nothing unknown
    String mit = io.winnow.code.license.spdx.SpdxLicenseList.get().find("MIT").text();
    List<Document> docs = List.of(
        doc("empty", "LiCeNsE.TxT", ""),
        doc("empty", "main.c", "int main(void) { return 0; }\n"),
        doc("held", "COPYING", "Copyright \u00a9 2013\u20132016 by Peder \u00c5s and Se\u00e1n \u00d3 Ruda\u00ed\n"),
        doc("held", "main.c", "int main(void) { return 0; }\n"),
        doc("beside", "COPYRIGHT", "Copyright (c) 2020 Jane Doe\n"),
        doc("beside", "LICENSE", mit),
        doc("beside", "main.c", "int main(void) { return 0; }\n"),
        doc("r", "LICENSE", "YEAR: 2017\nCOPYRIGHT HOLDER: Jane Doe\n"),
        doc("r", "DESCRIPTION", "Package: xyz\nLicense: MIT + file LICENSE\n"),
        doc("r", "R/xyz.R", "f <- function() 1\n"));
    LicenseScan.run(docs, step(Map.of()), work);
    assertThat(issues(docs.get(1))).containsExactly("unknown");
    assertThat(issues(docs.get(3))).containsExactly("unknown");
    assertThat(issues(docs.get(6))).isEmpty();
    assertThat(note(docs.get(6), "expression")).isEqualTo("MIT");
    assertThat(issues(docs.get(9))).isEmpty();
    assertThat(note(docs.get(9), "expression")).isEqualTo("MIT");
  }

  /** The grant of a GNU notice, the paragraph files most often keep of it. */
  private static String gnuGrant(String version, boolean orLater) {
    return "/*\n * This program is free software; you can redistribute it and/or modify\n"
        + " * it under the terms of the GNU General Public License as published by\n"
        + " * the Free Software Foundation; " + (orLater ? "either " : "") + "version " + version + " of the License"
        + (orLater ? ", or\n * (at your option) any later version.\n" : ".\n") + " */\nint x;\n";
  }

  @Test
  void fileLevelContradictionsAndGrants(@TempDir Path work) throws Exception {
    String mit = io.winnow.code.license.spdx.SpdxLicenseList.get().find("MIT").text();
    Document licenseFile = doc("g", "LICENSE", mit);
    // the tag and the header text it stands above disagree
    Document tagVsText = doc("g", "a.c", "// SPDX-License-Identifier: MIT\n" + gnuGrant("2", true));
    // "+" and "-or-later" are one grant; the header alone, not its tag, also names the file's license
    Document plus = doc("g", "b.c", "// SPDX-License-Identifier: GPL-2.0+\n" + gnuGrant("2", true));
    Document only = doc("g", "c.c", gnuGrant("3", false));
    // the tag grants one version, the notice later ones; a bare deprecated id states no grant
    Document grants = doc("g", "e.c", "// SPDX-License-Identifier: GPL-2.0-only\n" + gnuGrant("2", true));
    Document bare = doc("g", "f.c", "// SPDX-License-Identifier: GPL-3.0\n" + gnuGrant("3", false));
    // the record's license field (The Stack's) against the file's own license
    Document field = doc("g", "d.c", "// SPDX-License-Identifier: MIT\nint d;\n");
    field.metadata().put("license", "apache-2.0");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("license_field", "license");
    LicenseScan.run(List.of(licenseFile, tagVsText, plus, only, field, grants, bare), step(params), work);
    assertThat(issues(tagVsText)).containsExactly("header_contradicts_text");
    assertThat(note(plus, "expression")).isEqualTo("GPL-2.0+");
    assertThat(issues(plus)).containsExactly("header_contradicts_file", "copyleft_in_permissive_repo");
    assertThat(note(only, "expression")).isEqualTo("GPL-3.0-only");
    assertThat(note(only, "source")).isEqualTo("header_text");
    assertThat(issues(field)).containsExactly("metadata_contradicts_file");
    assertThat(issues(grants)).contains("header_contradicts_text");
    assertThat(issues(bare)).doesNotContain("header_contradicts_text");
  }

  @Test
  void thePolicyAnnotatesOrDrops(@TempDir Path work) throws Exception {
    String gpl = "// SPDX-License-Identifier: GPL-3.0-or-later\nint x;\n";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("deny", List.of("GPL-3.0"));
    params.put("action", "drop");
    List<Document> docs = List.of(doc("r", "a.c", gpl), doc("r", "b.c", "// SPDX-License-Identifier: MIT OR GPL-3.0-only\n"));
    LicenseScan.Result result = LicenseScan.run(docs, step(params), Files.createDirectories(work.resolve("deny")));
    Verdict denied = result.verdicts().get(0);
    assertThat(denied.action()).isEqualTo(Action.DROP);
    assertThat(denied.reason().code()).isEqualTo("denied");
    assertThat(result.verdicts().get(1).action()).isEqualTo(Action.KEEP); // MIT can be chosen

    Map<String, Object> allow = new LinkedHashMap<>();
    allow.put("allow", List.of("MIT"));
    List<Document> more = List.of(doc("s", "a.c", gpl), doc("s", "b.c", "int y;\n"));
    LicenseScan.Result annotated = LicenseScan.run(more, step(allow), Files.createDirectories(work.resolve("allow")));
    assertThat(annotated.verdicts()).allMatch(v -> v.action() == Action.KEEP);
    assertThat(issues(more.get(0))).containsExactly("not_allowed");
    assertThat(issues(more.get(1))).containsExactly("missing", "not_allowed");
  }

  @Test
  void licenseFilesThatAreNotALicenseOfTheirOwn(@TempDir Path work) throws Exception {
    var list = io.winnow.code.license.spdx.SpdxLicenseList.get();
    String mpl = list.find("MPL-2.0").text();
    int at = mpl.indexOf("2.2. Effective Date");
    String modified = mpl.substring(0, at) + "Additionally, this License does not grant any rights to You for use of the Covered "
        + "Software in any commercial use, including but not limited to the sale or offer to sell the Covered Software, "
        + "without proper attribution to the Initial Developer in a visible and conspicuous manner to the user.\n\n" + mpl.substring(at);
    List<Document> docs = List.of(
        // LGPL-3.0 projects ship the GPL-3.0 it incorporates (COPYING + COPYING.LESSER, as the FSF asks)
        doc("lgpl", "COPYING", list.find("GPL-3.0-only").text()),
        doc("lgpl", "COPYING.LESSER", list.find("LGPL-3.0-only").text().substring(0, 7000)),
        doc("lgpl", "src/a.c", "int a;\n"),
        // a COPYRIGHT file that names the holders beside the license (licensee's mit-with-copyright)
        doc("mit", "COPYRIGHT.md", "Copyright (c) 2017 Ben Balter\n"),
        doc("mit", "LICENSE.txt", list.find("MIT").text()),
        doc("mit", "src/b.c", "int b;\n"),
        // a modified MPL (licensee's fcpl-modified-mpl) is no MPL-2.0
        doc("fcpl", "LICENSE", modified),
        doc("fcpl", "src/c.c", "int c;\n"),
        // a separate patent grant (React's PATENTS) is one more license file, not an SPDX license
        doc("react", "LICENSE", list.find("BSD-3-Clause").text()),
        doc("react", "PATENTS", "Additional Grant of Patent Rights Version 2\n\nAcme hereby grants to each recipient of the Software a "
            + "perpetual, worldwide, royalty-free, non-exclusive, irrevocable license under any Necessary Claims.\n"),
        doc("react", "src/d.c", "int d;\n"),
        // an R package: DESCRIPTION's "MIT + file LICENSE", the LICENSE holding the MIT template's fields
        doc("rpkg", "DESCRIPTION", "Package: x\nLicense: MIT + file LICENSE\n"),
        doc("rpkg", "LICENSE", "YEAR: 2017\nCOPYRIGHT HOLDER: Jane Doe\n"),
        doc("rpkg", "R/e.R", "e <- 1\n"));
    LicenseScan.Result result = LicenseScan.run(docs, step(Map.of()), work);
    assertThat(note(docs.get(2), "expression")).isEqualTo("LGPL-3.0-only");
    assertThat(note(docs.get(5), "expression")).isEqualTo("MIT");
    assertThat(issues(docs.get(5))).isEmpty();
    assertThat(note(docs.get(3), "expression")).isEqualTo("MIT");
    assertThat(note(docs.get(6), "expression")).isNull();
    assertThat(issues(docs.get(6))).containsExactly("modified_text", "unknown");
    @SuppressWarnings("unchecked")
    Map<String, Object> nearest = ((List<Map<String, Object>>) note(docs.get(6), "detected")).get(0);
    assertThat(nearest).containsEntry("id", "MPL-2.0").containsEntry("modified", true);
    assertThat((String) nearest.get("added")).contains("commercial use");
    assertThat(issues(docs.get(7))).containsExactly("unknown");
    assertThat(FileRole.of("PATENTS")).isEqualTo(FileRole.LICENSE_FILE);
    FolderLicense react = result.folders().governing("react", "src/d.c");
    assertThat(react.expression().toString()).isEqualTo("BSD-3-Clause");
    assertThat(react.hasUnknownClaim()).isTrue();
    assertThat(note(docs.get(13), "expression")).isEqualTo("MIT");
    assertThat(issues(docs.get(13))).isEmpty();
  }

  @Test
  void manifestFieldsAreRead() {
    assertThat(ManifestLicenses.declared("Cargo.toml", "[package]\nname = \"x\"\nlicense = \"MIT OR Apache-2.0\"\n").get(0).expression().toString())
        .isEqualTo("MIT OR Apache-2.0");
    assertThat(ManifestLicenses.declared("pom.xml", "<licenses><license><name>Apache License, Version 2.0</name></license></licenses>").get(0)
        .expression().toString()).isEqualTo("Apache-2.0");
    assertThat(ManifestLicenses.declared("DESCRIPTION", "Package: x\nLicense: MIT + file LICENSE\n").get(0).expression().toString()).isEqualTo("MIT");
    assertThat(ManifestLicenses.declared("pyproject.toml", "[project]\nlicense = {text = \"BSD-3-Clause\"}\n").get(0).expression().toString())
        .isEqualTo("BSD-3-Clause");
  }
}
