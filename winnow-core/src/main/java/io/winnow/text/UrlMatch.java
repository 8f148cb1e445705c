package io.winnow.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * spaCy's {@code URL_MATCH} (the regex in {@code url.regex}), decided in linear time without recursion.
 *
 * <p>Run by java.util.regex the pattern is correct but unsafe on adversarial chunks: its {@code (label\.)+} loop
 * recurses once per label ({@code "a.".repeat(n)} overflows the stack at a few thousand characters) and its
 * {@code \S+(?::\S*)?@} part backtracks quadratically over colons. The pattern is
 *
 * <pre>
 *   ^ (scheme ://)? (\S+ (:\S*)? @)? (ip | (label \.)+ tld) (:port)? ([/?#] \S*)? $
 * </pre>
 *
 * and on a text without whitespace (the splitter only asks about chunks) it can be decided piece by piece:
 *
 * <ul>
 *   <li>{@code \S+(:\S*)?} is any non-empty text, so the host starts at 0, right after {@code scheme://} (the
 *       scheme cannot hold ':', so only the first ':' can end it) or right after any '@' but the first
 *       character;
 *   <li>neither host form can hold ':', '/', '?', '#' or '@' (checked on the pattern's classes when loading),
 *       and what follows the host must start with one of the first four or be the end, so a host that starts
 *       at h ends at the first of those four after h, and no '@' may come before it;
 *   <li>labels and the tld hold no '.', so a domain host is split at its dots: every part but the last is a
 *       label, the last is the tld, and there is at least one label;
 *   <li>after the host: nothing; or ':' and a run of 2 to 5 digits that ends the text or is followed by a path;
 *       or a path, which is '/', '?' or '#' and anything.
 * </ul>
 *
 * The bounded pieces (scheme, ip, label, tld, port) are matched with regexes cut out of the pattern itself, so
 * every character class keeps java.util.regex's meaning. Candidate hosts after different '@' end before the next
 * '@', so the scans do not overlap: the work is linear in the text. {@code UrlMatchTest} compares the result with
 * the full regex on the vectors' chunks and on random URL-like texts.
 */
final class UrlMatch {
  private static final String HEAD = "(?u)^(?:(?:[\\w\\+\\-\\.]{2,})://)?(?:\\S+(?::\\S*)?@)?(?:";
  private static final String LABEL =
      "(?:[A-Za-z0-9\\u00a1-\\uffff][A-Za-z0-9\\u00a1-\\uffff_-]{0,62})?[A-Za-z0-9\\u00a1-\\uffff]";
  private static final String DOMAIN_HEAD = "|(?:" + LABEL + "\\.)+(?:[";
  private static final String TAIL = "]{2,63}))(?::\\d{2,5})?(?:[/?#]\\S*)?$";
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

  private final Pattern scheme = Pattern.compile("[\\w\\+\\-\\.]{2,}", FLAGS);
  private final Pattern ip;
  private final Pattern label = Pattern.compile(LABEL, FLAGS);
  private final Pattern tld;
  private final Pattern port = Pattern.compile("\\d{2,5}", FLAGS);

  /** Matchers of one thread. */
  final class Scanner {
    private final Matcher schemeM = scheme.matcher("");
    private final Matcher ipM = ip.matcher("");
    private final Matcher labelM = label.matcher("");
    private final Matcher tldM = tld.matcher("");
    private final Matcher portM = port.matcher("");

    /** True when the whole of {@code s}, which holds no whitespace, is a URL by spaCy's pattern. */
    boolean matches(String s) {
      if (host(s, 0)) return true;
      int colon = s.indexOf(':');
      if (colon >= 2 && s.startsWith("://", colon) && region(schemeM, s, 0, colon).matches() && host(s, colon + 3)) {
        return true;
      }
      for (int at = s.indexOf('@', 1); at >= 0; at = s.indexOf('@', at + 1)) {
        if (host(s, at + 1)) return true;
      }
      return false;
    }

    /** A host starting at {@code h}, then what may follow it up to the end. */
    private boolean host(String s, int h) {
      int n = s.length();
      int e = h;
      while (e < n) {
        char c = s.charAt(e);
        if (c == ':' || c == '/' || c == '?' || c == '#') break;
        if (c == '@') return false;
        e++;
      }
      if (e == h) return false;
      if (!rest(s, e)) return false;
      return region(ipM, s, h, e).matches() || domain(s, h, e);
    }

    /** (label \.)+ tld over [h, e). */
    private boolean domain(String s, int h, int e) {
      int start = h;
      boolean labels = false;
      for (int i = h; i < e; i++) {
        if (s.charAt(i) != '.') continue;
        if (!region(labelM, s, start, i).matches()) return false;
        labels = true;
        start = i + 1;
      }
      return labels && region(tldM, s, start, e).matches();
    }

    /** (:port)? ([/?#] \S*)? $ from {@code e}, on a text without whitespace. */
    private boolean rest(String s, int e) {
      int n = s.length();
      if (e == n) return true;
      int p = e;
      if (s.charAt(p) == ':') {
        int q = p + 1;
        for (int k = 0; k < 6 && q < n && Character.isDigit(s.codePointAt(q)); k++) q += Character.charCount(s.codePointAt(q));
        if (!region(portM, s, p + 1, q).matches()) return false; // also when six digits or more follow
        if (q == n) return true;
        p = q;
      }
      char c = s.charAt(p);
      return c == '/' || c == '?' || c == '#';
    }
  }

  UrlMatch(String regex) {
    int domainAt = regex.indexOf(DOMAIN_HEAD);
    if (!regex.startsWith(HEAD) || !regex.endsWith(TAIL) || domainAt < HEAD.length()) {
      throw new IllegalStateException("url.regex is not the pattern UrlMatch decides: " + regex);
    }
    ip = Pattern.compile("(?:" + regex.substring(HEAD.length(), domainAt) + ")", FLAGS);
    String tldClass = "[" + regex.substring(domainAt + DOMAIN_HEAD.length(), regex.length() - TAIL.length()) + "]";
    tld = Pattern.compile(tldClass + "{2,63}", FLAGS);
    Pattern tldChar = Pattern.compile(tldClass, FLAGS);
    Pattern labelChar = Pattern.compile("[A-Za-z0-9\\u00a1-\\uffff_-]", FLAGS);
    Pattern ipChar = Pattern.compile("[\\d.]", FLAGS); // every character the ip alternative can consume
    for (String c : new String[] {":", "/", "?", "#", "@", "."}) {
      if (tldChar.matcher(c).matches() || labelChar.matcher(c).matches() || !c.equals(".") && ipChar.matcher(c).matches()) {
        throw new IllegalStateException("a URL host may hold '" + c + "': UrlMatch does not apply");
      }
    }
  }

  Scanner scanner() {
    return new Scanner();
  }

  private static Matcher region(Matcher m, String s, int from, int to) {
    m.reset(s);
    m.region(from, to);
    m.useTransparentBounds(true); // lookarounds see the whole text, as in the full pattern
    return m;
  }
}
