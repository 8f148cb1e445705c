package io.winnow.text;

/** UTF-8 sizes without encoding. */
public final class Utf8 {
  private Utf8() {}

  /** Number of bytes the string takes in UTF-8 (an unpaired surrogate counts as the 3-byte replacement). */
  public static long length(CharSequence s) {
    long bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) bytes++;
      else if (c < 0x800) bytes += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    return bytes;
  }

  /** True when bytes [off, off+len) are well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF). */
  public static boolean isValid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      // skip ASCII eight bytes at a time
      while (i + 8 <= end && ((b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6] | b[i + 7]) & 0x80) == 0) i += 8;
      if (i >= end) break;
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
      } else if (c >= 0xc2 && c <= 0xdf) {
        if (i + 1 >= end || (b[i + 1] & 0xc0) != 0x80) return false;
        i += 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        if (i + 2 >= end) return false;
        int c1 = b[i + 1] & 0xff;
        if ((c1 & 0xc0) != 0x80 || (b[i + 2] & 0xc0) != 0x80) return false;
        if (c == 0xe0 && c1 < 0xa0) return false; // overlong
        if (c == 0xed && c1 >= 0xa0) return false; // surrogate
        i += 3;
      } else if (c >= 0xf0 && c <= 0xf4) {
        if (i + 3 >= end) return false;
        int c1 = b[i + 1] & 0xff;
        if ((c1 & 0xc0) != 0x80 || (b[i + 2] & 0xc0) != 0x80 || (b[i + 3] & 0xc0) != 0x80) return false;
        if (c == 0xf0 && c1 < 0x90) return false;
        if (c == 0xf4 && c1 >= 0x90) return false;
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }
}
