package io.winnow.code.license;

import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * License texts that ship beside another because it is part of it, not because the code is under both. The
 * LGPL-3.0 "incorporates the terms and conditions of version 3 of the GNU General Public License, supplemented by
 * the additional permissions listed below", and the FSF asks LGPL projects to ship both texts (COPYING and
 * COPYING.LESSER, gnu.org/licenses/gpl-howto.html): a folder whose license files are the LGPL-3.0 and the GPL-3.0
 * is under the LGPL-3.0. Applies to detected texts only; a declaration ({@code GPL-3.0 AND LGPL-3.0} in a tag or a
 * manifest) says what it says.
 */
final class IncorporatedTexts {
  private IncorporatedTexts() {}

  /** The terms without those another term incorporates. */
  static List<SpdxExpression> absorb(List<SpdxExpression> terms) {
    boolean lgpl3 = terms.stream().anyMatch(t -> family(t).equals("lgpl-3.0"));
    if (!lgpl3) return terms;
    List<SpdxExpression> out = new ArrayList<>();
    for (SpdxExpression t : terms) if (!family(t).equals("gpl-3.0")) out.add(t);
    return out;
  }

  private static String family(SpdxExpression e) {
    return e instanceof SpdxExpression.License l ? LicenseKinds.family(l.id()).toLowerCase(Locale.ROOT) : "";
  }
}
