package io.winnow.code.license.spdx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed SPDX license expression (SPDX 2.3 annex D): license ids, {@code +} (this version or later),
 * {@code WITH} an exception, {@code AND}, {@code OR} and parentheses, with the spec's precedence (WITH binds
 * tighter than AND, AND tighter than OR). Ids are checked against the SPDX list and printed in its spelling;
 * {@code LicenseRef-} and {@code DocumentRef-...:LicenseRef-} references are kept as given.
 */
public sealed interface SpdxExpression {
  /** A license id, perhaps with {@code +}, or a {@code LicenseRef-}. */
  record License(String id, boolean orLater, boolean deprecated, boolean reference) implements SpdxExpression {
    @Override
    public String toString() {
      return id + (orLater ? "+" : "");
    }
  }

  record With(License license, String exception) implements SpdxExpression {
    @Override
    public String toString() {
      return license + " WITH " + exception;
    }
  }

  /** All terms apply. */
  record And(List<SpdxExpression> terms) implements SpdxExpression {
    @Override
    public String toString() {
      return join(terms, " AND ", this);
    }
  }

  /** Any one term applies, at the user's choice. */
  record Or(List<SpdxExpression> terms) implements SpdxExpression {
    @Override
    public String toString() {
      return join(terms, " OR ", this);
    }
  }

  /** Why an expression could not be read, with the position in it. */
  final class ParseException extends Exception {
    public ParseException(String message) {
      super(message);
    }
  }

  /** Parses against the SPDX list shipped with the library. */
  static SpdxExpression parse(String text) throws ParseException {
    return new Parser(text, SpdxLicenseList.get()).parse();
  }

  /** The license ids (and references) the expression names, in order, without {@code +} or exceptions. */
  default Set<String> licenseIds() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  /**
   * Whether a user may take the code under licenses that all pass {@code ok}: every term of an AND must, one term
   * of an OR suffices (the user picks it). A {@code WITH} exception only adds permissions, so it passes when its
   * license does.
   */
  default boolean satisfiable(Predicate<String> ok) {
    if (this instanceof License l) return ok.test(l.id());
    if (this instanceof With w) return ok.test(w.license().id());
    if (this instanceof And a) return a.terms().stream().allMatch(t -> t.satisfiable(ok));
    return ((Or) this).terms().stream().anyMatch(t -> t.satisfiable(ok));
  }

  private static void collect(SpdxExpression e, Set<String> out) {
    if (e instanceof License l) out.add(l.id());
    else if (e instanceof With w) out.add(w.license().id());
    else if (e instanceof And a) a.terms().forEach(t -> collect(t, out));
    else ((Or) e).terms().forEach(t -> collect(t, out));
  }

  private static String join(List<SpdxExpression> terms, String op, SpdxExpression parent) {
    StringBuilder sb = new StringBuilder();
    for (SpdxExpression t : terms) {
      if (sb.length() > 0) sb.append(op);
      boolean paren = (parent instanceof And && t instanceof Or) || (parent instanceof Or && t instanceof And);
      sb.append(paren ? "(" + t + ")" : t.toString());
    }
    return sb.toString();
  }

  /** Recursive descent over the tokens: {@code or := and (OR and)*}, {@code and := with (AND with)*}. */
  final class Parser {
    private final String text;
    private final SpdxLicenseList list;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private int pos;

    Parser(String text, SpdxLicenseList list) {
      this.text = text;
      this.list = list;
    }

    SpdxExpression parse() throws ParseException {
      tokenize();
      if (tokens.isEmpty()) throw new ParseException("empty license expression");
      SpdxExpression e = or();
      if (pos < tokens.size()) throw error("unexpected '" + tokens.get(pos) + "'");
      return e;
    }

    private SpdxExpression or() throws ParseException {
      List<SpdxExpression> terms = new ArrayList<>();
      terms.add(and());
      while (isOperator("OR")) {
        pos++;
        terms.add(and());
      }
      return terms.size() == 1 ? terms.get(0) : new Or(List.copyOf(terms));
    }

    private SpdxExpression and() throws ParseException {
      List<SpdxExpression> terms = new ArrayList<>();
      terms.add(with());
      while (isOperator("AND")) {
        pos++;
        terms.add(with());
      }
      return terms.size() == 1 ? terms.get(0) : new And(List.copyOf(terms));
    }

    private SpdxExpression with() throws ParseException {
      if (pos < tokens.size() && tokens.get(pos).equals("(")) {
        pos++;
        SpdxExpression inner = or();
        if (pos >= tokens.size() || !tokens.get(pos).equals(")")) throw error("missing ')'");
        pos++;
        return inner;
      }
      License license = license();
      if (!isOperator("WITH")) return license;
      pos++;
      if (pos >= tokens.size()) throw error("an exception id must follow WITH");
      String id = tokens.get(pos);
      SpdxLicenseList.Entry e = list.find(id);
      if (e == null || !e.exception()) throw error("'" + id + "' is not an SPDX license exception id");
      pos++;
      return new With(license, e.id());
    }

    private License license() throws ParseException {
      if (pos >= tokens.size()) throw error("a license id is missing at the end");
      String tok = tokens.get(pos);
      if (tok.equals("(") || tok.equals(")") || isOperatorWord(tok)) throw error("a license id is missing before '" + tok + "'");
      boolean plus = tok.endsWith("+") && tok.length() > 1;
      String id = plus ? tok.substring(0, tok.length() - 1) : tok;
      if (id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-")) {
        pos++;
        return new License(id, plus, false, true);
      }
      SpdxLicenseList.Entry e = list.find(id);
      if (e == null && !plus) e = list.find(tok); // "GPL-2.0+" is itself a (deprecated) id
      if (e == null || e.exception()) throw error("'" + tok + "' is not an SPDX license id");
      pos++;
      return new License(e.id(), plus && !e.id().endsWith("+"), e.deprecated(), false);
    }

    private boolean isOperator(String op) {
      return pos < tokens.size() && tokens.get(pos).toUpperCase(Locale.ROOT).equals(op) && isOperatorWord(tokens.get(pos));
    }

    /** Operators are written all upper or all lower case (SPDX 2.3 D.2). */
    private static boolean isOperatorWord(String t) {
      return t.equals("AND") || t.equals("OR") || t.equals("WITH") || t.equals("and") || t.equals("or") || t.equals("with");
    }

    private void tokenize() throws ParseException {
      int i = 0;
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '(' || c == ')') {
          offsets.add(i);
          tokens.add(String.valueOf(c));
          i++;
        } else if (isIdChar(c)) {
          int j = i;
          while (j < n && isIdChar(text.charAt(j))) j++;
          if (j < n && text.charAt(j) == '+') j++;
          offsets.add(i);
          tokens.add(text.substring(i, j));
          i = j;
        } else {
          throw new ParseException("character '" + c + "' at " + (i + 1) + " cannot appear in a license expression");
        }
      }
    }

    private static boolean isIdChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
    }

    private ParseException error(String message) {
      int at = pos < offsets.size() ? offsets.get(pos) + 1 : text.length() + 1;
      return new ParseException(message + " (at " + Math.min(at, text.length() + 1) + " in '" + text + "')");
    }
  }
}
