package io.winnow.code.license.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Debian short names of the development set, as SPDX families. */
class DebianCopyrightTest {
  @Test
  void debianShortNamesNameSpdxFamilies() {
    assertThat(DebianCopyright.family("GPL-2+")).isEqualTo("GPL-2.0");
    assertThat(DebianCopyright.family("LGPL-2.1")).isEqualTo("LGPL-2.1");
    assertThat(DebianCopyright.family("GPL-3+ with Bison exception")).isEqualTo("GPL-3.0");
    assertThat(DebianCopyright.family("GFDL-NIV-1.3+")).isEqualTo("GFDL-1.3");
    assertThat(DebianCopyright.family("Expat")).isEqualTo("MIT");
    assertThat(DebianCopyright.family("BSD-3-clause")).isEqualTo("BSD-3-Clause");
    assertThat(DebianCopyright.family("public-domain")).isNull();
    assertThat(DebianCopyright.family("GPL-2.1")).isNull(); // no such GPL
  }
}
