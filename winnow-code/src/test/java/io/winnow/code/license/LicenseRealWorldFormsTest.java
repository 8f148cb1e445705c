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
}
