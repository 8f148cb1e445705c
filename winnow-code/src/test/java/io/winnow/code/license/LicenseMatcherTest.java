package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import io.winnow.code.license.match.LicensePattern;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseMatcherTest {
  private static final LicenseMatcher MATCHER = new LicenseMatcher(LicenseIndex.spdx(), 0.9);

  private static String text(String id) {
    return SpdxLicenseList.get().find(id).text();
  }

  @Test
  void theListIsReadFromTheJarWithTextsAndTemplates() {
    SpdxLicenseList list = SpdxLicenseList.get();
    assertThat(list.licenses().size()).isGreaterThan(600);
    assertThat(list.find("gpl-2.0-or-later").headerTemplate()).contains("either version 2 of the License");
    assertThat(list.find("Classpath-exception-2.0").exception()).isTrue();
  }

  @Test
  void normaliserIgnoresCaseWhitespacePunctuationCopyrightBulletsAndSpellings() {
    String a = LicenseNormalizer.normalize("Copyright (c) 2020 Jane Doe\n/*\n * 1. Redistributions of source code must retain the\n *    above notice.\n */\nSee https://x.org/licence");
    String b = LicenseNormalizer.normalize("   2) REDISTRIBUTIONS  of source-code must retain the above notice!\nsee http://x.org/license");
    assertThat(a.replace("\uFFFF", "").trim()).isEqualTo(b);
    assertThat(LicenseNormalizer.normalize("<p>Licensed &amp; free</p>")).isEqualTo("licensed and free");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause", "ISC", "MPL-2.0", "LGPL-2.1-only", "AGPL-3.0-only", "Zlib", "Unlicense"})
  void eachListTextIsItsOwnBestMatch(String id) {
    List<LicenseMatch> found = MATCHER.find(text(id));
    assertThat(found).isNotEmpty();
    LicenseMatch top = found.get(0);
    assertThat(top.equivalents().contains(id) || top.id().equals(id)).as("%s found as %s", id, top.id()).isTrue();
    assertThat(top.confidence()).isGreaterThan(0.9);
  }

  @Test
  void aHeaderAboveCodeIsFoundAsTheHeader() {
    String source = "/*\n * Copyright (C) 2012 Someone\n *\n"
        + " * This program is free software; you can redistribute it and/or modify\n"
        + " * it under the terms of the GNU General Public License as published by\n"
        + " * the Free Software Foundation; either version 2 of the License, or\n"
        + " * (at your option) any later version.\n *\n"
        + " * This program is distributed in the hope that it will be useful,\n"
        + " * but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + " * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
        + " * GNU General Public License for more details.\n *\n"
        + " * You should have received a copy of the GNU General Public License\n"
        + " * along with this program; if not, write to the Free Software\n"
        + " * Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.\n */\n"
        + "#include <stdio.h>\nint main(void) { return 0; }\n";
    List<LicenseMatch> found = MATCHER.find(source);
    assertThat(found).extracting(LicenseMatch::id).containsExactly("GPL-2.0-or-later");
    assertThat(found.get(0).kind()).isEqualTo(LicensePattern.Kind.HEADER);
  }

  @Test
  void twoLicensesInOneFileAreBothFound() {
    List<LicenseMatch> found = MATCHER.find(text("MIT") + "\n\n---\n\n" + text("Apache-2.0"));
    assertThat(found).extracting(LicenseMatch::id).contains("MIT", "Apache-2.0");
  }

  @Test
  void proseThatTalksAboutLicensesIsNotALicense() {
    String prose = "This project is released under the MIT license, which lets you use, copy and modify the code. "
        + "Contributions are welcome: open a pull request and describe what you changed and why. We run the tests "
        + "on every commit, and a maintainer reviews each change before it is merged. Thank you for helping.";
    assertThat(MATCHER.find(prose)).isEmpty();
  }

  @Test
  void theSharedMatcherGivesTheSameAnswersOnManyThreads() throws Exception {
    List<String> ids = List.of("MIT", "GPL-3.0-only", "BSD-3-Clause", "MPL-2.0", "Apache-2.0", "ISC");
    List<String> expected = ids.stream().map(id -> MATCHER.find(text(id)).toString()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<String>> futures = ids.stream().map(id -> pool.submit(() -> MATCHER.find(text(id)).toString())).toList();
        for (int i = 0; i < ids.size(); i++) assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
