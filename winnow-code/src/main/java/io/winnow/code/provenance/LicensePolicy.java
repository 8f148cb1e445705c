package io.winnow.code.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which licences make a match a reason to drop: a list of SPDX ids, each exact or ending in {@code *} (a
 * family: {@code GPL-*} covers GPL-2.0, GPL-2.0-only, GPL-3.0-or-later). A licence expression is denied when
 * no way of taking it avoids a denied id: {@code GPL-2.0 OR BSD-3-Clause} may be taken as BSD and is not
 * denied; {@code MIT AND GPL-2.0} is. {@code WITH} exceptions do not change the licence they qualify.
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

  public boolean denies(String expression) {
    if (expression == null || patterns.isEmpty()) return false;
    try {
      return new Parser(expression).parse();
    } catch (IllegalArgumentException malformed) {
      // not an expression: judge the words in it, the cautious reading
      for (String word : expression.split("[\\s()]+")) if (deniedId(word)) return true;
      return false;
    }
  }

  private boolean deniedId(String id) {
    String u = id.toUpperCase(Locale.ROOT);
    if (u.endsWith("+")) u = u.substring(0, u.length() - 1);
    for (String p : patterns) {
      if (p.endsWith("*") ? u.startsWith(p.substring(0, p.length() - 1)) : u.equals(p)) return true;
    }
    return false;
  }

  /** expr := and (OR and)* ; and := atom (AND atom)* ; atom := '(' expr ')' | id [WITH id] — evaluating "denied". */
  private final class Parser {
    private final String[] tokens;
    private int i;

    Parser(String expression) {
      this.tokens = expression.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+");
    }

    boolean parse() {
      boolean d = or();
      if (i != tokens.length) throw new IllegalArgumentException("trailing tokens");
      return d;
    }

    private boolean or() {
      boolean denied = and();
      while (i < tokens.length && tokens[i].equalsIgnoreCase("OR")) {
        i++;
        denied &= and(); // one alternative free of denied ids is enough
      }
      return denied;
    }

    private boolean and() {
      boolean denied = atom();
      while (i < tokens.length && tokens[i].equalsIgnoreCase("AND")) {
        i++;
        denied |= atom();
      }
      return denied;
    }

    private boolean atom() {
      if (i >= tokens.length) throw new IllegalArgumentException("unexpected end");
      String t = tokens[i++];
      if (t.equals("(")) {
        boolean d = or();
        if (i >= tokens.length || !tokens[i++].equals(")")) throw new IllegalArgumentException("unbalanced");
        return d;
      }
      if (t.equals(")") || t.equalsIgnoreCase("AND") || t.equalsIgnoreCase("OR")) throw new IllegalArgumentException("misplaced " + t);
      boolean d = deniedId(t);
      if (i + 1 < tokens.length && tokens[i].equalsIgnoreCase("WITH")) i += 2;
      return d;
    }
  }
}
