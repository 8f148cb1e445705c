package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.code.license.spdx.SpdxExpression;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpdxExpressionTest {
  @Test
  void withBindsTighterThanAndAndAndTighterThanOr() throws Exception {
    SpdxExpression e = SpdxExpression.parse("MIT OR Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0");
    assertThat(e).isInstanceOf(SpdxExpression.Or.class);
    SpdxExpression.Or or = (SpdxExpression.Or) e;
    assertThat(or.terms().get(1)).isInstanceOf(SpdxExpression.And.class);
    assertThat(((SpdxExpression.And) or.terms().get(1)).terms().get(1)).isInstanceOf(SpdxExpression.With.class);
    assertThat(e.toString()).isEqualTo("MIT OR (Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0)"); // printed with the implied parentheses
  }

  @Test
  void parenthesesOverridePrecedenceAndPrintBack() throws Exception {
    SpdxExpression e = SpdxExpression.parse("(MIT OR Apache-2.0) AND BSD-3-Clause");
    assertThat(e).isInstanceOf(SpdxExpression.And.class);
    assertThat(e.toString()).isEqualTo("(MIT OR Apache-2.0) AND BSD-3-Clause");
  }

  @Test
  void idsAreCaseInsensitiveAndPrintedInTheListsSpelling() throws Exception {
    assertThat(SpdxExpression.parse("mit or apache-2.0").toString()).isEqualTo("MIT OR Apache-2.0");
  }

  @Test
  void plusOnlyAndOrLaterAndDeprecatedIds() throws Exception {
    SpdxExpression.License plus = (SpdxExpression.License) SpdxExpression.parse("LGPL-2.1+");
    assertThat(plus.orLater()).isTrue();
    assertThat(SpdxExpression.parse("GPL-3.0-or-later").licenseIds()).containsExactly("GPL-3.0-or-later");
    SpdxExpression.License old = (SpdxExpression.License) SpdxExpression.parse("GPL-2.0");
    assertThat(old.deprecated()).isTrue();
    assertThat(SpdxExpression.parse("LicenseRef-acme-1").licenseIds()).containsExactly("LicenseRef-acme-1");
  }

  @Test
  void badExpressionsAreErrorsThatSayWhy() {
    assertThatThrownBy(() -> SpdxExpression.parse("MIT AND")).hasMessageContaining("missing");
    assertThatThrownBy(() -> SpdxExpression.parse("(MIT OR Apache-2.0")).hasMessageContaining("')'");
    assertThatThrownBy(() -> SpdxExpression.parse("Not-A-License")).hasMessageContaining("not an SPDX license id");
    assertThatThrownBy(() -> SpdxExpression.parse("MIT WITH Apache-2.0")).hasMessageContaining("not an SPDX license exception");
    assertThatThrownBy(() -> SpdxExpression.parse("Classpath-exception-2.0")).hasMessageContaining("not an SPDX license id");
    assertThatThrownBy(() -> SpdxExpression.parse("MIT, Apache-2.0")).hasMessageContaining("','");
    assertThatThrownBy(() -> SpdxExpression.parse("")).hasMessageContaining("empty");
  }

  @Test
  void satisfiableTakesOneSideOfOrAndEverySideOfAnd() throws Exception {
    Set<String> ok = Set.of("MIT");
    assertThat(SpdxExpression.parse("MIT OR GPL-3.0-only").satisfiable(ok::contains)).isTrue();
    assertThat(SpdxExpression.parse("MIT AND GPL-3.0-only").satisfiable(ok::contains)).isFalse();
  }

  @Test
  void spdxTagsAreFoundAndBadOnesReported() {
    var tags = SpdxHeaders.find("/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */\n// SPDX-License-Identifier: MIT/X11\n");
    assertThat(tags).hasSize(2);
    assertThat(tags.get(0).expression().toString()).isEqualTo("GPL-2.0 WITH Linux-syscall-note");
    assertThat(tags.get(1).expression()).isNull();
    assertThat(tags.get(1).problem()).contains("'/'");
  }
}
