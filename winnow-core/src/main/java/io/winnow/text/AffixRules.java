package io.winnow.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One list of tokenizer affix rules (prefixes, suffixes or infixes): regex alternatives in priority order,
 * each with the characters it can consume first (or, for suffixes, last) and its width.
 *
 * <p>spaCy joins the alternatives into one large regex and runs it at every position. That is correct but
 * slow in java.util.regex (every alternative is tried everywhere). Here a table says, for each character,
 * which alternatives can start (or end) with it, and only those are tried, in the same priority order — the
 * same matches, a small fraction of the work. The tables come from the parsed regexes at export time.
 *
 * <p>The texts are {@link CharSequence}s so that the splitter can hand in a window of a chunk instead of a
 * copy. A rule that is one character repeated ({@code \.\.+}) is the only one of unbounded width; as a
 * suffix it is decided by measuring the trailing run of that character, not by trying the regex at every start
 * (which costs the square of a long run of dots).
 */
final class AffixRules {
  private static final int[] NONE = new int[0];

  private final Pattern[] patterns;
  /** What each rule lets decide without its regex: literals, and where a lookbehind rules a match out. */
  private final RuleShortcut[] shortcuts;
  private final int[] minWidth;
  private final int[] maxWidth; // -1 = unbounded
  private final int[][] edgeRanges; // sorted [lo, hi] pairs, flattened
  private final int[][] candidatesBmp;
  /** For a rule {@code cc+} of one literal character c: c; otherwise -1. */
  private final int[] runChar;
  private static final Pattern RUN_RULE = Pattern.compile("(\\\\[^\\p{Alnum}\\s]|[^\\\\.\\[\\](){}*+?|^$])\\1\\+");

  AffixRules(JsonNode rows, boolean anchorAtEnd) {
    this(rows, anchorAtEnd, new RuleShortcut.ClassTables());
  }

  /** With the tables of lookbehind classes shared with the other lists (the large letter classes recur). */
  AffixRules(JsonNode rows, boolean anchorAtEnd, RuleShortcut.ClassTables classTables) {
    int n = rows.size();
    patterns = new Pattern[n];
    shortcuts = new RuleShortcut[n];
    minWidth = new int[n];
    maxWidth = new int[n];
    edgeRanges = new int[n][];
    runChar = new int[n];
    for (int i = 0; i < n; i++) {
      JsonNode r = rows.get(i);
      String regex = r.get("regex").asText();
      patterns[i] = Pattern.compile(anchorAtEnd ? "(?:" + regex + ")$" : regex, Pattern.UNICODE_CHARACTER_CLASS);
      shortcuts[i] = RuleShortcut.of(regex, classTables);
      Matcher run = RUN_RULE.matcher(regex);
      runChar[i] = run.matches() ? run.group(1).charAt(run.group(1).length() - 1) : -1;
      minWidth[i] = r.get("min").asInt();
      maxWidth[i] = r.get("max").asInt();
      JsonNode edge = r.get(anchorAtEnd ? "last" : "first");
      if (!edge.isArray()) throw new IllegalStateException("affix rule " + regex + " has no character set");
      int[] flat = new int[edge.size() * 2];
      for (int k = 0; k < edge.size(); k++) {
        flat[2 * k] = edge.get(k).get(0).asInt();
        flat[2 * k + 1] = edge.get(k).get(1).asInt();
      }
      edgeRanges[i] = flat;
    }
    candidatesBmp = new int[0x10000][];
    List<Integer> tmp = new ArrayList<>();
    for (int c = 0; c < 0x10000; c++) {
      tmp.clear();
      for (int i = 0; i < n; i++) if (contains(edgeRanges[i], c)) tmp.add(i);
      candidatesBmp[c] = tmp.isEmpty() ? NONE : tmp.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static boolean contains(int[] ranges, int c) {
    for (int k = 0; k < ranges.length; k += 2) if (c >= ranges[k] && c <= ranges[k + 1]) return true;
    return false;
  }

  /** Alternatives that can consume {@code c} at their edge, in priority order. */
  private int[] candidates(int c) {
    if (c < 0x10000) return candidatesBmp[c];
    List<Integer> tmp = new ArrayList<>();
    for (int i = 0; i < patterns.length; i++) if (contains(edgeRanges[i], c)) tmp.add(i);
    return tmp.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One matcher per alternative, for one thread. */
  Matcher[] matchers() {
    Matcher[] m = new Matcher[patterns.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = patterns[i].matcher("");
      m[i].useTransparentBounds(true); // lookbehinds see the text before the region
    }
    return m;
  }

  /** Length of the prefix match at the start of {@code s} (spaCy's find_prefix), 0 if none. */
  int prefixLength(CharSequence s, Matcher[] m) {
    if (s.length() == 0) return 0;
    for (int i : candidates(Character.codePointAt(s, 0))) {
      RuleShortcut r = shortcuts[i];
      if (r.literal != null) {
        if (r.literalAt(s, 0)) return r.literal.length();
        continue;
      }
      if (!r.mayMatchAt(s, 0)) continue;
      Matcher x = m[i].reset(s);
      if (x.lookingAt()) return x.end();
    }
    return 0;
  }

  /**
   * Length of the suffix match (spaCy's find_suffix): the leftmost position from which some alternative
   * matches to the end of {@code s}; at equal positions the earlier alternative wins.
   */
  int suffixLength(CharSequence s, Matcher[] m) {
    int n = s.length();
    if (n == 0) return 0;
    int best = -1;
    for (int i : candidates(Character.codePointBefore(s, n))) {
      int from = maxWidth[i] < 0 ? 0 : Math.max(0, n - 2 * maxWidth[i]); // widths count code points
      int to = best >= 0 ? Math.min(best - 1, n - minWidth[i]) : n - minWidth[i];
      if (runChar[i] >= 0) {
        // The text ends with c (the rule is a candidate), so cc+$ matches from exactly the starts inside the
        // trailing run of c that leave two or more of it: the leftmost allowed one is the answer.
        int run = n;
        while (run > 0 && s.charAt(run - 1) == runChar[i]) run--;
        int start = Math.max(run, from);
        if (start <= Math.min(to, n - 2)) best = start;
        continue;
      }
      RuleShortcut r = shortcuts[i];
      if (r.literal != null) {
        // Anchored at the end, a literal can only start where it ends the text.
        int start = n - r.literal.length();
        if (start >= from && start <= to && r.literalAt(s, start) && !splitsPair(s, start)
            && (maxWidth[i] < 0 || Character.codePointCount(s, start, n) <= maxWidth[i])) {
          best = start;
        }
        continue;
      }
      Matcher x = null;
      for (int start = from; start <= to; start++) {
        if (splitsPair(s, start)) continue;
        if (!r.mayMatchAt(s, start)) continue;
        if (maxWidth[i] >= 0 && Character.codePointCount(s, start, n) > maxWidth[i]) continue;
        if (x == null) x = m[i].reset(s);
        x.region(start, n);
        if (x.lookingAt()) {
          best = start;
          break;
        }
      }
    }
    return best < 0 ? 0 : n - best;
  }

  /** Whether {@code start} falls between the two chars of a surrogate pair. */
  private static boolean splitsPair(CharSequence s, int start) {
    return start > 0 && Character.isLowSurrogate(s.charAt(start)) && Character.isHighSurrogate(s.charAt(start - 1));
  }

  /** Infix matches of {@code s} as [start, end) pairs, left to right, non-overlapping (spaCy's find_infix). */
  int infixMatches(CharSequence s, Matcher[] m, int[] out) {
    int n = s.length();
    int count = 0;
    int p = 0;
    while (p < n) {
      int c = Character.codePointAt(s, p);
      int end = -1;
      for (int i : candidates(c)) {
        RuleShortcut r = shortcuts[i];
        if (r.literal != null) {
          if (r.literalAt(s, p)) {
            end = p + r.literal.length();
            break;
          }
          continue;
        }
        if (!r.mayMatchAt(s, p)) continue;
        Matcher x = m[i].reset(s);
        x.region(p, n);
        if (x.lookingAt()) {
          end = x.end();
          break;
        }
      }
      if (end > p) {
        if (2 * count + 1 < out.length) {
          out[2 * count] = p;
          out[2 * count + 1] = end;
        }
        count++;
        p = end;
      } else {
        p += Character.charCount(c);
      }
    }
    return count;
  }
}
