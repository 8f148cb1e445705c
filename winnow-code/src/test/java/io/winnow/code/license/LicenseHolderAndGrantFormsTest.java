package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import io.winnow.code.license.spdx.SpdxLicenseList;
import io.winnow.code.license.spdx.SpdxTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * License texts whose holder's name recurs in the body, and GNU grants in the word orders files use. The texts are
 * cut from real files: google/licenseclassifier's scenario 160997543 (Apache-2.0), and the License paragraphs of
 * Debian's copyright files (/usr/share/doc/PACKAGE/copyright of the packages named).
 */
class LicenseHolderAndGrantFormsTest {
  private static final LicenseMatcher MATCHER = new LicenseMatcher(LicenseIndex.spdx(), 0.9);

  /** The GPL notice's disclaimer and copy paragraphs as Debian packages word them, up to the FSF's address. */
  private static final String PACKAGE_DISCLAIMER = "This package is distributed in the hope that it will be useful,\n"
      + "but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
      + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
      + "GNU General Public License for more details.\n\n"
      + "You should have received a copy of the GNU General Public License\n"
      + "along with this package; if not, write to the Free Software\n";

  private static List<String> ids(String text) {
    return MATCHER.find(text).stream().map(LicenseMatch::id).toList();
  }

  @Test
  void theHoldersNameInTheBodyIsReplaceableText() {
    String template = SpdxLicenseList.get().find("libtiff").template();
    String own = SpdxTemplate.fixedTextWithHolderVariable(template);
    assertThat(own).doesNotContainIgnoringCase("Leffler").doesNotContainIgnoringCase("Silicon Graphics")
        .contains("the names of " + SpdxTemplate.GAP + " may not be used");
    // a license whose body names no holder gets no such reference
    assertThat(SpdxTemplate.fixedTextWithHolderVariable(SpdxLicenseList.get().find("MIT").template())).isNull();
    // licenseclassifier 160997543: libtiff's license with Todd Helfter for Sam Leffler and Silicon Graphics
    assertThat(ids("Copyright (c) 2000-2017 Todd M. Helfter\n\n"
        + "Permission to use, copy, modify, distribute, and sell this software and\n"
        + "its documentation for any purpose is hereby granted without fee, provided\n"
        + "that (i) the above copyright notices and this permission notice appear in\n"
        + "all copies of the software and related documentation, and (ii) the name of\n"
        + "Todd Helfter may not be used in any advertising or publicity relating to the\n"
        + "software without the specific, prior written permission of Todd Helfter.\n\n"
        + "THE SOFTWARE IS PROVIDED \"AS-IS\" AND WITHOUT WARRANTY OF ANY KIND,\n"
        + "EXPRESS, IMPLIED OR OTHERWISE, INCLUDING WITHOUT LIMITATION, ANY\n"
        + "WARRANTY OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE.\n\n"
        + "IN NO EVENT SHALL TODD HELFTER BE LIABLE FOR ANY SPECIAL, INCIDENTAL, INDIRECT\n"
        + "OR CONSEQUENTIAL DAMAGES OF ANY KIND, OR ANY DAMAGES WHATSOEVER RESULTING FROM\n"
        + "LOSS OF USE, DATA OR PROFITS, WHETHER OR NOT ADVISED OF THE POSSIBILITY OF\n"
        + "DAMAGE, AND ON ANY THEORY OF LIABILITY, ARISING OUT OF OR IN CONNECTION WITH\n"
        + "THE USE OR PERFORMANCE OF THIS SOFTWARE.\n")).containsExactly("libtiff");
  }

  @Test
  void aGrantOfOneVersionMayNameTheVersionBeforeThePublisher() {
    // iproute2: the Linux kernel's word order, "License version 2 as published by the Free Software Foundation"
    assertThat(ids("This package is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License version 2 as\n"
        + "published by the Free Software Foundation.\n\n"
        + PACKAGE_DISCLAIMER
        + "Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA  02110-1301 USA\n"))
        .containsExactly("GPL-2.0-only");
  }

  @Test
  void aVersionNamedWithItsDateIsThatVersion() {
    // at-spi2-core: "version 2 dated June, 1991, or (at your option) any later version"
    assertThat(LicenseNormalizer.normalize("the Free Software Foundation; version 2 dated June, 1991, or (at\nyour option) any later version."))
        .isEqualTo(LicenseNormalizer.normalize("the Free Software Foundation; version 2, or (at your option) any later version."));
    assertThat(ids("This program is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation; version 2 dated June, 1991, or (at\n"
        + "your option) any later version.\n\n"
        + "On Debian systems, the complete text of version 2 of the GNU General\n"
        + "Public License can be found in '/usr/share/common-licenses/GPL-2'.\n"))
        .containsExactly("GPL-2.0-or-later");
  }

  @Test
  void aGrantOfLaterVersionsMayOmitEitherAndOfTheLicense() {
    // findutils: "version 2 dated June, 1991, or (at your option) any later version", no "either ... of the License"
    assertThat(ids("This program is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation; version 2 dated June, 1991, or (at\n"
        + "your option) any later version.\n"
        + "On Debian systems, the complete text of version 2 of the GNU General\n"
        + "Public License can be found in '/usr/share/common-licenses/GPL-2'.\n"))
        .containsExactly("GPL-2.0-or-later");
  }

  @Test
  void aGnuNoticeWithoutAVersionIsAnyVersionOrTheOneNamedAfterIt() {
    // Debian's copyright file of zone.c (licenseclassifier's scenario 168158647): "as published by the Free
    // Software Foundation." with no version matched the one-version GPL-1.0 notice less its number, GPL-1.0-only
    String notice = "This package is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation.\n\n"
        + PACKAGE_DISCLAIMER
        + "Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301,\n"
        + "USA.\n";
    assertThat(ids(notice)).containsExactly("GPL-1.0-or-later");
    String pointer = "\nOn Debian systems, the complete text of the GNU General Public License,\n"
        + "version 2, can be found in `/usr/share/common-licenses/GPL-2'.\n";
    assertThat(ids(notice + pointer)).containsExactly("GPL-2.0-or-later");
    // a notice that names its version keeps it, whatever is named after it
    String versioned = notice.replace("Software Foundation.\n", "Software Foundation; version 3.\n");
    assertThat(ids(versioned + pointer)).containsExactly("GPL-3.0-only");
  }
}
