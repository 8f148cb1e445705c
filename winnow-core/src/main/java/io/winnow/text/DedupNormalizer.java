package io.winnow.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text normalisation of near-duplicate detection (the reference's {@code simplify_text} defaults), in this
 * order: lower-case; every run of digits (any script), optionally with one decimal separator and more digits,
 * becomes {@code 0}; every PUNCTUATION character becomes a space; whitespace runs collapse to one space and the
 * ends are stripped; Unicode NFD, then combining marks are dropped. So "Résumé, 2nd ed. (1,024 pages)" and
 * "resume 0nd ed 0 pages" hash alike.
 */
public final class DedupNormalizer {
  private static final Pattern NUMBERS = Pattern.compile("\\d+(?:[.,،٫⎖⎗⎘]\\d+)?", Pattern.UNICODE_CHARACTER_CLASS);

  private DedupNormalizer() {}

  public static String normalize(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    Matcher m = NUMBERS.matcher(s);
    if (m.find()) s = m.replaceAll("0");
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Punctuation.isPunctuation(cp) || PyText.isSpace(cp)) {
        pendingSpace = sb.length() > 0;
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      sb.appendCodePoint(cp);
    }
    String collapsed = sb.toString();
    if (isAscii(collapsed)) return collapsed;
    String nfd = Normalizer.normalize(collapsed, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); ) {
      int cp = nfd.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }
}
