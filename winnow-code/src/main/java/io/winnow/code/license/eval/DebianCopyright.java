package io.winnow.code.license.eval;

import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.spdx.LicenseKinds;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A development set of real license notices: the {@code License:} paragraphs of this machine's machine-readable
 * Debian copyright files ({@code /usr/share/doc/PACKAGE/copyright}, DEP-5), each a short name the packager chose
 * ({@code GPL-2+}, {@code Expat}, {@code BSD-3-clause}) and the text of the notice or license they quote. The
 * short names are mapped to SPDX families ({@link #family}); paragraphs with another name, or under 15 words once
 * the sentences saying where Debian keeps the license are taken away ({@link #withoutDebianPointers}), are left
 * out, and counted apart. The names are the packagers' and sometimes wrong (a
 * GPL-3.0 notice filed as LGPL-2.1+), so the figure is a floor; it is printed with the wrong and missed
 * paragraphs by name. Distinct texts are counted once.
 *
 * <p>The same scoring runs over a held-out set: the copyright files of Debian packages not installed here, drawn
 * and unpacked under a root folder by {@code bench/debian-copyright-heldout.sh}. For it only the counts are
 * printed, never a wrong or missed paragraph's name or text, so that its misses stay unread.
 */
final class DebianCopyright {
  private static final Pattern LICENSE_FIELD = Pattern.compile("^License:\\s*(.*)$");
  private static final Pattern GNU = Pattern.compile("(a?gpl|lgpl|gfdl(?:-niv)?)-(\\d(?:\\.\\d)?)\\+?");
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("expat", "MIT"), Map.entry("mit", "MIT"), Map.entry("mit/x11", "MIT"), Map.entry("x11", "X11"),
      Map.entry("isc", "ISC"), Map.entry("zlib", "Zlib"), Map.entry("apache-2.0", "Apache-2.0"),
      Map.entry("apache-2", "Apache-2.0"), Map.entry("bsd-2-clause", "BSD-2-Clause"), Map.entry("bsd-2", "BSD-2-Clause"),
      Map.entry("bsd-3-clause", "BSD-3-Clause"), Map.entry("bsd-3", "BSD-3-Clause"), Map.entry("bsd-4-clause", "BSD-4-Clause"),
      Map.entry("bsd-4-clause-uc", "BSD-4-Clause-UC"), Map.entry("cc0-1.0", "CC0-1.0"), Map.entry("cc0", "CC0-1.0"),
      Map.entry("mpl-2.0", "MPL-2.0"), Map.entry("mpl-1.1", "MPL-1.1"), Map.entry("fsfap", "FSFAP"),
      Map.entry("fsfullr", "FSFULLR"), Map.entry("fsful", "FSFUL"), Map.entry("ofl-1.1", "OFL-1.1"),
      Map.entry("bsl-1.0", "BSL-1.0"), Map.entry("boost-1.0", "BSL-1.0"), Map.entry("apache-1.1", "Apache-1.1"),
      Map.entry("ms-pl", "MS-PL"), Map.entry("cc-by-sa-3.0", "CC-BY-SA-3.0"), Map.entry("cc-by-3.0", "CC-BY-3.0"),
      Map.entry("ntp", "NTP"), Map.entry("latex2e", "Latex2e"), Map.entry("beerware", "Beerware"), Map.entry("icu", "ICU"));

  private DebianCopyright() {}

  /** The SPDX family a Debian short name stands for ("GPL-2+" → GPL-2.0, "Expat" → MIT), or null. */
  static String family(String debianName) {
    String base = debianName.split("(?i)\\s+with\\s+")[0].strip().toLowerCase(Locale.ROOT);
    Matcher gnu = GNU.matcher(base);
    if (gnu.matches()) {
      String version = gnu.group(2).contains(".") ? gnu.group(2) : gnu.group(2) + ".0";
      String kind = gnu.group(1).startsWith("gfdl") ? "GFDL" : gnu.group(1).toUpperCase(Locale.ROOT);
      return kind.equals("GPL") && version.equals("2.1") ? null : kind + "-" + version;
    }
    return NAMES.get(base.endsWith("+") ? base.substring(0, base.length() - 1) : base);
  }

  /** The development set: this machine's {@code /usr/share/doc/PACKAGE/copyright}, with every wrong and missed paragraph. */
  static void run(LicenseMatcher matcher) throws IOException {
    run(matcher, Path.of("/"), true);
  }

  /**
   * Scores {@code root/usr/share/doc/PACKAGE/copyright}. With {@code printMisses} false (a held-out set) only counts are
   * printed: right / scored, wrong, nothing found, and the expected families' counts.
   */
  static void run(LicenseMatcher matcher, Path root, boolean printMisses) throws IOException {
    Path doc = root.resolve("usr/share/doc");
    if (!Files.isDirectory(doc)) {
      System.out.println("skipped: " + doc + " not found (Debian copyright files)");
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(doc)) {
      files = s.map(p -> p.resolve("copyright")).filter(Files::isRegularFile).sorted().toList();
    }
    Set<String> seen = new HashSet<>();
    int right = 0;
    int scored = 0;
    int pointers = 0;
    int pointersRight = 0;
    Map<String, Integer> nothing = new TreeMap<>();
    Map<String, Integer> scoredBy = new TreeMap<>();
    Map<String, Integer> rightBy = new TreeMap<>();
    Map<String, Integer> wrongBy = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (Path f : files) {
      String all;
      try {
        all = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
      } catch (CharacterCodingException e) {
        continue;
      }
      if (!all.startsWith("Format:")) continue;
      for (String[] stanza : stanzas(all)) {
        String want = family(stanza[0]);
        if (want == null || stanza[1].split("\\s+").length < 15 || !seen.add(stanza[1])) continue;
        if (withoutDebianPointers(stanza[1]).split("\\s+").length < 15) {
          pointers++;
          if (matcher.find(stanza[1]).stream().anyMatch(g -> sameFamily(want, g.id()))) pointersRight++;
          continue;
        }
        scored++;
        scoredBy.merge(want, 1, Integer::sum);
        List<String> got = matcher.find(stanza[1]).stream().map(LicenseMatch::id).toList();
        if (got.stream().anyMatch(g -> sameFamily(want, g))) {
          right++;
          rightBy.merge(want, 1, Integer::sum);
        } else if (got.isEmpty()) {
          nothing.merge(want, 1, Integer::sum);
          missed.add(f.getParent().getFileName() + " " + stanza[0]);
        } else {
          wrongBy.merge(want, 1, Integer::sum);
          wrong.add(f.getParent().getFileName() + " " + stanza[0] + " -> " + got);
        }
      }
    }
    if (!printMisses) {
      System.out.printf(Locale.ROOT, "debian_copyright_heldout (held-out set: License paragraphs of the DEP-5 files among %d copyright files under %s, "
          + "packagers' names; misses not shown): %s right, %d wrong, %d nothing found%n", files.size(), root,
          LicenseEvaluation.Tally.figure(right, scored), wrong.size(), scored - right - wrong.size());
      printPointers(pointers, pointersRight, right, scored);
      for (Map.Entry<String, Integer> e : scoredBy.entrySet()) {
        System.out.printf(Locale.ROOT, "  %s: %d/%d right, %d wrong, %d nothing found%n", e.getKey(), rightBy.getOrDefault(e.getKey(), 0),
            e.getValue(), wrongBy.getOrDefault(e.getKey(), 0), nothing.getOrDefault(e.getKey(), 0));
      }
      return;
    }
    System.out.printf(Locale.ROOT, "debian_copyright (development set: License paragraphs of the DEP-5 files among %d copyright files under %s, packagers' names): %s right, "
        + "%d wrong, %d nothing found%n", files.size(), root, LicenseEvaluation.Tally.figure(right, scored), wrong.size(), scored - right - wrong.size());
    printPointers(pointers, pointersRight, right, scored);
    System.out.println("  nothing found, by expected family: " + nothing);
    for (String w : wrong) System.out.println("  wrong " + w);
    for (String m : missed) System.out.println("  nothing " + m);
  }

  private static void printPointers(int pointers, int pointersRight, int right, int scored) {
    System.out.printf(Locale.ROOT, "  left out: %d paragraphs of under 15 words once the sentences saying where Debian keeps the license are "
        + "taken away (with them: %s right)%n", pointers, LicenseEvaluation.Tally.figure(right + pointersRight, scored + pointers));
  }

  private static final Pattern SENTENCE_END = Pattern.compile("[.;:](?=\\s|$)");

  /**
   * The paragraph less its sentences that say where Debian keeps the license's text ("On Debian systems, the
   * complete text of the Apache License, Version 2.0 can be found in /usr/share/common-licenses/Apache-2.0."): such a
   * sentence names the license without being its text or notice, so a paragraph that is little else is no test of a
   * text matcher, as the paragraphs of under 15 words are not.
   */
  static String withoutDebianPointers(String paragraph) {
    String out = paragraph;
    for (int at; (at = out.indexOf("/usr/share/common-licenses")) >= 0; ) {
      int start = 0;
      Matcher end = SENTENCE_END.matcher(out);
      while (end.find() && end.end() <= at) start = end.end();
      Matcher after = SENTENCE_END.matcher(out);
      int stop = after.find(at) ? after.end() : out.length();
      out = out.substring(0, start) + " " + out.substring(stop);
    }
    return out.strip();
  }

  private static boolean sameFamily(String want, String got) {
    String g = LicenseKinds.family(got);
    return g.equals(want) || g.startsWith(want + "-") || want.equals("MIT") && g.equals("X11");
  }

  /** Each {@code License:} field with its continuation lines ("." lines are blank lines), as {name, text}. */
  private static List<String[]> stanzas(String file) {
    List<String[]> out = new ArrayList<>();
    String[] lines = file.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LICENSE_FIELD.matcher(lines[i]);
      if (!m.matches()) continue;
      StringBuilder text = new StringBuilder();
      int k = i + 1;
      for (; k < lines.length && !lines[k].isEmpty() && (lines[k].charAt(0) == ' ' || lines[k].charAt(0) == '\t'); k++) {
        String t = lines[k].substring(1);
        text.append(t.strip().equals(".") ? "" : t).append('\n');
      }
      out.add(new String[] {m.group(1).strip(), text.toString().strip()});
      i = k - 1;
    }
    return out;
  }
}
