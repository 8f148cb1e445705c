package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import io.winnow.code.license.match.LicensePattern;
import io.winnow.code.license.spdx.GnuNotices;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ways real license files and headers differ from the SPDX references, one class each: GNU notices in today's
 * wording, the GNU license a notice names, Markdown numbering, modified license texts.
 */
class LicenseVariantsTest {
  private static final LicenseMatcher MATCHER = new LicenseMatcher(LicenseIndex.spdx(), 0.9);

  private static List<String> ids(String text) {
    return MATCHER.find(text).stream().map(LicenseMatch::id).toList();
  }

  /** The notice's middle, shared by the GNU headers; {@code name} is "General", "Lesser General"... */
  private static String gnuNotice(String subject, String name, String version, String where) {
    return "/*\n * Copyright (C) 2019 Someone\n *\n"
        + " * " + subject + " is free software; you can redistribute it and/or modify it\n"
        + " * under the terms of the GNU " + name + " Public License as published by\n"
        + " * the Free Software Foundation; either version " + version + " of the License, or\n"
        + " * (at your option) any later version.\n *\n"
        + " * " + subject + " is distributed in the hope that it will be useful,\n"
        + " * but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + " * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU\n"
        + " * " + name + " Public License for more details.\n *\n"
        + " * You should have received a copy of the GNU " + name + " Public License\n"
        + " * along with " + subject.toLowerCase(java.util.Locale.ROOT) + "; " + where + "\n */\n"
        + "#include <stdio.h>\n";
  }

  private static final String URL = "if not, see <https://www.gnu.org/licenses/>.";
  private static final String TEMPLE = "if not, write to the Free Software\n * Foundation, Inc., 59 Temple Place - Suite 330, Boston, MA 02111-1307, USA.";

  @Test
  void theFsfPostalAddressesAndItsWebAddressNormaliseAlike() {
    String franklin = LicenseNormalizer.normalize("if not, write to the Free Software Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA");
    String temple = LicenseNormalizer.normalize("if not, write to the Free Software\nFoundation, Inc., 59 Temple Place, Suite 330, Boston, MA  02111-1307  USA");
    String mass = LicenseNormalizer.normalize("if not, write to the Free Software Foundation, Inc., 675 Mass Ave, Cambridge, MA 02139, USA.");
    String url = LicenseNormalizer.normalize("If not, see <http://www.gnu.org/licenses/>.");
    assertThat(List.of(franklin, temple, mass)).containsOnly(url);
  }

  @Test
  void gnuHeadersInTodaysWordingAreFoundAndToldApart() {
    // the wording of glibc's headers (posix/regex.h) and gnulib's (relocatable.h): the web address, the old address
    assertThat(ids(gnuNotice("The GNU C Library", "Lesser General", "2.1", URL))).containsExactly("LGPL-2.1-or-later");
    assertThat(ids(gnuNotice("This library", "Library General", "2", TEMPLE))).containsExactly("LGPL-2.0-or-later");
    assertThat(ids(gnuNotice("This program", "General", "2", URL))).containsExactly("GPL-2.0-or-later");
    assertThat(ids(gnuNotice("This program", "General", "3", TEMPLE))).containsExactly("GPL-3.0-or-later");
    assertThat(ids(gnuNotice("This program", "Affero General", "3", URL))).containsExactly("AGPL-3.0-or-later");
  }

  @Test
  void theLgpl3HeaderIsTheGplNoticeWithLesserAsTheFsfSays() {
    // the SPDX list has no LGPL-3.0 header; the GPL-3.0 appendix with "Lesser" is what LGPL-3.0 projects put
    String header = "/* This program is free software: you can redistribute it and/or modify\n"
        + " * it under the terms of the GNU Lesser General Public License as published by\n"
        + " * the Free Software Foundation, either version 3 of the License, or\n"
        + " * (at your option) any later version.\n *\n"
        + " * This program is distributed in the hope that it will be useful,\n"
        + " * but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + " * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
        + " * GNU Lesser General Public License for more details.\n *\n"
        + " * You should have received a copy of the GNU Lesser General Public License\n"
        + " * along with this program.  If not, see <https://www.gnu.org/licenses/>.\n */\n";
    List<LicenseMatch> found = MATCHER.find(header);
    assertThat(found).extracting(LicenseMatch::id).containsExactly("LGPL-3.0-or-later");
    assertThat(found.get(0).kind()).isEqualTo(LicensePattern.Kind.HEADER);
    assertThat(GnuNotices.notice(SpdxLicenseList.get().find("LGPL-3.0-or-later"))).contains("GNU Lesser General Public License")
        .doesNotContain("GNU General Public License");
    assertThat(GnuNotices.notice(SpdxLicenseList.get().find("GPL-2.0-or-later"))).startsWith("This program is free software");
    // the appendix grants "any later version"; the -only notice is the same without that option
    assertThat(GnuNotices.notice(SpdxLicenseList.get().find("GPL-2.0-only"))).contains("version 2 of the License")
        .doesNotContain("later version");
    assertThat(GnuNotices.notice(SpdxLicenseList.get().find("MIT"))).isNull();
  }

  @Test
  void markdownBoldNumberingIsNumbering() {
    assertThat(LicenseNormalizer.normalize("**(2)**  You may Distribute verbatim copies"))
        .isEqualTo(LicenseNormalizer.normalize("(2) You may Distribute verbatim copies"));
    assertThat(LicenseNormalizer.normalize("_Copyright © 2000-2006, The Perl Foundation._").replace("\uFFFF", "").trim()).isEmpty();
  }

  @Test
  void aLicenseWithAClauseOfItsOwnIsReportedModified() {
    // the kind of change fcpl-modified-mpl (licensee's fixtures) makes to the MPL-2.0: a restriction inserted
    String mpl = SpdxLicenseList.get().find("MPL-2.0").text();
    int at = mpl.indexOf("2.2. Effective Date");
    assertThat(at).isPositive();
    String clause = "Additionally, this License does not grant any rights to You for use of the Covered Software in any "
        + "commercial use, including but not limited to the sale or offer to sell the Covered Software, without proper "
        + "attribution to the Initial Developer in a visible and conspicuous manner to the user of every such product.\n\n";
    LicenseMatch modified = MATCHER.find(mpl.substring(0, at) + clause + mpl.substring(at)).get(0);
    assertThat(modified.id()).isEqualTo("MPL-2.0");
    assertThat(modified.confidence()).isGreaterThan(0.9); // similar enough to pass on similarity alone
    assertThat(modified.modified()).isTrue();
    assertThat(modified.added()).contains("commercial use");
    LicenseMatch plain = MATCHER.find(mpl).get(0);
    assertThat(plain.modified()).isFalse();
    assertThat(plain.addedPairs()).isLessThan(LicenseMatcher.MODIFIED_RUN);
  }
}
