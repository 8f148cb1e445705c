package io.winnow.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML payload: the charset of the HTTP Content-Type header wins, then a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} in the first 4 KB; without either, UTF-8 when the bytes are valid
 * UTF-8 and windows-1252 (the web's de facto Latin-1) otherwise. An unknown charset name falls through to the
 * next source. Returns the text and the charset used, for the record's metadata.
 */
public final class HtmlCharset {
  private static final Pattern META = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private HtmlCharset() {}

  public record Decoded(String text, String charset, String source) {}

  public static Decoded decode(byte[] body, String headerCharset) {
    Charset cs = lookup(headerCharset);
    if (cs != null) return new Decoded(decodeLenient(body, cs), cs.name(), "http");
    String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    if (m.find() && (cs = lookup(m.group(1))) != null) return new Decoded(decodeLenient(body, cs), cs.name(), "meta");
    try {
      String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      return new Decoded(utf8, "UTF-8", "detected");
    } catch (CharacterCodingException e) {
      return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252.name(), "detected");
    }
  }

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.trim().toLowerCase(Locale.ROOT);
    // browsers treat these labels as windows-1252
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) return WINDOWS_1252;
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String decodeLenient(byte[] body, Charset cs) {
    return new String(body, cs);
  }
}
