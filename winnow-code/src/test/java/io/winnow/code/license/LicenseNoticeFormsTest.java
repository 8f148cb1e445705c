package io.winnow.code.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forms a license notice takes in real files beside the whole standard header: the grant alone or the grant
 * and the disclaimer, a grant of one version, the version abbreviated or named after the matched words. The
 * notices are cut from Debian's machine-readable copyright files (/usr/share/doc/PACKAGE/copyright of the packages
 * named), which quote the notices of the programs they package.
 */
class LicenseNoticeFormsTest {
  private static final LicenseMatcher MATCHER = new LicenseMatcher(LicenseIndex.spdx(), 0.9);

  private static List<String> ids(String text) {
    return MATCHER.find(text).stream().map(LicenseMatch::id).toList();
  }

  @Test
  void theGrantAloneOrWithItsDisclaimerIsTheNotice() {
    // findutils: the LGPL-2.1 grant and Debian's pointer, no disclaimer
    assertThat(ids("This program is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Lesser General Public License as published by the\n"
        + "Free Software Foundation; version 2.1 of the License, or (at\nyour option) any later version.\n"
        + "On Debian systems, the complete text of version 2.1 of the GNU Lesser\n"
        + "General Public License can be found in '/usr/share/common-licenses/LGPL-2.1'.\n"))
        .containsExactly("LGPL-2.1-or-later");
    // gir1.2-harfbuzz-0.0: the GPL-3.0 grant and disclaimer, no "You should have received a copy"
    assertThat(ids("This program is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation; either version 3 of the License, or (at\nyour option) any later version.\n\n"
        + "This program is distributed in the hope that it will be useful, but\nWITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU\nGeneral Public License for more details.\n"))
        .containsExactly("GPL-3.0-or-later");
    // libboost: the Apache-2.0 header's first sentence
    assertThat(ids("// Licensed under the Apache License, Version 2.0 (the \"License\");\n"
        + "// you may not use this file except in compliance with the License.\n"
        + "// You may obtain a copy of the License at\n//\n//     http://www.apache.org/licenses/LICENSE-2.0\n"))
        .containsExactly("Apache-2.0");
  }

  @Test
  void aDisclaimerOrANameAloneIsNoNotice() {
    // the disclaimer every GNU notice shares names no license of its own
    assertThat(ids("This program is distributed in the hope that it will be useful, but\nWITHOUT ANY WARRANTY; without even "
        + "the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU\nGeneral Public "
        + "License for more details.\n")).isEmpty();
    assertThat(ids("The GNU General Public License, version 2, which you can read online, is the license most programs here use.")).isEmpty();
    // with the words that grant it, the same name is a grant (aGnuGrantInOneSentenceIsReadByRule)
    assertThat(ids("The program is released under the GNU General Public License, version 2, which you can read online."))
        .containsExactly("GPL-2.0-only");
  }

  @Test
  void aGrantOfOneVersionIsToldFromTheGrantOfLaterOnes() {
    String lesser = "This program is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Lesser General Public License as published by the\nFree Software Foundation; ";
    // findutils (both), python3-software-properties: the version after the words the LGPL-2.1's notice shares
    assertThat(ids(lesser + "version 3 of the License.\n")).containsExactly("LGPL-3.0-only");
    assertThat(ids(lesser + "version 3 of the License, or (at\nyour option) any later version.\n")).containsExactly("LGPL-3.0-or-later");
    assertThat(ids(lesser + "version 3.\n")).containsExactly("LGPL-3.0-only");
  }

  @Test
  void anAbbreviatedVersionIsTheVersion() {
    assertThat(LicenseNormalizer.normalize("the GNU General Public License, v2, as published"))
        .isEqualTo(LicenseNormalizer.normalize("the GNU General Public License, version 2, as published"));
    assertThat(LicenseNormalizer.normalize("Mozilla Public License, v. 2.0.")).isEqualTo("mozilla public license version 2 0");
    assertThat(LicenseNormalizer.normalize("vi is a text editor")).isEqualTo("vi is a text editor");
    // libunbound8: a GPL-2.0 notice that names its version "v2" only, not the GPL-1.0 it scored as
    assertThat(ids("This program is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License, v2, as\npublished by the Free Software Foundation\n\n"
        + "This program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\n"
        + "You should have received a copy of the GNU General Public License along\nwith this program.  If not, see <http://www.gnu.org/licenses/>\n"))
        .containsExactly("GPL-2.0-only");
  }

  @Test
  void aMinorVersionTellsLicensesApart() {
    // libgraphite2-3: the MPL-1.1 header, which matched the MPL-1.0's (both "version 1")
    assertThat(ids("The contents of this file are subject to the Mozilla Public License Version\n"
        + "1.1 (the \"License\"); you may not use this file except in compliance with the\n"
        + "License. You may obtain a copy of the License at http://www.mozilla.org/MPL/.\n\n"
        + "Software distributed under the License is distributed on an \"AS IS\" basis,\n"
        + "WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License for\n"
        + "the specific language governing rights and limitations under the License.\n"))
        .containsExactly("MPL-1.1");
    // gir1.2-gtk-3.0: "Lesser" and "version 2": the number decides, LGPL-2.0 or later, as Debian's packagers read
    // it (diffutils, valgrind, libpango: "LGPL-2+"); and "Library" with "version 2.1" is the LGPL-2.1
    assertThat(ids("This library is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Lesser General Public License as published by the\n"
        + "Free Software Foundation; either version 2 of the License, or (at your\noption) any later version.\n"))
        .containsExactly("LGPL-2.0-or-later");
    assertThat(ids("This library is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Library General Public License as published by the\n"
        + "Free Software Foundation; version 2.1 of the License.\n\n"
        + "This library is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the "
        + "implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU\nLibrary General Public "
        + "License for more details.\n"))
        .containsExactly("LGPL-2.1-only");
  }

  @Test
  void aPluralGrantWithOnePronounIsTheGrant() {
    // gnupg1-l10n: "These files are free software; you can redistribute and/or modify them" (0.898 before)
    assertThat(LicenseNormalizer.normalize("you can redistribute and/or modify them under")).isEqualTo("you can redistribute it and or modify it under");
    assertThat(ids("These files are free software; you can redistribute and/or modify\n"
        + "them under the terms of the GNU Lesser General Public License as\n"
        + "published by the Free Software Foundation; either version 2.1 of the\n"
        + "License, or (at your option) any later version.\n\n"
        + "GnuPG is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU Lesser General Public License for more details.\n"))
        .containsExactly("LGPL-2.1-or-later");
  }

  @Test
  void theLesserNameInAnotherWordOrderIsTheLgpl() {
    // python3-img2pdf: "the Lesser GNU General Public License", which read as the GPL's "gnu general"
    assertThat(ids("This program is free software; you can redistribute it\n"
        + "and/or modify it under the terms of the Lesser GNU General Public\n"
        + "License as published by the Free Software Foundation version 3.\n\n"
        + "On Debian systems, the full text of the Lesser GNU General Public\n"
        + "License version 3 can be found in the file\n`/usr/share/common-licenses/LGPL-3'.\n"))
        .containsExactly("LGPL-3.0-only");
    assertThat(LicenseNormalizer.normalize("the Library GNU General Public License")).isEqualTo("the gnu library general public license");
  }

  @Test
  void anExceptionGrantedUnderAGnuLicenseNamesItsLicense() {
    // clisp-module-zlib: a one-sentence GPL grant, too short for a notice, then the Autoconf exception; the
    // version is the one Debian gives it under
    String grant = "This file is free software, distributed under the terms of the GNU\n"
        + "General Public License.  As a special exception to the GNU General\n"
        + "Public License, this file may be distributed as part of a program\n"
        + "that contains a configuration script generated by Autoconf, under\n"
        + "the same distribution terms as the rest of that program.\n";
    assertThat(ids(grant + "\nOn Debian systems, the complete text of the GNU General Public\nLicense, version 2, can be found in the file\n"
        + "`/usr/share/common-licenses/GPL-2'.\n")).containsExactlyInAnyOrder("Autoconf-exception-generic", "GPL-2.0-or-later");
    // no version named: any version ever published, as for an unversioned notice
    assertThat(ids(grant)).containsExactlyInAnyOrder("Autoconf-exception-generic", "GPL-1.0-or-later");
    // kodi-bin: the exception says whose exception it is, and which version ("section 7 of the GNU General Public
    // License, version 3")
    assertThat(ids("As a special exception to the GNU General Public License,\nif you distribute this file as part of a program\n"
        + "that contains a configuration script generated by Autoconf,\nyou may include it under the same distribution terms\n"
        + "that you use for the rest of that program.\nThis Exception is an additional permission\n"
        + "under section 7 of the GNU General Public License, version 3 (\"GPLv3\").\n"))
        .containsExactlyInAnyOrder("Autoconf-exception-generic-3.0", "GPL-3.0-or-later");
    // the exception alone, whose words speak of the GPL, claims no license (LicenseRealWorldFormsTest's Classpath case)
    assertThat(ids("As a special exception, the respective Autoconf Macro's copyright owner gives unlimited permission to copy, "
        + "distribute and modify the configure scripts that are the output of Autoconf when processing the Macro. You need "
        + "not follow the terms of the GNU General Public License when using or distributing such scripts, even though "
        + "portions of the text of the Macro appear in them. The GNU General Public License (GPL) does govern all other use "
        + "of the material that constitutes the Autoconf Macro.\n")).doesNotContain("GPL-1.0-or-later", "GPL-2.0-or-later", "GPL-3.0-or-later");
  }

  @Test
  void aLicenseOnTheLineOfItsCopyrightNoticeIsKept() {
    // the GFDL's header as the SPDX list prints it, one line; the notice goes, the permission stays
    assertThat(LicenseNormalizer.normalize("Copyright (c) 2024 A. Writer. Permission is granted to copy, distribute and/or "
        + "modify this document under the terms of the GNU Free Documentation License"))
        .endsWith("writer permission is granted to copy distribute and or modify this document under the terms of the gnu free documentation license");
    assertThat(LicenseNormalizer.normalize("Copyright (c) 2024 Example Corp. All rights reserved.").replace("\uFFFF", "").trim()).isEmpty();
    // bash, sed, findutils: the GFDL notice of a manual, which the no-invariants header was lost for
    assertThat(ids("Permission is granted to copy, distribute and/or modify this document\n"
        + "under the terms of the GNU Free Documentation License, Version 1.3 or\n"
        + "any later version published by the Free Software Foundation; with no\n"
        + "Invariant Sections, no Front-Cover Texts, and no Back-Cover Texts.\n"
        + "A copy of the license is included in the section entitled\nGNU Free Documentation License.\n"))
        .containsExactly("GFDL-1.3-no-invariants-or-later");
  }

  @Test
  void theBritishSublicenceIsSublicense() {
    assertThat(LicenseNormalizer.normalize("publish, distribute, sublicence, and/or sell"))
        .isEqualTo(LicenseNormalizer.normalize("publish, distribute, sublicense, and/or sell"));
  }

  @Test
  void aGnuGrantInOneSentenceIsReadByRule() {
    // perl-depends: the version before "as published by", with "or later"
    assertThat(ids("This package is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License version 2 or\nlater as published by the Free Software Foundation.\n"))
        .containsExactly("GPL-2.0-or-later");
    // libsanlock-dev: "v2", "subject to the terms and conditions of"
    assertThat(ids("This copyrighted material is made available to anyone wishing to use,\nmodify, copy, or redistribute it subject to the terms and conditions\n"
        + "of the GNU General Public License v2 or (at your option) any later version.\n")).containsExactly("GPL-2.0-or-later");
    // Qt's files (qml6-module-qtqml-xmllistmodel): "may be used under the terms of", one version
    assertThat(ids("This file may be used under the terms of the GNU General Public License\nversion 2.0 as published by the Free Software Foundation.\n"))
        .containsExactly("GPL-2.0-only");
    assertThat(ids("This file may be used under the terms of the GNU Lesser General Public\nLicense version 2.1 as published by the Free Software Foundation and\n"
        + "appearing in the file LICENSE.LGPL included in the packaging of this\nfile.\n")).containsExactly("LGPL-2.1-only");
    // libcrypt-rijndael-perl: the version after the Foundation's name, dated, with the option
    assertThat(ids("This program is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Lesser General Public License as published by\n"
        + "the Free Software Foundation; version 2 dated June, 1991, or (at your\noption) any later version.\n")).containsExactly("LGPL-2.0-or-later");
    // libecore-drm2-1 (Software::License's notice): the title names the edition, the grant decides
    assertThat(ids("This is free software, licensed under:\nThe GNU Library General Public License, Version 2, June 1991\n"
        + "This program is free software; you can redistribute it and/or modify it\n"
        + "under the terms of the GNU Library General Public License as published by the\n"
        + "Free Software Foundation; version 2 of the License, or (at\nyour option) any later version.\n")).containsExactly("LGPL-2.0-or-later");
    assertThat(ids("This is free software, licensed under:\nThe GNU General Public License, Version 3, June 2007\n"
        + "This program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation; version 3 dated June, 2007.\n")).containsExactly("GPL-3.0-only");
    // libidn2's README, libtasn1's: abbreviations and "3.0 or later"
    assertThat(ids("The library is licensed under LGPLv3+ or GPLv2+ (see COPYING.LESSERv3 and COPYING)."))
        .containsExactly("LGPL-3.0-or-later"); // the second name has no grant words of its own
    assertThat(ids("This file is released under the GPL-2.0+ as the kernel is.")).containsExactly("GPL-2.0-or-later");
    assertThat(ids("The library is licensed under the GNU Lesser General Public License version 2.1 or later, and the tools are licensed "
        + "under the GNU General Public License version 3.0 or later.")).containsExactly("LGPL-2.1-or-later", "GPL-3.0-or-later");
    // the name's abbreviation after it: liboauth2-0 (LGPL), libgnome-panel-dev's manual (GFDL)
    assertThat(ids("Permission to use and copy is granted subject to the terms of the \"GNU\nLesser General Public License\" (LGPL) as published by the Free Software\n"
        + "Foundation; version 2.1 of the License\n")).containsExactly("LGPL-2.1-only");
    assertThat(ids("Permission is granted to copy, distribute and/or modify this document\nunder the terms of the GNU Free Documentation License (GFDL), version\n"
        + "1.1 or any later version published by the Free Software Foundation with\nno Invariant Sections, no Front-Cover Texts, and no Back-Cover Texts.\n"))
        .containsExactly("GFDL-1.1-no-invariants-or-later");
    // fakeroot's man page: the version in parentheses after the name, "or greater"
    assertThat(ids("fakeroot is distributed under the GNU General Public License.\n(GPL 2.0 or greater).\n")).containsExactly("GPL-2.0-or-later");
    // either of two versions
    assertThat(ids("This file is distributed under the terms of the GNU General Public License, either version 2 of the License, "
        + "or (at your option) version 3.")).containsExactlyInAnyOrder("GPL-2.0-only", "GPL-3.0-only");
    // ruby-pg: "under version 2 of the License" after the Foundation's name
    assertThat(ids("The files hereby included are free software; you can distribute them\nunder the terms of the GNU General Public License as published by the\n"
        + "Free Software Foundation; under version 2 of the License as published\nin June 1991.\n")).containsExactly("GPL-2.0-only");
    // libgio3.0-cil: the version before the name, in the other word order of the Lesser name
    assertThat(ids("This program is free software; you can redistribute it and/or\nmodify it under the terms of version 2 of the Lesser GNU General\n"
        + "Public License as published by the Free Software Foundation.\n")).containsExactly("LGPL-2.0-only");
    assertThat(ids("This file is distributed under the terms of version 3 of the GNU General Public License, or (at your option) any later version."))
        .containsExactly("GPL-3.0-or-later");
  }

  @Test
  void anotherLicenseGrantedInOneSentenceIsReadByRule() {
    // libboost-container1.81.0: Apache's header with Debian's pointer where the URL was, under the threshold by Dice
    assertThat(ids("Licensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\n"
        + "On Debian systems, a copy of the License can be found in\n/usr/share/common-licenses/Apache-2.0.\n\n"
        + "Unless required by applicable law or agreed to in writing,\nsoftware distributed under the License is distributed on an \"AS\n"
        + "IS\" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either\nexpress or implied.  See the License for the specific language\n"
        + "governing permissions and limitations under the License.\n")).containsExactly("Apache-2.0");
    assertThat(ids("Use, modification and distribution of this module is subject to the Boost Software License, Version 1.0. "
        + "(See the accompanying file LICENSE_1_0.txt.)")).containsExactly("BSL-1.0");
    assertThat(ids("All rights reserved. This program and the accompanying materials are made available under the terms of the "
        + "Eclipse Public License v2.0, which accompanies this distribution.")).containsExactly("EPL-2.0");
    assertThat(ids("To the extent possible under law, the author has dedicated all copyright and related and neighboring rights "
        + "to this software to the public domain worldwide. Released under CC0 1.0 Universal.")).containsExactly("CC0-1.0");
    // a web page's footer states its content's license: not read as a grant (NamedGrants)
    assertThat(ids("Text is available under the Creative Commons Attribution-ShareAlike License 3.0 Unported; additional terms "
        + "may apply. By using this site, you agree to the Terms of Use and Privacy Policy.")).isEmpty();
    // named, not granted; a version the license never had
    assertThat(ids("The Apache License, Version 2.0 is a permissive license whose main conditions require preservation of notices."))
        .isEmpty();
    assertThat(ids("This file is licensed under the Mozilla Public License version 3.0 for now.")).isEmpty();
  }

  @Test
  void aNamedGnuLicenseThatIsNotGrantedIsNoGrant() {
    // Debian's pointer names the license and its version, and grants nothing
    assertThat(ids("On Debian systems, the complete text of the GNU General Public License version 2 can be found in the file "
        + "/usr/share/common-licenses/GPL-2, and the GNU Lesser General Public License version 2.1 in the file beside it.")).isEmpty();
    // prose that speaks of the license
    assertThat(ids("The GNU General Public License version 3 was published in June 2007 after a long public consultation; "
        + "it differs from version 2 in its patent clauses.")).isEmpty();
    // a version the license never had
    assertThat(ids("This file is licensed under the GNU General Public License version 4 or later.")).isEmpty();
  }
}
