package io.winnow.code.license.match;

import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GNU license granted in one sentence, read by rule: "you can redistribute it and/or modify it under the terms of
 * the GNU General Public License version 2 or later as published by the Free Software Foundation", "This file may be
 * used under the terms of the GNU Lesser General Public License version 2.1 as published by the Free Software
 * Foundation", "subject to the terms and conditions of the GNU General Public License v2 or (at your option) any
 * later version", "licensed under the GPLv3". Such a sentence is a whole grant, yet a few dozen word pairs of which
 * the wording varies at every turn (where the version stands, "v2", "or later", "; version 3 dated June, 2007"):
 * Dice against the FSF's notice, or even its first paragraph, stays below any useful threshold for most of them,
 * while what they say is exact: a license, a version, and whether later versions are allowed.
 *
 * <p>A grant needs three things in order: words that make the name the text's license ("under the terms of the",
 * "licensed under the", "distributed under"), a GNU license's name, and a version the SPDX list has for it, right
 * after the name or after "as published by the Free Software Foundation" ("...; under version 2 of the License"), or
 * before it ("under the terms of version 2 of the GNU Lesser General Public License"). A name alone, or one that is only
 * mentioned ("the complete text of the GNU General Public License version 2 can be found in ..."), is no grant.
 * "or later", "or (at your option) any later version", "or any later version" and "or greater" give the {@code -or-later} id;
 * "version 2 of the License, or (at your option) version 3" gives both versions.
 */
final class GnuGrants {
  /**
   * A grant found: the SPDX id and the words {@code [startWord, endWord)} of the normalised text it spans;
   * {@code alternative} for the second version of "version 2 of the License, or (at your option) version 3", which
   * a notice found by Dice over the same words names no more than the first.
   */
  record Grant(String id, int startWord, int endWord, boolean alternative) {
    Grant(String id, int startWord, int endWord) {
      this(id, startWord, endWord, false);
    }
  }

  static final String CONTEXT = "(?:(?:under|subject to) the terms (?:and conditions )?of (?:the )?|subject to (?:the )?"
      + "|(?:licensed|licenced|released|distributed|distributable|redistributable|available|provided|covered|published) under "
      + "(?:the )?(?:terms of (?:the )?)?)";
  /** The full names may be followed by their abbreviation ("the GNU Free Documentation License (GFDL), version 1.1"). */
  private static final String NAME = "(?:(?:the )?gnu (?:(?<word>lesser|library|affero) )?general public license(?: [la]?gpl)?"
      + "|(?<fdl>gnu free documentation license(?: g?fdl)?|(?:gnu )?g?fdl)|(?:gnu )?(?<abbr>l|a)?gpl(?:v(?<abbrversion>\\d))?)";
  private static final String FSF = "(?:as )?published by the free software foundation ";
  /** "either version 2", "version 2", "2", and after the FSF's name "under version 2 of the License". */
  private static final String VERSION = "(?:either |under (?=version ))?(?:version )?(?<major>\\d)(?: (?<minor>\\d))?(?= |$)";
  /** "or later", "or (at your option) any later version", "or greater": the grant of later versions. */
  private static final String LATER_OPTION = "(?<later> or (?:at your option )?(?:any )?(?:later|newer|greater)(?: version)?)";
  private static final String LATER = "(?: of the license)?(?:" + LATER_OPTION
      + "|(?: or at your option version (?<altmajor>\\d)(?: (?<altminor>\\d))?))?(?= |$)";
  /** The name, then the version right after it or after the FSF's name, then the later-versions option. */
  private static final Pattern GRANT = Pattern.compile("\\b" + CONTEXT + NAME + " (?:" + FSF + ")?" + VERSION + LATER);
  /** "under the terms of version 2 of the GNU Lesser General Public License as published by ...": the version first. */
  private static final Pattern VERSION_FIRST = Pattern.compile("\\b" + CONTEXT + "(?:either )?version (?<major>\\d)(?: (?<minor>\\d))? of (?:the )?"
      + NAME + "(?: (?:as )?published by the free software foundation)?" + LATER_OPTION + "?(?= |$)");
  private static final Pattern VERSIONED_NAME = Pattern.compile("\\b" + CONTEXT + NAME + LATER_OPTION + "?(?= |$)");
  /** GFDL grants usually go on to say which parts are invariant; "with no Invariant Sections" is its own SPDX id. */
  private static final Pattern NO_INVARIANTS = Pattern.compile("^(?:\\S+ ){0,25}?with no invariant sections");

  private GnuGrants() {}

  /** The grants of a normalised text ({@link LicenseNormalizer}), in text order. */
  static List<Grant> find(String normalized) {
    List<Grant> out = new ArrayList<>();
    // every name above holds one of these: most files (code, other licenses) are passed over without the patterns
    if (!normalized.contains("gnu") && !normalized.contains("gpl") && !normalized.contains("fdl")) return out;
    SpdxLicenseList list = SpdxLicenseList.get();
    // "the GPLv3": the version is part of the name
    Matcher v = VERSIONED_NAME.matcher(normalized);
    while (v.find()) {
      if (v.group("abbrversion") == null) continue;
      String id = id(list, name(v), version(v.group("abbrversion"), null), "", v.group("later") != null);
      if (id != null) out.add(new Grant(id, wordAt(normalized, v.start()), wordAt(normalized, v.end())));
    }
    Matcher m = GRANT.matcher(normalized);
    while (m.find()) {
      if (m.group("abbrversion") != null) continue; // "gplv2 3": not one version
      String name = name(m);
      String variant = name.equals("GFDL") && NO_INVARIANTS.matcher(normalized.substring(m.end()).stripLeading()).find() ? "-no-invariants" : "";
      int start = wordAt(normalized, m.start());
      int end = wordAt(normalized, m.end());
      String id = id(list, name, version(m.group("major"), m.group("minor")), variant, m.group("later") != null);
      if (id == null) continue;
      out.add(new Grant(id, start, end));
      if (m.group("altmajor") != null) {
        String other = id(list, name, version(m.group("altmajor"), m.group("altminor")), variant, false);
        if (other != null) out.add(new Grant(other, start, end, true));
      }
    }
    Matcher f = VERSION_FIRST.matcher(normalized);
    while (f.find()) {
      if (f.group("abbrversion") != null) continue; // "version 2 of the GPLv3": not one version
      String id = id(list, name(f), version(f.group("major"), f.group("minor")), "", f.group("later") != null);
      if (id != null) out.add(new Grant(id, wordAt(normalized, f.start()), wordAt(normalized, f.end())));
    }
    // "This is free software, licensed under: The GNU Library General Public License, Version 2, June 1991" and then
    // "... version 2 of the License, or (at your option) any later version": a title that names the edition, and the
    // grant; the grant of later versions is the more exact of the two
    java.util.Set<String> laterFamilies = new java.util.HashSet<>();
    for (Grant g : out) if (g.id().endsWith("-or-later")) laterFamilies.add(LicenseKinds.family(g.id()));
    out.removeIf(g -> g.id().endsWith("-only") && laterFamilies.contains(LicenseKinds.family(g.id())));
    out.sort(java.util.Comparator.comparingInt(Grant::startWord));
    return out;
  }

  private static String version(String major, String minor) {
    return major + "." + (minor != null ? minor : "0");
  }

  /** The index of the word at character {@code at} of a normalised text (words are separated by single spaces). */
  static int wordAt(String normalized, int at) {
    int words = 0;
    for (int i = 0; i < at && i < normalized.length(); i++) if (normalized.charAt(i) == ' ') words++;
    return words;
  }

  /** The SPDX name of the license the match names: GPL, LGPL, AGPL or GFDL. */
  private static String name(Matcher m) {
    if (m.group("fdl") != null) return "GFDL";
    String word = m.group("word") != null ? m.group("word") : m.group("abbr");
    if (word == null) return "GPL";
    return switch (word) {
      case "lesser", "library", "l" -> "LGPL";
      default -> "AGPL";
    };
  }

  /**
   * The list's id of that name and version ("2" is 2.0, as in {@link WordPairs#sameVersion}), or null when the
   * list has no such version of the license (a "GPL version 4", the LGPL "version 1").
   */
  private static String id(SpdxLicenseList list, String name, String version, String variant, boolean later) {
    SpdxLicenseList.Entry e = list.find(name + "-" + version + variant + (later ? "-or-later" : "-only"));
    return e == null || e.deprecated() ? null : e.id();
  }
}
