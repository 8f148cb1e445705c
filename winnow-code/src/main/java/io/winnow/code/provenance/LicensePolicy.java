package io.winnow.code.provenance;

import io.winnow.code.license.spdx.SpdxExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which licences make a match a reason to drop: a list of SPDX ids, each exact or ending in {@code *} (a
 * family: {@code GPL-*} covers GPL-2.0, GPL-2.0-only, GPL-3.0-or-later). A licence expression is denied when
 * no way of taking it avoids a denied id: {@code GPL-2.0 OR BSD-3-Clause} may be taken as BSD and is not
 * denied; {@code MIT AND GPL-2.0} is. {@code WITH} exceptions do not change the licence they qualify. The
 * expression is parsed by {@link SpdxExpression} (the license step's reader), so both steps read a licence the
 * same way.
 */
public final class LicensePolicy {
  /** Copyleft families: reciprocal licences whose terms follow copied code. */
  public static final List<String> COPYLEFT = List.of("GPL-*", "LGPL-*", "AGPL-*", "MPL-*", "EPL-*", "EUPL-*",
      "CDDL-*", "OSL-*", "CPL-*", "CC-BY-SA-*", "SSPL-*");

  private final List<String> patterns;

  public LicensePolicy(List<String> denied) {
    List<String> p = new ArrayList<>();
    for (String d : denied) {
      String s = d.strip().toUpperCase(Locale.ROOT);
      if (s.isEmpty() || s.indexOf('*') >= 0 && s.indexOf('*') != s.length() - 1) {
        throw new IllegalArgumentException("licence patterns are SPDX ids, optionally ending in '*', got \"" + d + "\"");
      }
      p.add(s);
    }
    this.patterns = List.copyOf(p);
  }

  /**
   * Whether every way of taking {@code expression} includes a denied licence. Read as an SPDX expression by
   * the license package's parser ({@link SpdxExpression}); what it cannot read (ids not on the SPDX list,
   * "Dual BSD/GPL", a dangling operator) is judged word by word, the cautious reading: any denied id in it
   * denies it.
   */
  public boolean denies(String expression) {
    if (expression == null || patterns.isEmpty()) return false;
    SpdxExpression parsed;
    try {
      parsed = SpdxExpression.parse(expression);
    } catch (SpdxExpression.ParseException malformed) {
      for (String word : expression.split("[\\s()]+")) if (deniedId(word)) return true;
      return false;
    }
    return !parsed.satisfiable(id -> !deniedId(id));
  }

  private boolean deniedId(String id) {
    String u = id.toUpperCase(Locale.ROOT);
    if (u.endsWith("+")) u = u.substring(0, u.length() - 1);
    for (String p : patterns) {
      if (p.endsWith("*") ? u.startsWith(p.substring(0, p.length() - 1)) : u.equals(p)) return true;
    }
    return false;
  }
}
