package io.winnow.step.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linear-time finders for the two secret shapes a regular expression can only match in quadratic time, each
 * returning exactly the matches of the expression it replaces (given in the method's comment).
 *
 * <p>Both expressions scan forward from each candidate start to a distant delimiter; on text with many starts
 * and no delimiter ({@code "eyJ-".repeat(n)}, headers without footers) every start rescans the rest of the text.
 * The scanners find each delimiter once and reuse it for every start that would reach it.
 */
final class SecretScanners {
  private SecretScanners() {}

  /** A match: [start, end); {@link #NONE} (after every position) when there is none. */
  record Found(int start, int end) {
    static final Found NONE = new Found(Integer.MAX_VALUE, Integer.MAX_VALUE);

    boolean exists() {
      return start != Integer.MAX_VALUE;
    }
  }

  // ---------------------------------------------------------------------------------------------- JWT

  private static final Pattern JWT_START = Pattern.compile("\\beyJ");
  private static final int JWT_MIN_PART = 10;

  private static boolean jwtChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /**
   * Finds JWTs as {@code \beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}} does. The class
   * excludes '.', so each greedy run ends at the end of its run of class characters and never backtracks
   * usefully: a start matches iff its run, the next run and the one after have the lengths and separators. All
   * starts in one run share those runs, so once they fail for one start they fail for the rest of the run.
   */
  static final class Jwt {
    private final CharSequence text;
    private final Matcher starts;

    Jwt(CharSequence text) {
      this.text = text;
      this.starts = JWT_START.matcher(text);
    }

    /** The leftmost JWT starting at or after {@code from}. */
    Found next(int from) {
      int n = text.length();
      int at = from;
      while (at < n && starts.find(at)) {
        int p = starts.start();
        int run1 = runEnd(p + 3);
        int end = endOfRest(p + 3, run1);
        if (end >= 0) return new Found(p, end);
        // Any later start before run1 lies in the same run: same first-part end, same tail, same failure.
        at = Math.max(run1, p + 1);
      }
      return Found.NONE;
    }

    /** The end of ".eyJ<10+>.<10+>" after the first part, or -1 when it does not follow. */
    private int endOfRest(int bodyStart, int run1) {
      int n = text.length();
      if (run1 - bodyStart < JWT_MIN_PART || run1 >= n || text.charAt(run1) != '.') return -1;
      int p2 = run1 + 1;
      if (p2 + 3 > n || text.charAt(p2) != 'e' || text.charAt(p2 + 1) != 'y' || text.charAt(p2 + 2) != 'J') return -1;
      int run2 = runEnd(p2 + 3);
      if (run2 - (p2 + 3) < JWT_MIN_PART || run2 >= n || text.charAt(run2) != '.') return -1;
      int run3 = runEnd(run2 + 1);
      return run3 - (run2 + 1) < JWT_MIN_PART ? -1 : run3;
    }

    private int runEnd(int i) {
      int n = text.length();
      while (i < n && jwtChar(text.charAt(i))) i++;
      return i;
    }
  }

  // -------------------------------------------------------------------------------------- private keys

  /**
   * At most 16 words before PRIVATE KEY (real labels have up to two: "RSA", "ENCRYPTED", "OPENSSH"...): Java's
   * regex recurses once per repetition of a group, so an unbounded one overflows the stack on "A A A …".
   */
  private static final String LABEL = "(?:[A-Z0-9]+ ){0,16}PRIVATE KEY(?: BLOCK)?-----";
  private static final Pattern KEY_HEADER = Pattern.compile("-----BEGIN " + LABEL);
  private static final Pattern KEY_FOOTER = Pattern.compile("-----END " + LABEL);

  /**
   * Finds private-key blocks as {@code -----BEGIN <label>-----[\s\S]*?-----END <label>-----} does. The lazy body
   * stops at the first footer after the header, so the match is header + first footer after it; and when no
   * footer follows one header, none follows any later header, so the search ends instead of rescanning.
   */
  static final class PrivateKey {
    private final Matcher headers;
    private final Matcher footers;
    private final int length;
    private int footerStart = -1;
    private int footerEnd = -1;
    private boolean noMoreFooters;

    PrivateKey(CharSequence text) {
      this.headers = KEY_HEADER.matcher(text);
      this.footers = KEY_FOOTER.matcher(text);
      this.length = text.length();
    }

    /** The leftmost block starting at or after {@code from}. */
    Found next(int from) {
      if (noMoreFooters || from > length || !headers.find(from)) return Found.NONE;
      int start = headers.start();
      int bodyStart = headers.end();
      if (footerStart < bodyStart) { // the remembered footer is before this body: look further, once
        if (!footers.find(bodyStart)) {
          noMoreFooters = true;
          return Found.NONE;
        }
        footerStart = footers.start();
        footerEnd = footers.end();
      }
      return new Found(start, footerEnd);
    }
  }
}
