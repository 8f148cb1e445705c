package io.winnow.code.license.spdx;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notice a GNU license recommends putting at the top of each file, taken from the license's own appendix
 * ("How to Apply These Terms to Your New Programs": "This program is free software; you can redistribute it
 * ..." up to "Also add information on how to contact you"). The SPDX list's header templates are older
 * wordings of the same notice for some GNU licenses and missing for others (LGPL-3.0, AGPL-1.0); the appendix is
 * what programs copy, so it is a second reference for the header.
 *
 * <p>The appendix names the license it belongs to, except in the LGPL-3.0, which the list prints followed by the
 * GPL-3.0 it supplements, so that the appendix found is the GPL's. The FSF's instructions for the LGPL
 * (gnu.org/licenses/gpl-howto.html) are to use the GPL's notice with "GNU Lesser General Public License" in place
 * of "GNU General Public License"; a notice that names a plainer license than the entry is rewritten so.
 */
public final class GnuNotices {
  private static final Pattern HOW_TO_APPLY = Pattern.compile("how to apply these terms", Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTICE_START = Pattern.compile("(?m)^[ \\t]*[^\\n]{0,40}\\bis free software\\b");
  private static final String NOTICE_END = "Also add information on how to contact you";
  /** "either version 3 of the License, or (at your option) any later version": the grant of later versions. */
  private static final Pattern LATER_OPTION = Pattern.compile(
      "either\\s+(version\\s+[0-9.]+(?:\\s+of\\s+the\\s+License)?),?\\s+or\\s+\\(at\\s+your\\s+option\\)\\s+any\\s+later\\s+version");
  private static final Pattern PLAIN_GPL = Pattern.compile("GNU\\s+General\\s+Public\\s+License");

  private GnuNotices() {}

  /**
   * The recommended notice of this license, or null when its text has no such appendix. For an {@code -only} id
   * whose appendix grants "any later version", the notice without that option; for an {@code -or-later} id whose
   * appendix does not grant it, null.
   */
  public static String notice(SpdxLicenseList.Entry e) {
    if (e.text() == null || e.deprecated()) return null;
    String text = e.text();
    Matcher how = HOW_TO_APPLY.matcher(text);
    if (!how.find()) return null;
    Matcher start = NOTICE_START.matcher(text);
    if (!start.find(how.end())) return null;
    int end = text.indexOf(NOTICE_END, start.start());
    if (end < 0 || end - start.start() > 3000) return null;
    String notice = text.substring(start.start(), end).strip();
    boolean laterVersions = notice.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains("any later version");
    String id = e.id();
    if (laterVersions && id.endsWith("-only")) {
      // the appendix grants later versions; a project that grants one version only drops that option and keeps
      // the rest of the notice, word for word
      Matcher option = LATER_OPTION.matcher(notice);
      if (!option.find()) return null;
      notice = notice.substring(0, option.start()) + " " + option.group(1) + notice.substring(option.end());
    } else if (!laterVersions && id.endsWith("-or-later")) {
      return null;
    } else if (!id.endsWith("-only") && !id.endsWith("-or-later")) {
      return null;
    }
    String name = e.name().toLowerCase(Locale.ROOT);
    if (name.contains("lesser") && !notice.contains("Lesser")) {
      notice = PLAIN_GPL.matcher(notice).replaceAll("GNU Lesser General Public License");
    }
    return notice;
  }

  /**
   * "the GNU General Public License as published by the Free Software Foundation; version 2 of the License." →
   * "... General Public License version 2 as published by the Free Software Foundation.": a grant of one version
   * worded as the Linux kernel and many programs after it word it. Dice over word pairs sees the moved version as
   * a third of the grant changed (0.89 for the kernel's whole notice). Null when the notice has no such grant.
   */
  public static String versionFirst(String onlyNotice) {
    Matcher m = ONE_VERSION_GRANT.matcher(onlyNotice);
    if (!m.find()) return null;
    return onlyNotice.substring(0, m.start()) + m.group(1) + " version " + m.group(3) + " as published by the Free Software Foundation."
        + onlyNotice.substring(m.end());
  }

  private static final Pattern ONE_VERSION_GRANT = Pattern.compile(
      "(GNU\\s+(?:(?:Lesser|Library|Affero)\\s+)?General\\s+Public\\s+License),?\\s+as\\s+published\\s+by\\s+the\\s+Free\\s+Software\\s+Foundation"
          + "[;,]?\\s+(either\\s+)?version\\s+([0-9.]*[0-9])(?:\\s+of\\s+the\\s+License)?\\s*[.,;]?");

  /**
   * "either version 2 of the License, or (at your option) any later version" → "version 2, or (at your option) any
   * later version": the grant of later versions as many GNU programs word it (coreutils, findutils), or null when
   * the notice has no such grant. A reference of its own rather than a normalisation that drops "either" and "of
   * the License" from every text: dropping matched words lowers the Dice of every notice that differs elsewhere.
   */
  public static String shortLaterGrant(String orLaterNotice) {
    Matcher m = EITHER_VERSION.matcher(orLaterNotice);
    if (!m.find()) return null;
    return orLaterNotice.substring(0, m.start()) + "version " + m.group(1) + ", or" + orLaterNotice.substring(m.end());
  }

  private static final Pattern EITHER_VERSION = Pattern.compile("either\\s+version\\s+([0-9.]*[0-9])\\s+of\\s+the\\s+License,?\\s+or");
}
