package io.winnow.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes an HTML payload and says how its charset was chosen ({@link Decoded#source()}):
 * <ol>
 *   <li>{@code bom}: a byte-order mark;
 *   <li>{@code http}, {@code meta}: the charset of the HTTP Content-Type header, else a {@code <meta charset>} or
 *       {@code <meta http-equiv="Content-Type">} in the first 4 KB. A declared UTF-8 is checked against the bytes:
 *       pages declared UTF-8 but written in windows-1252 are common, and decoding them as UTF-8 turns every
 *       accented letter into U+FFFD. When the bytes are not UTF-8 (more invalid sequences than valid multi-byte
 *       ones, so one stray byte in a UTF-8 page does not count) the charset is detected instead;
 *   <li>{@code detected}: no usable declaration. Valid UTF-8 is UTF-8; otherwise a statistical detector decides
 *       (GBK/GB18030, Big5, Shift_JIS, EUC-*, windows-125x, KOI8-R...);
 *   <li>{@code default}: the detector has no answer: windows-1252, the web's de facto Latin-1.
 * </ol>
 * The detector is juniversalchardet (Mozilla's universal charset detector, 245 KB, no dependencies) rather than
 * ICU4J's CharsetDetector, which would add 14.6 MB to the core for the same job. An unknown charset name falls
 * through to the next source.
 */
public final class HtmlCharset {
  private static final Pattern META = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Enough text for the detector to be sure; detecting over a whole large page only costs time. */
  private static final int DETECT_BYTES = 64 << 10;

  private HtmlCharset() {}

  /** @param source bom, http, meta, detected or default */
  public record Decoded(String text, String charset, String source) {}

  public static Decoded decode(byte[] body, String headerCharset) {
    Decoded bom = byBom(body);
    if (bom != null) return bom;
    Charset cs = lookup(headerCharset);
    String source = "http";
    if (cs == null) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META.matcher(head);
      if (m.find()) cs = lookup(m.group(1));
      source = "meta";
    }
    if (cs != null && !cs.equals(StandardCharsets.UTF_8)) return new Decoded(new String(body, cs), cs.name(), source);
    if (looksLikeUtf8(body)) return new Decoded(new String(body, StandardCharsets.UTF_8), "UTF-8", cs != null ? source : "detected");
    Charset detected = detect(body);
    if (detected != null) return new Decoded(new String(body, detected), detected.name(), "detected");
    return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252.name(), "default");
  }

  private static Decoded byBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8", "bom");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", "bom");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", "bom");
    }
    return null;
  }

  /** No more invalid sequences than valid multi-byte ones (pure ASCII is UTF-8). */
  static boolean looksLikeUtf8(byte[] b) {
    int valid = 0;
    int invalid = 0;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      boolean ok = n > 0;
      if (ok) {
        for (int k = 1; k <= n && ok; k++) ok = i + k < b.length && (b[i + k] & 0xC0) == 0x80;
        if (ok && n == 2) {
          int c1 = b[i + 1] & 0xff;
          ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0); // overlong, surrogate
        } else if (ok && n == 3) {
          int c1 = b[i + 1] & 0xff;
          ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
      }
      if (ok) {
        valid++;
        i += n + 1;
      } else {
        // a page cut at max_document_bytes may end inside a character; that is not evidence
        if (!(n > 0 && i + n >= b.length)) invalid++;
        i++;
      }
    }
    return invalid <= valid;
  }

  /** The detector's answer, or null when it has none or names a charset this JVM lacks (or UTF-8, ruled out). */
  private static Charset detect(byte[] body) {
    UniversalDetector d = new UniversalDetector();
    d.handleData(body, 0, Math.min(body.length, DETECT_BYTES));
    d.dataEnd();
    Charset cs = lookup(d.getDetectedCharset());
    return cs == null || cs.equals(StandardCharsets.UTF_8) ? null : cs;
  }

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.trim().toLowerCase(Locale.ROOT);
    // browsers treat these labels as windows-1252, and GB2312/GBK as GB18030, their superset
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) return WINDOWS_1252;
    if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk")) n = "gb18030";
    if (n.equals("utf8")) n = "utf-8";
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
