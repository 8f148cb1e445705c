package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LicensePolicyTest {
  final LicensePolicy copyleft = new LicensePolicy(LicensePolicy.COPYLEFT);

  @Test
  void familiesAndExactIds() {
    assertThat(copyleft.denies("GPL-2.0")).isTrue();
    assertThat(copyleft.denies("GPL-2.0-only")).isTrue();
    assertThat(copyleft.denies("GPL-2.0+")).isTrue();
    assertThat(copyleft.denies("gpl-3.0-or-later")).isTrue();
    assertThat(copyleft.denies("MIT")).isFalse();
    assertThat(copyleft.denies("NOASSERTION")).isFalse();
    assertThat(copyleft.denies(null)).isFalse();
    assertThat(new LicensePolicy(List.of("NOASSERTION")).denies("NOASSERTION")).isTrue();
  }

  @Test
  void expressionsAreDeniedOnlyWhenNoChoiceAvoidsADeniedLicence() {
    assertThat(copyleft.denies("GPL-2.0 OR BSD-3-Clause")).isFalse();
    assertThat(copyleft.denies("(GPL-2.0-only OR MIT)")).isFalse();
    assertThat(copyleft.denies("MIT AND GPL-2.0")).isTrue();
    assertThat(copyleft.denies("GPL-2.0 WITH Linux-syscall-note")).isTrue();
    assertThat(copyleft.denies("(GPL-2.0 WITH Linux-syscall-note) OR (MIT AND LGPL-2.1)")).isTrue();
    assertThat(copyleft.denies("Apache-2.0 OR (MIT AND GPL-2.0)")).isFalse();
  }

  @Test
  void malformedExpressionsAreReadCautiously() {
    assertThat(copyleft.denies("GPL-2.0 OR")).isTrue();
    assertThat(copyleft.denies("Dual BSD/GPL")).isFalse(); // no SPDX id in it at all
    // an id not on the SPDX list makes the expression unreadable: any denied id in it then denies it
    assertThat(copyleft.denies("GPL-2.0 OR Acme-Public-1.0")).isTrue();
  }

  @Test
  void expressionsAreReadByTheSpdxParser() {
    assertThat(copyleft.denies("LicenseRef-acme OR GPL-2.0-only")).isFalse(); // a reference is a licence to choose
    assertThat(copyleft.denies("LicenseRef-acme AND GPL-2.0-only")).isTrue();
    assertThat(copyleft.denies("gpl-2.0-only or mit")).isFalse(); // lower-case operators and ids, as SPDX allows
    assertThat(copyleft.denies("MIT WITH Linux-syscall-note")).isFalse();
    assertThat(new LicensePolicy(List.of("MIT")).denies("(MIT OR Apache-2.0) AND MIT")).isTrue();
  }

  @Test
  void patternsAreValidated() {
    assertThatThrownBy(() -> new LicensePolicy(List.of("G*L"))).hasMessageContaining("ending in '*'");
  }

  @Test
  void spdxHeadersAreReadFromTheHeadOfAFile() {
    assertThat(SpdxHeader.find("// SPDX-License-Identifier: GPL-2.0\n#include <x.h>\n")).isEqualTo("GPL-2.0");
    assertThat(SpdxHeader.find("/* SPDX-License-Identifier: GPL-2.0 OR MIT */\n")).isEqualTo("GPL-2.0 OR MIT");
    assertThat(SpdxHeader.find("#!/bin/sh\n# SPDX-License-Identifier: MIT\n")).isEqualTo("MIT");
    assertThat(SpdxHeader.find("int x;\n".repeat(40) + "// SPDX-License-Identifier: MIT\n")).isNull();
    assertThat(SpdxHeader.find("// SPDX-License-Identifier:\n")).isNull();
  }

  @Test
  void licenceFilesAreRecognisedByTheirOpeningWords() {
    assertThat(LicenseFileGuess.guess("GNU GENERAL PUBLIC LICENSE\n Version 2, June 1991")).isEqualTo("GPL-2.0");
    assertThat(LicenseFileGuess.guess("Permission is hereby granted, free of charge, to any person")).isEqualTo("MIT");
    assertThat(LicenseFileGuess.guess("Redistribution and use in source and binary forms ... Neither the name"))
        .isEqualTo("BSD-3-Clause");
    assertThat(LicenseFileGuess.guess("All rights reserved.")).isEqualTo("LicenseRef-unrecognised");
  }
}
