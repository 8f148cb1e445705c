package io.winnow.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be decided about one affix rule without running its regex: the word splitter tries a rule at many
 * positions and nearly every try fails, so the cheap answers matter more than the regex.
 *
 * <ul>
 *   <li>A rule that is a literal ({@code ,} {@code \(} {@code US\$}) matches exactly where its text is, so it
 *       is compared char by char.
 *   <li>A rule that starts with a lookbehind of fixed width made of single-character elements
 *       ({@code (?<=[0-9])}, {@code (?<=°[FfCcKk])}, the large letter classes) cannot match at a position whose
 *       preceding characters fall outside those classes: {@link #mayMatchAt} says so from one table per
 *       element, built by asking the element's own regex about every BMP character, so a class keeps
 *       java.util.regex's meaning exactly. Surrogates are never ruled out (their code point is not one char).
 * </ul>
 *
 * Anything else (lookaheads, alternations, repetitions) is left to the regex: the shortcut only ever answers
 * "no match" or "this literal", never a guess.
 */
final class RuleShortcut {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
  private static final Pattern LITERAL = Pattern.compile("(?:\\\\[^A-Za-z0-9]|[^\\\\.\\[\\](){}*+?|^$])+");
  private static final String LOOKBEHIND = "(?<=";

  /** The rule's text when the rule is a literal, else null. */
  final String literal;
  /** One table per lookbehind element, the element nearest to the match last; null when there is none. */
  private final boolean[][] behind;

  private RuleShortcut(String literal, boolean[][] behind) {
    this.literal = literal;
    this.behind = behind;
  }

  static RuleShortcut of(String regex, ClassTables tables) {
    // A line terminator would meet "$"'s special case (it matches before a final one): leave that to the regex.
    if (LITERAL.matcher(regex).matches() && unescape(regex).chars().noneMatch(c -> "\n\r\u0085\u2028\u2029".indexOf(c) >= 0)) {
      return new RuleShortcut(unescape(regex), null);
    }
    if (!regex.startsWith(LOOKBEHIND)) return new RuleShortcut(null, null);
    List<String> elements = lookbehindElements(regex);
    if (elements == null) return new RuleShortcut(null, null);
    boolean[][] behind = new boolean[elements.size()][];
    for (int k = 0; k < behind.length; k++) behind[k] = tables.of(elements.get(k));
    return new RuleShortcut(null, behind);
  }

  /**
   * False when the rule's lookbehind cannot hold at {@code start} of {@code s} (the regex sees no text before
   * {@code s}); true when it may, or when the rule has no lookbehind this class understands.
   */
  boolean mayMatchAt(CharSequence s, int start) {
    if (behind == null) return true;
    int k = behind.length;
    if (start < k) return false; // k code points need at least k chars before the match
    // A supplementary code point shifts which chars the elements stand for: then let the regex decide.
    for (int j = start - k; j < start; j++) if (Character.isSurrogate(s.charAt(j))) return true;
    for (int j = 0; j < k; j++) if (!behind[j][s.charAt(start - k + j)]) return false;
    return true;
  }

  /** Whether {@code s} holds {@link #literal} at {@code at}. */
  boolean literalAt(CharSequence s, int at) {
    int n = literal.length();
    if (at < 0 || at + n > s.length()) return false;
    for (int i = 0; i < n; i++) if (s.charAt(at + i) != literal.charAt(i)) return false;
    return true;
  }

  private static String unescape(String regex) {
    StringBuilder sb = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      sb.append(c == '\\' ? regex.charAt(++i) : c);
    }
    return sb.toString();
  }

  /**
   * The elements of the lookbehind that opens {@code regex}, each matching one code point: bracket classes,
   * escaped punctuation and plain characters. Null for anything else (groups, quantifiers, escapes of letters
   * such as {@code \d} or {@code \x}, which this parser does not need to understand).
   */
  private static List<String> lookbehindElements(String regex) {
    List<String> out = new ArrayList<>();
    int i = LOOKBEHIND.length();
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == ')') return out.isEmpty() ? null : out;
      int end;
      if (c == '[') {
        end = classEnd(regex, i);
        if (end < 0) return null;
      } else if (c == '\\') {
        if (i + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) return null;
        end = i + 2;
      } else if ("(){}*+?|^$.".indexOf(c) >= 0 || Character.isSurrogate(c)) {
        return null;
      } else {
        end = i + 1;
      }
      if (end < regex.length() && "*+?{".indexOf(regex.charAt(end)) >= 0) return null; // repeated: not one char
      out.add(regex.substring(i, end));
      i = end;
    }
    return null;
  }

  /** End (exclusive) of the bracket class opening at {@code from}, nested classes included; -1 if unclear. */
  private static int classEnd(String regex, int from) {
    int depth = 0;
    for (int i = from; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length() && (regex.charAt(i + 1) == 'Q')) return -1; // quoting: not parsed here
        i++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return -1;
  }

  /** Tables of single-code-point regex elements, shared between rules (the large classes recur). */
  static final class ClassTables {
    private final java.util.Map<String, boolean[]> tables = new java.util.HashMap<>();

    boolean[] of(String element) {
      return tables.computeIfAbsent(element, ClassTables::build);
    }

    private static boolean[] build(String element) {
      Matcher m = Pattern.compile(element, FLAGS).matcher("");
      boolean[] table = new boolean[0x10000];
      char[] one = new char[1];
      java.nio.CharBuffer buffer = java.nio.CharBuffer.wrap(one);
      for (int c = 0; c < table.length; c++) {
        if (Character.isSurrogate((char) c)) continue; // never consulted: mayMatchAt defers to the regex
        one[0] = (char) c;
        table[c] = m.reset(buffer).matches();
      }
      return table;
    }
  }
}
