package io.winnow.bench;

import io.winnow.code.provenance.CodeLanguage;
import io.winnow.code.provenance.CodeLexer;
import io.winnow.code.provenance.TokenStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Rewrites C-like source the way a model reproducing it from memory would, at a chosen strength, for the
 * provenance evaluation: comments removed or rewritten, every identifier renamed consistently, top-level
 * definitions reordered, lines edited, deleted, replaced or inserted (in bursts and singly), and the whole
 * re-indented with another brace style. It knows nothing of the files it is given: the rules are generic.
 *
 * <p>It measures what it kept: the fraction of the original's normalised tokens (identifiers and literals
 * abstracted, as the provenance lexer sees them; comments and layout are not tokens) on lines it left
 * unedited, in whatever order they end up. Renaming, reformatting and reordering keep tokens; an edited,
 * deleted or replaced line loses all of its tokens.
 */
final class CodeTransformer {
  record Result(String text, double kept, int originalTokens) {}

  private static final String[] WORDS = {"data", "buf", "len", "count", "ctx", "state", "value", "result", "item",
      "node", "entry", "flag", "mask", "offset", "size", "index", "handle", "info", "config", "port", "dev", "reg",
      "queue", "list", "timer", "lock", "mode", "status", "limit", "base", "addr", "cmd", "req", "resp", "chan"};
  private static final String[] STATEMENTS = {"ret = 0;", "if (!ptr) return -1;", "count++;", "val = val & 0xff;",
      "i = 0;", "err = check(obj);", "if (err) goto out;", "flags |= 1;", "return ret;", "x = y + z;",
      "memset(buf, 0, sizeof(buf));", "while (n--) total += n;", "for (k = 0; k < max; k++) sum += arr[k];",
      "tmp = a; a = b; b = tmp;", "rc = -2;", "p = p->next;", "break;", "continue;", "idx = idx % size;"};
  private static final String[] OPS = {"+", "-", "*", "|", "&", "<", ">", "==", "!=", "<=", ">="};

  private final Set<String> keywords = CodeLanguage.C.keywords();

  /**
   * How edits spread: {@code SCATTERED} edits single lines and short bursts all through the file (an
   * obfuscator, or a model paraphrasing line by line); {@code CLUSTERED} rewrites regions of 3–12 lines and
   * leaves the rest as it was (a model reproducing code from memory, diverging in places).
   */
  enum Edits { SCATTERED, CLUSTERED }

  Result transform(String source, double strength, long seed) {
    return transform(source, strength, Edits.SCATTERED, seed);
  }

  Result transform(String source, double strength, Edits edits, long seed) {
    Random rnd = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(stripComments(source, rnd, strength).split("\n", -1)));
    lines = reorderDefinitions(lines, rnd, strength);
    int[] tokens = new int[lines.size()];
    int total = 0;
    for (int i = 0; i < lines.size(); i++) total += tokens[i] = tokenCount(lines.get(i));

    // edits start at a rate that makes about 'strength' of the lines edited, given the mean burst length
    double meanBurst = edits == Edits.SCATTERED ? 2.5 : 7.5;
    double q = strength >= 0.95 ? 1 : strength / (meanBurst * (1 - strength));
    List<String> out = new ArrayList<>();
    int kept = 0;
    int burst = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (tokens[i] == 0 || line.strip().startsWith("#")) { // blank lines and directives pass untouched
        kept += tokens[i];
        out.add(line);
        continue;
      }
      if (burst == 0 && rnd.nextDouble() < q) {
        burst = edits == Edits.CLUSTERED ? 3 + rnd.nextInt(10) : rnd.nextDouble() < 0.5 ? 1 : 2 + rnd.nextInt(5);
      }
      if (burst > 0) {
        burst--;
        double r = rnd.nextDouble();
        if (r < 0.3) continue; // deleted
        if (r < 0.75) out.add(mutate(line, rnd));
        else out.add(indentOf(line) + STATEMENTS[rnd.nextInt(STATEMENTS.length)]);
      } else {
        kept += tokens[i];
        out.add(line);
      }
      if (rnd.nextDouble() < (edits == Edits.SCATTERED ? strength / 6 : q / 4)) out.add(indentOf(line) + STATEMENTS[rnd.nextInt(STATEMENTS.length)]);
    }
    String text = rename(String.join("\n", out), rnd);
    text = reformat(text, rnd);
    return new Result(text, total == 0 ? 1 : (double) kept / total, total);
  }

  private static int tokenCount(String line) {
    TokenStream ts = new TokenStream();
    CodeLexer.lex(line, CodeLanguage.C, ts);
    return ts.size();
  }

  /** Changes one thing in a line: an operator swapped, a term added, or a call's argument dropped. */
  private static String mutate(String line, Random rnd) {
    int choice = rnd.nextInt(3);
    if (choice == 0) {
      for (String op : OPS) {
        int at = line.indexOf(" " + op + " ");
        if (at >= 0) return line.substring(0, at) + " " + OPS[rnd.nextInt(OPS.length)] + " " + line.substring(at + op.length() + 2);
      }
    }
    if (choice == 1) {
      int comma = line.indexOf(", ");
      if (comma >= 0) {
        int end = line.indexOf(',', comma + 2);
        int close = line.indexOf(')', comma + 2);
        int cut = end >= 0 && (close < 0 || end < close) ? end : close;
        if (cut > comma) return line.substring(0, comma) + line.substring(cut);
      }
    }
    int semi = line.lastIndexOf(';');
    if (semi > 0) return line.substring(0, semi) + " + " + WORDS[rnd.nextInt(WORDS.length)] + line.substring(semi);
    return line + " /* changed */ ;";
  }

  private static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
    return line.substring(0, i);
  }

  /** The index after the string or character literal opening at {@code i} (it ends at the line's end at the latest). */
  private static int literalEnd(String s, int i) {
    int n = s.length();
    char quote = s.charAt(i);
    int j = i + 1;
    while (j < n && s.charAt(j) != quote && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
    return Math.min(n, j + 1);
  }

  /** Removes comments, replacing some with rewritten ones; strings are left alone. */
  private static String stripComments(String s, Random rnd, double strength) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = literalEnd(s, i);
        b.append(s, i, j);
        i = j;
      } else if (c == '/' && i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) {
        boolean block = s.charAt(i + 1) == '*';
        int end = block ? s.indexOf("*/", i + 2) : s.indexOf('\n', i);
        if (end < 0) end = n;
        else if (block) end += 2;
        int newlines = 0;
        for (int j = i; j < end; j++) if (s.charAt(j) == '\n') newlines++;
        if (rnd.nextDouble() < 0.3 + strength / 2) b.append("/* ").append(sentence(rnd)).append(" */");
        b.append("\n".repeat(newlines));
        i = end;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static String sentence(Random rnd) {
    StringBuilder b = new StringBuilder();
    int n = 3 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
    return b.toString();
  }

  /**
   * Cuts the file into top-level pieces (a piece ends where the brace depth returns to zero on a line ending in
   * '}' or '};') and shuffles the pieces after the first, with a probability that grows with the strength.
   */
  private static List<String> reorderDefinitions(List<String> lines, Random rnd, double strength) {
    if (rnd.nextDouble() >= Math.min(1, 2 * strength)) return lines;
    List<List<String>> pieces = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    int depth = 0;
    for (String l : lines) {
      cur.add(l);
      for (int j = 0; j < l.length(); j++) {
        char c = l.charAt(j);
        if (c == '{') depth++;
        else if (c == '}') depth = Math.max(0, depth - 1);
      }
      String t = l.strip();
      if (depth == 0 && (t.endsWith("}") || t.endsWith("};"))) {
        pieces.add(cur);
        cur = new ArrayList<>();
      }
    }
    if (!cur.isEmpty()) pieces.add(cur);
    if (pieces.size() < 3) return lines;
    List<List<String>> rest = new ArrayList<>(pieces.subList(1, pieces.size()));
    Collections.shuffle(rest, rnd);
    List<String> out = new ArrayList<>(pieces.get(0));
    for (List<String> p : rest) out.addAll(p);
    return out;
  }

  /** Renames every identifier that is not a C keyword, consistently, outside strings. */
  private String rename(String s, Random rnd) {
    Map<String, String> names = new HashMap<>();
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int j = literalEnd(s, i);
        b.append(s, i, j);
        i = j;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') { // a rewritten comment: words, not code
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        b.append(s, i, end);
        i = end;
      } else if (Character.isJavaIdentifierStart(c) && c != '$' && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
        int j = i;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) j++;
        String id = s.substring(i, j);
        if (keywords.contains(id)) b.append(id);
        else b.append(names.computeIfAbsent(id, x -> WORDS[rnd.nextInt(WORDS.length)] + "_" + (names.size() + 1)));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) j++;
        b.append(s, i, j);
        i = j;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  /** Re-indents by brace depth with another unit, and moves opening braces to their own line or back. */
  private static String reformat(String s, Random rnd) {
    String unit = switch (rnd.nextInt(3)) {
      case 0 -> "  ";
      case 1 -> "    ";
      default -> "\t";
    };
    boolean allman = rnd.nextBoolean();
    StringBuilder b = new StringBuilder(s.length() + s.length() / 8);
    int depth = 0;
    boolean blank = false;
    for (String raw : s.split("\n", -1)) {
      String t = raw.strip();
      if (t.isEmpty()) {
        if (!blank) b.append('\n');
        blank = true;
        continue;
      }
      blank = false;
      if (t.startsWith("}")) depth = Math.max(0, depth - 1);
      boolean opens = allman && t.endsWith("{") && t.length() > 1 && !t.startsWith("#");
      String body = opens ? t.substring(0, t.length() - 1).stripTrailing() : t;
      b.append(t.startsWith("#") ? "" : unit.repeat(depth)).append(body).append('\n');
      if (opens) b.append(unit.repeat(depth)).append("{\n");
      for (int j = 0; j < t.length(); j++) {
        char c = t.charAt(j);
        if (c == '{') depth++;
        else if (c == '}' && !(j == 0)) depth = Math.max(0, depth - 1);
      }
    }
    return b.toString();
  }
}
