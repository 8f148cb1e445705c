package io.winnow.code.provenance;

import java.util.Locale;

/**
 * A first guess at the licence a LICENSE or COPYING file holds, from the phrases that open the common texts,
 * for reference files that carry no SPDX header. It knows only the licences whose opening words are
 * unmistakable; anything else is {@code LicenseRef-unrecognised}, and the user names the licence of such a
 * source with {@code --license}. (Full recognition of licence texts against the SPDX list is the
 * {@code license} step's job.)
 */
final class LicenseFileGuess {
  private LicenseFileGuess() {}

  static String guess(String text) {
    String spdx = SpdxHeader.find(text);
    if (spdx != null) return spdx;
    String t = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    t = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (t.contains("gnu affero general public license")) return "AGPL-3.0";
    if (t.contains("gnu lesser general public license") || t.contains("gnu library general public license")) {
      return t.contains("version 3") ? "LGPL-3.0" : "LGPL-2.1";
    }
    if (t.contains("gnu general public license")) return t.contains("version 3") ? "GPL-3.0" : "GPL-2.0";
    if (t.contains("mozilla public license version 2.0") || t.contains("mozilla public license, version 2.0")) return "MPL-2.0";
    if (t.contains("apache license") && t.contains("version 2.0")) return "Apache-2.0";
    if (t.contains("permission is hereby granted, free of charge")) return "MIT";
    if (t.contains("redistribution and use in source and binary forms")) {
      return t.contains("neither the name") || t.contains("names of its contributors") ? "BSD-3-Clause" : "BSD-2-Clause";
    }
    if (t.contains("permission to use, copy, modify, and/or distribute this software")) return "ISC";
    return "LicenseRef-unrecognised";
  }
}
