package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failure classes found in the license files of published artifacts (src/test/resources/license/realworld, each
 * cut from its artifact, named in the README there): one test per class.
 */
class LicenseRealWorldFormsTest {
  private static final LicenseMatcher MATCHER = new LicenseMatcher(LicenseIndex.spdx(), 0.9);
  private static final Path DIR = Path.of("src/test/resources/license/realworld");

  private static String read(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.ISO_8859_1);
  }

  private static List<String> ids(String text) {
    return MATCHER.find(text).stream().map(LicenseMatch::id).toList();
  }

  @Test
  void theClasspathExceptionWithItsOptionalVersionIsNotTakenForAnotherException() throws IOException {
    // "the GNU General Public License version 2 cover the whole combination": the template's optional " version 2"
    // once glued to "cover", and the version it names then refused the exception; Independent-modules-exception,
    // which shares the second paragraph, was reported instead
    assertThat(ids(read("jersey-classpath-exception.md"))).containsExactly("Classpath-exception-2.0");
    String withoutVersion = read("jersey-classpath-exception.md").replace("General Public License version 2\n", "General Public License\n");
    assertThat(ids(withoutVersion)).containsExactly("Classpath-exception-2.0");
  }

  @Test
  void versionControlKeywordsAreNoPartOfTheLicense() throws IOException {
    String file = read("commons-cli-1.0-LICENSE.txt");
    String keywordsBlank = file.replaceAll("\\$(Header|Revision|Date):[^$\\n]*\\$", "");
    assertThat(file).isNotEqualTo(keywordsBlank);
    assertThat(LicenseNormalizer.normalize(file)).isEqualTo(LicenseNormalizer.normalize(keywordsBlank));
    assertThat(LicenseNormalizer.normalize("$Id: LICENSE.txt,v 1.1 2002/01/31 23:42:49 curcuru Exp $\nPermission is granted"))
        .isEqualTo("permission is granted");
    // a dollar sign in prose is kept
    assertThat(LicenseNormalizer.normalize("costs $5 or $Id")).isEqualTo("costs 5 or id");
  }

  @Test
  void theJakartaMisspellingOfAcknowledgmentReadsAsTheWord() throws IOException {
    String normalized = LicenseNormalizer.normalize(read("commons-cli-1.0-LICENSE.txt"));
    assertThat(normalized).doesNotContain("acknowlegement").contains("following acknowledgment this product includes");
    assertThat(LicenseNormalizer.normalize("third-party acknowlegements normally appear"))
        .isEqualTo(LicenseNormalizer.normalize("third-party acknowledgments normally appear"));
  }

  @Test
  void aJakartaApache11CopyIsFound() throws IOException {
    // its own names in clauses 4 and 5, and of the optional closing paragraph only the first sentence (the NCSA
    // sentence left out): found once that paragraph's left-out sentence no longer counts against it
    List<LicenseMatch> found = MATCHER.find(read("commons-cli-1.0-LICENSE.txt"));
    assertThat(found).extracting(LicenseMatch::id).containsExactly("Apache-1.1");
    assertThat(found.get(0).confidence()).isGreaterThan(0.93);
  }

  @Test
  void anOptionalPartLeftOutCostsNothingAndOneKeptIsPartOfTheMatch() {
    String gpl = io.winnow.code.license.spdx.SpdxLicenseList.get().find("GPL-2.0-only").text();
    int end = gpl.indexOf("END OF TERMS AND CONDITIONS");
    assertThat(end).isPositive();
    List<LicenseMatch> withoutAppendix = MATCHER.find(gpl.substring(0, end));
    assertThat(withoutAppendix).extracting(LicenseMatch::id).containsExactly("GPL-2.0-only");
    assertThat(withoutAppendix.get(0).confidence()).isGreaterThan(0.99);
    // the appendix's sample notice belongs to the text's match, not to a header match of its own
    assertThat(MATCHER.find(gpl)).extracting(LicenseMatch::id).containsExactly("GPL-2.0-only");
  }

  @Test
  void clausesNumberedLetterDotParenthesisAreNumbering() throws IOException {
    assertThat(LicenseNormalizer.normalize("a.) Redistributions of source code\nc.) Neither the name"))
        .isEqualTo("redistributions of source code neither the name");
    List<LicenseMatch> found = MATCHER.find(read("ivy-ganymed-bsd.txt"));
    assertThat(found).extracting(LicenseMatch::id).containsExactly("BSD-3-Clause");
    assertThat(found.get(0).confidence()).isGreaterThan(0.98);
  }
  @Test
  void theCc0NoticeOfSoftwareIsCc0sHeader() throws IOException {
    // "To the extent possible under law, the author(s) have dedicated all copyright ...": the SPDX list has no
    // header for CC0-1.0; the notice is libsodium's (as Debian quotes it, with its pointer) and, shortened to
    // "the author has" and "See <url>.", numpy's splitmix64
    List<LicenseMatch> sodium = MATCHER.find(read("libsodium23-copyright-cc0.txt"));
    assertThat(sodium).extracting(LicenseMatch::id).containsExactly("CC0-1.0");
    assertThat(sodium.get(0).kind()).isEqualTo(io.winnow.code.license.match.LicensePattern.Kind.HEADER);
    assertThat(ids(read("numpy-splitmix64-LICENSE.md"))).containsExactly("CC0-1.0");
    // naming CC0, or saying where Debian keeps it, is no notice (libcryptsetup12's and libavif15's copyright files)
    assertThat(ids("You may use this work under the terms of a Creative Commons CC0 1.0\nLicense/Waiver.\n\n"
        + "On Debian systems, the complete text of the Creative Commons CC0 1.0\nUniversal license can be found in "
        + "`/usr/share/common-licenses/CC0-1.0'.")).isEmpty();
  }

  @Test
  void theApacheNoticesOfOpenSslAndOfTheAwsSdksAreApacheHeaders() throws IOException {
    // OpenSSL 3's "Licensed under the Apache License 2.0 (the "License"). ... You can obtain a copy in the file
    // LICENSE in the source distribution or at https://www.openssl.org/source/license.html" (Dice 0.80 against the
    // list's header) and the AWS SDKs' "A copy of the License is located at ... or in the "license" file
    // accompanying this file" (0.90)
    assertThat(ids(read("node-openssl-ripemd.h"))).containsExactly("Apache-2.0");
    List<LicenseMatch> boto = MATCHER.find(read("boto3-init.py"));
    assertThat(boto).extracting(LicenseMatch::id).containsExactly("Apache-2.0");
    assertThat(boto.get(0).confidence()).isGreaterThan(0.97);
    // android-libaapt's copyright file: the header without "You may obtain a copy of the License at <url>" (0.86 before)
    assertThat(ids("Licensed under the Apache License, Version 2.0 (the \"License\");\n"
        + "you may not use this file except in compliance with the License.\n\n"
        + "Unless required by applicable law or agreed to in writing, software\n"
        + "distributed under the License is distributed on an \"AS IS\" BASIS,\n"
        + "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n"
        + "See the License for the specific language governing permissions and\nlimitations under the License.\n"))
        .containsExactly("Apache-2.0");
    // a sentence that grants the license in so many words is read as the grant, as a GNU grant is (NamedGrants)
    assertThat(ids("This module is licensed under the Apache License 2.0; see the file LICENSE in the source "
        + "distribution for the terms under which you may use it.")).containsExactly("Apache-2.0");
  }

  @Test
  void boostsNoticeIsTheBoostHeader() {
    // libstdc++'s bits/shared_ptr.h (/usr/include/c++/12, code from Boost): the notice Boost's FAQ gives every file
    assertThat(ids("//  Copyright (C) 2004-2006 Peter Dimov\n//\n// Distributed under the Boost Software License, Version 1.0. (See\n"
        + "// accompanying file LICENSE_1_0.txt or copy at\n// http://www.boost.org/LICENSE_1_0.txt)\n"))
        .containsExactly("BSL-1.0");
    assertThat(ids("We use the Boost libraries, which are under the Boost Software License, in the parser.")).isEmpty();
  }

  @Test
  void aGnuGrantInThePluralIsTheGrant() throws IOException {
    // python-apt-common's copyright file: "APT is free software; you can redistribute them and/or modify them"
    // (Dice 0.85 before)
    assertThat(LicenseNormalizer.normalize("you can redistribute them and/or modify them under"))
        .isEqualTo(LicenseNormalizer.normalize("you can redistribute it and/or modify it under"));
    List<LicenseMatch> found = MATCHER.find(read("python-apt-common-copyright-gpl.txt"));
    assertThat(found).extracting(LicenseMatch::id).containsExactly("GPL-2.0-or-later");
    assertThat(found.get(0).confidence()).isGreaterThan(0.95);
  }
  @Test
  void wordsFillingATemplatesVariableAreNotTheTextsOwn() throws IOException {
    // jsonpointer's BSD-3-Clause says "PROVIDED BY THE AUTHOR" and "SHALL THE AUTHOR BE LIABLE" where the template
    // has a variable; BSD-3-Clause-HP spells "THE AUTHOR" out and was reported (0.914) though the text lacks its
    // "PATENT INFRINGEMENT" and "the HP"
    List<LicenseMatch> found = MATCHER.find(read("jsonpointer-3.1.1-LICENSE.txt"));
    assertThat(found).extracting(LicenseMatch::id).containsExactly("BSD-3-Clause");
    assertThat(found.get(0).confidence()).isGreaterThan(0.94);
    // a filler between a variable's two ends only: the same words elsewhere are the text's own
    String hp = io.winnow.code.license.spdx.SpdxLicenseList.get().find("BSD-3-Clause-HP").text();
    assertThat(ids(hp)).containsExactly("BSD-3-Clause-HP");
  }

  @Test
  void aReferenceThatLacksAClauseOfItsOwnIsNotPreferred() throws IOException {
    // dash's man page: the Berkeley text with the advertising clause struck out. BSD-4-Clause-UC, whose template
    // spells "the Regents" out, explains more of it than BSD-3-Clause and won once variables were filled; it lacks
    // its advertising clause, BSD-3-Clause nothing
    assertThat(ids(read("dash-man1-header.txt"))).containsExactly("BSD-3-Clause");
    String uc = io.winnow.code.license.spdx.SpdxLicenseList.get().find("BSD-4-Clause-UC").text();
    assertThat(ids(uc)).containsExactly("BSD-4-Clause-UC");
  }

  @Test
  void furtherCopiesOfALicenseFoundAreThatLicense() throws IOException {
    // urllib3's LICENSE gives MIT for the package and again for two vendored files; once MIT was reported, the
    // second and third copies were matched to its nearest twins (JSON 0.955, Xnet 0.927)
    assertThat(ids(read("urllib3-LICENSE-mit-parts.txt"))).containsExactly("MIT");
  }

  @Test
  void troffCommentsOpenLinesAsOtherCommentMarkersDo() throws IOException {
    // a man page's license in troff comments: its copyright line is a copyright line and its numbering numbering
    assertThat(LicenseNormalizer.normalize(".\\\" Copyright (c) 1999 The NetBSD Foundation, Inc.\n.\\\" 1. Redistributions of source code"))
        .isEqualTo(LicenseNormalizer.normalize(" * Copyright (c) 1999 The NetBSD Foundation, Inc.\n * 1. Redistributions of source code"));
    List<LicenseMatch> found = MATCHER.find(read("gcc-c89-man1-netbsd.txt"));
    assertThat(found).extracting(LicenseMatch::id).containsExactly("BSD-4-Clause");
  }

  @Test
  void aReferenceWhoseOwnWordsAreMissingIsNotPreferred() throws IOException {
    // the NetBSD Foundation's four-clause text: BSD-4-Clause-UC spells out "and its contributors" where
    // BSD-4-Clause has a variable and won (0.932 against 0.933), though the Regents and the University of
    // California, what makes it UC, are all missing
    String netbsd = read("gcc-c89-man1-netbsd.txt").replace(".\\\"", " *");
    assertThat(ids(netbsd)).containsExactly("BSD-4-Clause");
    String uc = io.winnow.code.license.spdx.SpdxLicenseList.get().find("BSD-4-Clause-UC").text();
    assertThat(ids(uc)).containsExactly("BSD-4-Clause-UC");
  }

  @Test
  void aRepeatedPassageNeitherInflatesNorShortensTheMatch() {
    // OpenSSL's text is the OpenSSL license and the SSLeay license, whose disclaimer repeats the first's: the
    // repeated pairs counted against the span in the search for it (though not in its Dice), which stopped short
    // and lost to OpenSSL-standalone
    String openssl = io.winnow.code.license.spdx.SpdxLicenseList.get().find("OpenSSL").text();
    List<LicenseMatch> found = MATCHER.find(openssl);
    assertThat(found).extracting(LicenseMatch::id).containsExactly("OpenSSL");
    assertThat(found.get(0).confidence()).isGreaterThan(0.99);
  }

  @Test
  void aLongerLicenseDoesNotTakeTheCopyOfAShorterOneBesideIt() throws IOException {
    // a further occurrence of a pair counts nothing, so X11's span ran on over the MIT copy before its own, and
    // BSD-3-Clause's over the BSD-2-Clause copy before it: the shorter license was never reported
    List<LicenseMatch> bundle = MATCHER.find(read("puppet-mit-then-x11-style.txt"));
    assertThat(bundle).extracting(LicenseMatch::id).containsExactlyInAnyOrder("MIT", "X11");
    LicenseMatch x11 = bundle.stream().filter(m -> m.id().equals("X11")).findFirst().orElseThrow();
    LicenseMatch mit = bundle.stream().filter(m -> m.id().equals("MIT")).findFirst().orElseThrow();
    assertThat(x11.startPair()).isGreaterThanOrEqualTo(mit.endPair());
    assertThat(ids(read("emscripten-bsd2-then-bsd3.txt"))).containsExactlyInAnyOrder("BSD-2-Clause", "BSD-3-Clause");
    // one license three times is still one license, and one text with two halves (OpenSSL's) stays whole
    assertThat(ids(read("urllib3-LICENSE-mit-parts.txt"))).containsExactly("MIT");
    assertThat(ids(io.winnow.code.license.spdx.SpdxLicenseList.get().find("OpenSSL").text())).containsExactly("OpenSSL");
  }

  @Test
  void aClauseAddedInTheLicensesOwnWordsMakesItModified() throws IOException {
    // wrk's "Modified Apache 2.0 License" adds a clause (e) made of Apache's own pairs ("the Work", "Source or
    // Object form", "attribution notices"): pair by pair it looked held; its word triples are not Apache's
    List<LicenseMatch> wrk = MATCHER.find(read("wrk-modified-apache-LICENSE"));
    assertThat(wrk).hasSize(1);
    assertThat(wrk.get(0).id()).isEqualTo("Apache-2.0");
    assertThat(wrk.get(0).modified()).isTrue();
    assertThat(wrk.get(0).added()).contains("substantial changes to features or functionality");
    String apache = io.winnow.code.license.spdx.SpdxLicenseList.get().find("Apache-2.0").text();
    assertThat(MATCHER.find(apache).get(0).modified()).isFalse();
  }
}
