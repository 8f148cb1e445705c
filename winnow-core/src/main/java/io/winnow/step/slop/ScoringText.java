package io.winnow.step.slop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The text the detector reads: a document's text with the cheap evasions undone, and what undoing them found.
 * Every text becomes features through this class (the step, the trainer, the evaluation and the reference corpus of
 * the language model), so a model is trained on what it scores.
 *
 * <ol>
 *   <li>Invisible characters are removed: zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner
 *       (U+2060), zero-width no-break space (U+FEFF; a leading one is a byte-order mark and is not counted), soft
 *       hyphen (U+00AD), and the bidirectional controls U+200E, U+200F, U+202A–U+202E and U+2066–U+2069.</li>
 *   <li>NFKC: fullwidth, mathematical and other compatibility forms become their plain letters (the horizontal
 *       ellipsis … is kept: it is a style feature of its own).</li>
 *   <li>Look-alike letters of other scripts (Cyrillic а е о р с у х і ј ѕ ԁ, Greek ο α ν ρ, Latin IPA ɡ ɑ, …) are
 *       folded to the Latin letter they imitate, by {@link #FOLD} (Unicode's confusables data as ICU's
 *       {@code SpoofChecker.getSkeleton} applies it, restricted to single letters), but only where that is an
 *       evasion: inside a word that also has Latin letters, or for a word made wholly of look-alikes in a document
 *       whose other letters are Latin (a lone Greek letter is left alone: in English text it is a symbol, as in
 *       α-helix). A Russian or Greek word in a Russian or Greek text is never changed.</li>
 * </ol>
 * Pure-ASCII text, almost every English document, is returned as it is after one pass over its characters.
 */
final class ScoringText {
  /** folded Latin letter of each BMP character, 0 where none: read from {@code latin-confusables.txt} */
  static final char[] FOLD = readFoldTable();
  static final String FOLD_RESOURCE = "/winnow/slop/latin-confusables.txt";

  /** The normalised text. */
  final String text;
  /** Look-alike letters folded to Latin. */
  final int homoglyphs;
  /** Invisible and bidirectional-control characters removed. */
  final int invisible;
  /** Letters in the normalised text, and how many of them are Latin. */
  final int letters;
  final int latinLetters;
  /** Whether the normalised text has no upper-case letter at all (lower-cased, or a script without case). */
  final boolean caseless;

  private ScoringText(String text, int homoglyphs, int invisible, int letters, int latinLetters, boolean caseless) {
    this.text = text;
    this.homoglyphs = homoglyphs;
    this.invisible = invisible;
    this.letters = letters;
    this.latinLetters = latinLetters;
    this.caseless = caseless;
  }

  /** Share of Latin letters among the letters, 1 for a text without letters. */
  double latinShare() {
    return letters == 0 ? 1 : (double) latinLetters / letters;
  }

  static ScoringText of(String raw) {
    int n = raw.length();
    int letters = 0;
    boolean upper = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= 0x80) return slow(raw);
      if ((c | 0x20) - 'a' < 26 && (c | 0x20) >= 'a') {
        letters++;
        if (c < 'a') upper = true;
      }
    }
    return new ScoringText(raw, 0, 0, letters, letters, !upper);
  }

  static boolean isInvisible(char c) {
    return c >= '\u200B' && c <= '\u200F' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD' || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069';
  }

  private static ScoringText slow(String raw) {
    // 1. invisible characters
    StringBuilder sb = new StringBuilder(raw.length());
    int invisible = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 0x80 && isInvisible(c)) {
        if (!(i == 0 && c == '\uFEFF')) invisible++;
      } else {
        sb.append(c);
      }
    }
    // 2. NFKC, around each ellipsis (a starter that composes with nothing, so the pieces normalise independently)
    String s = sb.toString();
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) s = nfkcKeepingEllipsis(s);
    // 3. look-alike letters: count the document's letters first (a word of look-alikes needs a Latin document)
    char[] t = s.toCharArray();
    int latin = 0, foreign = 0;
    for (int i = 0; i < t.length; i++) {
      char c = t[i];
      if (c < 0x80) {
        if (isAsciiLetter(c)) latin++;
      } else if (FOLD[c] == 0 && Character.isLetter(c) && !Character.isSurrogate(c)) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) latin++;
        else foreign++;
      } else if (Character.isHighSurrogate(c) && i + 1 < t.length) {
        int cp = Character.toCodePoint(c, t[++i]);
        if (Character.isLetter(cp)) {
          if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) latin++;
          else foreign++;
        }
      }
    }
    boolean latinDocument = latin > foreign;
    int homoglyphs = 0;
    for (int i = 0; i < t.length; ) {
      if (!isWordPart(t[i])) {
        i++;
        continue;
      }
      int start = i;
      int wordLatin = 0, wordForeign = 0, lookAlikes = 0;
      char firstLookAlike = 0;
      for (; i < t.length && isWordPart(t[i]); i++) {
        char c = t[i];
        if (c < 0x80) {
          wordLatin++;
        } else if (FOLD[c] != 0) {
          if (lookAlikes++ == 0) firstLookAlike = c;
        } else if (Character.isLetter(c)) {
          if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) wordLatin++;
          else wordForeign++;
        }
      }
      if (lookAlikes == 0) continue;
      boolean fold = wordLatin > 0 ? wordLatin > wordForeign
          : wordForeign == 0 && latinDocument && (lookAlikes > 1 || Character.UnicodeScript.of(firstLookAlike) != Character.UnicodeScript.GREEK);
      if (!fold) continue;
      for (int k = start; k < i; k++) {
        char f = t[k] < 0x80 ? 0 : FOLD[t[k]];
        if (f != 0) {
          t[k] = f;
          homoglyphs++;
        }
      }
    }
    // final letter counts, on the folded text
    int letters = 0, latinLetters = 0;
    boolean upper = false;
    for (int i = 0; i < t.length; i++) {
      char c = t[i];
      int cp = c;
      if (Character.isHighSurrogate(c) && i + 1 < t.length) cp = Character.toCodePoint(c, t[++i]);
      if (cp < 0x80 ? !isAsciiLetter((char) cp) : !Character.isLetter(cp)) continue;
      letters++;
      if (cp < 0x80 || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) latinLetters++;
      if (!upper && (cp < 0x80 ? cp <= 'Z' : Character.isUpperCase(cp))) upper = true;
    }
    return new ScoringText(new String(t), homoglyphs, invisible, letters, latinLetters, !upper);
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Letters and the marks that combine with them: a word for the look-alike rule. */
  private static boolean isWordPart(char c) {
    if (c < 0x80) return isAsciiLetter(c);
    if (Character.isSurrogate(c)) return false;
    if (Character.isLetter(c)) return true;
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static String nfkcKeepingEllipsis(String s) {
    if (s.indexOf('\u2026') < 0) return Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    for (int at; (at = s.indexOf('\u2026', from)) >= 0; from = at + 1) {
      out.append(Normalizer.normalize(s.substring(from, at), Normalizer.Form.NFKC)).append('\u2026');
    }
    return out.append(Normalizer.normalize(s.substring(from), Normalizer.Form.NFKC)).toString();
  }

  /** Lines {@code XXXX L  # name}: a BMP code point in hex, the Latin letter it folds to. */
  private static char[] readFoldTable() {
    char[] fold = new char[0x10000];
    try (InputStream in = ScoringText.class.getResourceAsStream(FOLD_RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing " + FOLD_RESOURCE);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.trim().split("\\s+");
        fold[Integer.parseInt(f[0], 16)] = f[1].charAt(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fold;
  }
}
