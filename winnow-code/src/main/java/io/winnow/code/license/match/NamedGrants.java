package io.winnow.code.license.match;

import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A license other than the GNU ones granted in one sentence, read by rule: "Licensed under the Apache License, Version
 * 2.0", "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0", "Distributed under the
 * Boost Software License, Version 1.0". The standard headers of these licenses go on with a sentence or two (where to
 * get the license, the disclaimer), and copies of them drop or replace those sentences ("On Debian systems, a copy of
 * the License can be found in ..." instead of the URL), which lowers the Dice of a whole header below the threshold
 * though the grant itself says exactly which license and version apply.
 *
 * <p>As for {@link GnuGrants}, a grant needs words that make the name the text's license ("licensed under the", "under
 * the terms of the", "subject to the terms of the"), the license's full name and a version the SPDX list has for it;
 * a name that is only mentioned ("the Apache License, Version 2.0 is a permissive license") is no grant. Only names
 * that no other license shares are read: "the BSD license" or "the MIT license" say too little to pick an SPDX id.
 * Creative Commons grants ("licensed under a Creative Commons Attribution 4.0 International License") are not read
 * either: the footers of web pages state their content's license in those words, and a text of non-license prose
 * must match nothing.
 */
final class NamedGrants {
  /** SPDX id prefix and the license's name as {@link LicenseNormalizer} writes it. */
  private static final String[][] NAMES = {
      {"Apache", "apache license"},
      {"MPL", "mozilla public license"},
      {"EPL", "eclipse public license"},
      {"BSL", "boost software license"},
      {"CDDL", "common development and distribution license(?: cddl)?"},
      {"CC0", "cc0"},
  };

  private static final Pattern GRANT;

  static {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < NAMES.length; i++) names.append(i == 0 ? "" : "|").append("(?<n").append(i).append('>').append(NAMES[i][1]).append(')');
    // "version 2 0", "2 0", "version 2" (2.0, as the GNU grants read it)
    GRANT = Pattern.compile("\\b" + GnuGrants.CONTEXT + "(?:a |an )?(?:" + names + ") (?:version )?(?<major>\\d)(?: (?<minor>\\d))?(?= |$)");
  }

  private NamedGrants() {}

  /** The grants of a normalised text ({@link LicenseNormalizer}), in text order. */
  static List<GnuGrants.Grant> find(String normalized) {
    List<GnuGrants.Grant> out = new ArrayList<>();
    // every grant's words hold one of these: most files are passed over without the pattern
    if (!normalized.contains("under ") && !normalized.contains("subject to ")) return out;
    Matcher m = GRANT.matcher(normalized);
    while (m.find()) {
      String prefix = null;
      for (int i = 0; i < NAMES.length && prefix == null; i++) if (m.group("n" + i) != null) prefix = NAMES[i][0];
      String version = m.group("major") + "." + (m.group("minor") != null ? m.group("minor") : "0");
      SpdxLicenseList.Entry e = SpdxLicenseList.get().find(prefix + "-" + version);
      if (e == null || e.deprecated()) continue;
      out.add(new GnuGrants.Grant(e.id(), GnuGrants.wordAt(normalized, m.start()), GnuGrants.wordAt(normalized, m.end())));
    }
    return out;
  }
}
