package io.winnow.code.license.match;

import io.winnow.code.license.spdx.SpdxTemplate;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a license text and a license template to the same form, following the SPDX matching guidelines
 * (spdx.github.io/spdx-spec/v2.3/license-matching-guidelines-and-templates): case, white space and punctuation do
 * not matter; copyright notices, comment markers, bullets and numbering at the start of a line, HTML and Markdown
 * markup are dropped; varietal spellings (British/American, hyphenation) and {@code http}/{@code https} compare
 * equal, and "v2" or "v. 2" is "version 2". The result is the text's words, lower case, separated by single spaces, with {@link SpdxTemplate#GAP}
 * kept where the input had one.
 */
public final class LicenseNormalizer {
  private static final Pattern HTML_TAG = Pattern.compile(
      "</?(?:a|abbr|b|blockquote|body|br|center|code|dd|div|dl|dt|em|font|h[1-6]|head|hr|html|i|li|meta|ol|p|pre|span"
          + "|strong|sub|sup|table|tbody|td|th|thead|title|tr|tt|u|ul)\\b[^<>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#39|#34|copy);");
  /**
   * Comment markers, quote marks and bullet symbols that may open a line: {@code /*}, {@code *}, {@code //}, {@code #},
   * {@code --}, {@code >}..., and the comment of troff ({@code .\"}, {@code '\"}, {@code \"}), which man pages open
   * their copyright notice and license with.
   */
  private static final String LEAD_SYMBOLS = "/*#;!%'\"|>+=~`_-.\\\u2013\u2014\u2022\u00b7\u25aa\u25e6\u00a7";
  /**
   * Numbering after the symbols: {@code 1.}, {@code 2)}, {@code (a)}, {@code a.)}, {@code iv.}, {@code 1.2.} and the {@code dnl}
   * of m4 comments; in Markdown the number may be set in bold or italics ({@code **(1)**}, {@code _a._}).
   */
  private static final Pattern NUMBERING = Pattern.compile(
      "(?:\\(?(?:\\d{1,3}|[a-z]|[ivx]{1,5})(?:\\.\\)|[.)])(?:\\d{1,3}[.)]?)*[*_]*|dnl)\\s+");
  /** A copyright notice line (SPDX guideline: copyright notices are ignored), not a sentence that speaks of copyright. */
  private static final Pattern COPYRIGHT_LINE = Pattern.compile(
      "^(?:portions\\s+)?(?:copyright\\s*(?:\\(c\\)|©|\\d{4}|\\[|<|\\{)|\\(c\\)\\s*(?:\\d{4}|\\[|<)|©).*");
  private static final Pattern ALL_RIGHTS = Pattern.compile("all rights reserved\\.?");
  /**
   * A version-control keyword that CVS or Subversion expanded into the file ({@code $Id: LICENSE.txt,v 1.1 2002/01/31
   * curcuru Exp $}, {@code $Header: ...$}, {@code $Revision: 1.4 $}): the file's own bookkeeping, no part of the
   * license, and a dozen word pairs of names and dates that would lower a match as much as a changed sentence.
   */
  private static final Pattern VCS_KEYWORD = Pattern.compile(
      "\\$(?:id|header|revision|date|author|source|rcsfile|log|name|locker|state|lastchangeddate|lastchangedrevision|rev|headurl)"
          + "(?::[^$\n]*)?\\$");
  /**
   * Where a GNU notice says to get the license: "write to the Free Software Foundation, Inc., &lt;postal address&gt;"
   * (three addresses over the years, and spellings of each) or, since 2007, "see &lt;https://www.gnu.org/licenses/&gt;".
   * The SPDX header templates leave the address variable (replaceable text) and most keep the postal wording;
   * today's notices use the web address. Both say the same, so both become {@value #FSF_CANONICAL}. The address
   * is matched as up to twelve words ending in a Massachusetts ZIP code, or the gap of a template's variable.
   */
  private static final Pattern FSF_WHERE = Pattern.compile(
      "write to the free software foundation (?:inc )?(?:\uFFFF |(?:[a-z0-9]+ ){1,12}?(?:ma|massachusetts) 0\\d{4} (?:\\d{4} )?)(?:usa )?"
          + "|(?:see )?http (?:www )?gnu org licenses ");
  static final String FSF_CANONICAL = "see gnu org licenses ";
  /**
   * "version 2 dated June, 1991": a notice that names the version by its date as well; the date is the version's
   * (the GPL-2.0 is "Version 2, June 1991"), so it is dropped and the version kept.
   */
  private static final Pattern VERSION_DATE = Pattern.compile(
      "(version \\d+ (?:\\d+ )?)dated (?:\\d{1,2} )?(?:january|february|march|april|may|june|july|august|september|october"
          + "|november|december) (?:\\d{1,2} )?\\d{4} ");

  /**
   * "you can redistribute them and/or modify them": a GNU grant for several programs or files ("These programs
   * are free software", python-apt's "APT is free software") in the plural; the FSF's notice says "it". Read as
   * the notice's own words, so that the pronoun costs four word pairs no more.
   */
  private static final String PLURAL_GRANT = "redistribute them and or modify them ";
  private static final String SINGULAR_GRANT = "redistribute it and or modify it ";
  /** The plural with one pronoun ("These files are free software; you can redistribute and/or modify them", GnuPG's). */
  private static final String PLURAL_GRANT_SHORT = "redistribute and or modify them ";
  /**
   * "GPLv2+", "LGPL-2.1+", "GPL-2.0+": a version with a plus sign is that version or later (the SPDX list's own
   * deprecated ids say so), which punctuation rules alone would reduce to the version.
   */
  private static final Pattern VERSION_PLUS = Pattern.compile("(?<=\\d)\\+(?![\\w+])");

  /**
   * "the Lesser GNU General Public License" / "the Library GNU General Public License": the FSF's name with its
   * words in another order, which would otherwise read as the GPL's "gnu general" pair.
   */
  private static final Pattern GNU_NAME_ORDER = Pattern.compile("\\b(lesser|library) gnu general ");

  /** Varietal spellings of the SPDX list (equivalentwords.txt), folded to one spelling. */
  private static final Map<String, String> VARIANTS = Map.ofEntries(
      Map.entry("acknowledgement", "acknowledgment"),
      // not a varietal spelling but a misspelling that the Apache Software License 1.1 copies of the Jakarta and
      // xml-commons projects (and the projects that copied theirs) carry three times in one clause
      Map.entry("acknowlegement", "acknowledgment"), Map.entry("acknowlegements", "acknowledgments"),
      Map.entry("acknowledgements", "acknowledgments"), Map.entry("analogue", "analog"), Map.entry("analyse", "analyze"),
      Map.entry("artefact", "artifact"), Map.entry("authorisation", "authorization"), Map.entry("authorised", "authorized"),
      Map.entry("calibre", "caliber"), Map.entry("cancelled", "canceled"), Map.entry("capitalisations", "capitalizations"),
      Map.entry("catalogue", "catalog"), Map.entry("categorise", "categorize"), Map.entry("centre", "center"),
      Map.entry("emphasised", "emphasized"), Map.entry("favour", "favor"), Map.entry("favourite", "favorite"),
      Map.entry("fulfil", "fulfill"), Map.entry("fulfilment", "fulfillment"), Map.entry("initialise", "initialize"),
      Map.entry("judgement", "judgment"), Map.entry("labelling", "labeling"), Map.entry("labour", "labor"),
      Map.entry("licence", "license"), Map.entry("licences", "licenses"), Map.entry("licenced", "licensed"),
      Map.entry("licencing", "licensing"), Map.entry("licencor", "licensor"), Map.entry("licencee", "licensee"),
      Map.entry("maximise", "maximize"), Map.entry("modelled", "modeled"), Map.entry("modelling", "modeling"),
      Map.entry("offence", "offense"), Map.entry("optimise", "optimize"), Map.entry("organisation", "organization"),
      Map.entry("organise", "organize"), Map.entry("practise", "practice"), Map.entry("programme", "program"),
      Map.entry("realise", "realize"), Map.entry("recognise", "recognize"), Map.entry("signalling", "signaling"),
      Map.entry("utilisation", "utilization"), Map.entry("whilst", "while"), Map.entry("wilful", "willful"),
      Map.entry("noncommercial", "non commercial"), Map.entry("sublicense", "sub license"),
      Map.entry("sublicenses", "sub licenses"), Map.entry("sublicensed", "sub licensed"),
      Map.entry("sublicensing", "sub licensing"), Map.entry("sublicence", "sub license"),
      Map.entry("sublicences", "sub licenses"), Map.entry("sublicenced", "sub licensed"),
      Map.entry("sublicencing", "sub licensing"), Map.entry("percent", "per cent"), Map.entry("https", "http"),
      Map.entry("owner", "holder"), Map.entry("owners", "holders"));

  private LicenseNormalizer() {}

  public static String normalize(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    if (t.indexOf('<') >= 0) t = HTML_TAG.matcher(t).replaceAll(" ");
    if (t.indexOf('$') >= 0) t = VCS_KEYWORD.matcher(t).replaceAll(" ");
    if (t.indexOf('+') >= 0) t = VERSION_PLUS.matcher(t).replaceAll(" or later");
    t = decodeEntities(t);
    StringBuilder out = new StringBuilder(t.length());
    int start = 0;
    int n = t.length();
    while (start <= n) {
      int end = t.indexOf('\n', start);
      if (end < 0) end = n;
      appendLine(t.substring(start, end), out);
      start = end + 1;
    }
    String words = out.toString();
    if (words.contains("free software foundation") || words.contains("gnu org licenses")) {
      words = FSF_WHERE.matcher(words).replaceAll(FSF_CANONICAL);
    }
    if (words.contains(" dated ")) words = VERSION_DATE.matcher(words).replaceAll("$1");
    if (words.contains(PLURAL_GRANT)) words = words.replace(PLURAL_GRANT, SINGULAR_GRANT);
    if (words.contains(PLURAL_GRANT_SHORT)) words = words.replace(PLURAL_GRANT_SHORT, SINGULAR_GRANT);
    if (words.contains(" gnu general ")) words = GNU_NAME_ORDER.matcher(words).replaceAll("gnu $1 general ");
    return words.trim();
  }

  private static void appendLine(String raw, StringBuilder out) {
    // a number that opens a line right after "version" is the version wrapped to the next line ("... License
    // Version\n1.1 (the "License")"), not the numbering of a list
    boolean afterVersion = endsWithWord(out, "version ");
    String line = stripLead(raw, afterVersion);
    if (!line.isEmpty() && "cp(\u00a9".indexOf(line.charAt(0)) >= 0 && COPYRIGHT_LINE.matcher(line).matches()) {
      out.append(SpdxTemplate.GAP).append(' ');
      int rest = textAfterNotice(line);
      if (rest < 0) return;
      line = line.substring(rest);
    }
    if (line.contains("all rights reserved")) line = ALL_RIGHTS.matcher(line).replaceAll(" ");
    if (line.indexOf('&') >= 0) line = line.replace("&", " and ");
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == SpdxTemplate.GAP) {
        out.append(SpdxTemplate.GAP).append(' ');
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < n && Character.isLetterOrDigit(line.charAt(j))) j++;
        String word = line.substring(i, j);
        if (word.charAt(0) == 'v' && isVersionAbbreviation(word, line, j)) {
          // "v2", "v. 2", "v 2.0": the abbreviation of "version", which the version rule reads
          out.append("version ");
          if (word.length() > 1) out.append(word, 1, word.length()).append(' ');
        } else {
          out.append(VARIANTS.getOrDefault(word, word)).append(' ');
        }
        i = j;
      } else {
        i++;
      }
    }
  }

  /** Words after a copyright notice's first full stop that make the rest of its line text of its own. */
  static final int TEXT_AFTER_NOTICE_WORDS = 12;

  /**
   * Where the text after a copyright notice starts on the notice's own line, or -1 if it holds none. A notice is
   * dropped, but a one-line notice and license ("Copyright (c) YEAR YOUR NAME. Permission is granted to copy ...",
   * the GFDL's header as the SPDX list prints it, and many a README) must keep the license. The notice ends at its
   * first full stop that {@value #TEXT_AFTER_NOTICE_WORDS} or more words follow; a holder's initial or "Inc." can
   * end it early, which leaves a name's word or two as text, harmless beside a license.
   */
  private static int textAfterNotice(String line) {
    for (int dot = line.indexOf(". "); dot >= 0; dot = line.indexOf(". ", dot + 1)) {
      int words = 0;
      boolean inWord = false;
      for (int k = dot + 2; k < line.length() && words < TEXT_AFTER_NOTICE_WORDS; k++) {
        boolean letter = Character.isLetter(line.charAt(k));
        if (letter && !inWord) words++;
        inWord = letter;
      }
      if (words >= TEXT_AFTER_NOTICE_WORDS) return dot + 2;
      return -1; // fewer words after the first full stop: fewer still after any later one
    }
    return -1;
  }

  /** Whether the words so far end with {@code word} (given with its trailing space). */
  private static boolean endsWithWord(StringBuilder out, String word) {
    int from = out.length() - word.length();
    if (from < 0 || from > 0 && out.charAt(from - 1) != ' ') return false;
    for (int k = 0; k < word.length(); k++) if (out.charAt(from + k) != word.charAt(k)) return false;
    return true;
  }

  /** "v" followed by digits, or "v" alone and then (past a dot or spaces) a number. */
  private static boolean isVersionAbbreviation(String word, String line, int after) {
    if (word.length() > 1) {
      if (word.length() > 4) return false;
      for (int k = 1; k < word.length(); k++) if (!Character.isDigit(word.charAt(k))) return false;
      return true;
    }
    int k = after;
    if (k < line.length() && line.charAt(k) == '.') k++;
    while (k < line.length() && line.charAt(k) == ' ') k++;
    return k > after && k < line.length() && Character.isDigit(line.charAt(k));
  }

  /** The line without leading white space, comment markers, bullets and numbering. */
  private static String stripLead(String line, boolean keepNumber) {
    int i = 0;
    int n = line.length();
    while (i < n && (Character.isWhitespace(line.charAt(i)) || LEAD_SYMBOLS.indexOf(line.charAt(i)) >= 0)) i++;
    if (i < n) {
      char c = line.charAt(i);
      if (!keepNumber && (c == '(' || Character.isLetterOrDigit(c))) {
        Matcher m = NUMBERING.matcher(line).region(i, n);
        if (m.lookingAt()) i = m.end();
      }
    }
    return line.substring(i);
  }

  private static String decodeEntities(String t) {
    if (t.indexOf('&') < 0) return t;
    Matcher m = ENTITY.matcher(t);
    StringBuilder sb = new StringBuilder(t.length());
    while (m.find()) {
      String r = switch (m.group(1)) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "copy" -> "©";
        case "nbsp" -> " ";
        default -> "'";
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
