package io.winnow.refilter;

import com.fasterxml.jackson.core.io.NumberInput;
import io.winnow.step.Measures;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The figures a step recorded in its {@code values} object, as the numbers a filter measures, each read only when
 * the filter asks for it (most filters stop at the first threshold that decides): integers as Integer, Long or
 * BigInteger and other numbers as Double (as a parsed tree holds them), strings (Infinity, NaN) parsed as doubles,
 * null and anything else as undefined. A figure absent from the log is an error: the step did not record it.
 * One instance serves entry after entry ({@link #read}): the filters read it while deciding and keep nothing.
 */
final class RecordedMeasures implements Measures {
  private String step;
  private JsonSpans json;
  private byte[] b;
  private int[] spans; // per figure: name start, name end, value start, value end
  private int first;
  private int count;

  /** The figures trail element k of the entry recorded (none when its values are null or absent). */
  RecordedMeasures read(RecordedEntry e, int k) {
    this.step = e.step[k];
    this.json = e.json();
    this.b = e.bytes;
    this.spans = e.figures;
    this.first = Math.max(e.figuresFirst(k), 0);
    this.count = e.figuresFirst(k) < 0 ? 0 : e.figuresCount(k);
    return this;
  }

  @Override
  public Number get(String name) {
    for (int k = first + count - 1; k >= first; k--) { // the last of repeated names counts
      if (json.isString(spans[4 * k], spans[4 * k + 1], name)) return number(spans[4 * k + 2], spans[4 * k + 3]);
    }
    throw new IllegalStateException("refilter: step " + step + " recorded no '" + name + "'; re-run with annotate: true");
  }

  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * A plain decimal ({@code -?digits.digits}, no exponent) whose digits make an integer m below 2^53 with at most
   * 22 decimals, as the double nearest to it: m and 10^decimals are exact doubles, so one division rounds
   * correctly (Clinger's fast path) and gives what a full parser gives. NaN for anything else, which the full
   * parser reads: most recorded ratios take this path, and it keeps the general parser out of the hot loop.
   */
  static double exactDecimal(byte[] b, int start, int end) {
    int i = start;
    boolean negative = b[i] == '-';
    if (negative) i++;
    long m = 0;
    int digits = 0;      // significant digits so far (from the first non-zero)
    int decimals = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < end; i++) {
      int c = b[i] - '0';
      if (c >= 0 && c <= 9) {
        any = true;
        if (m != 0 || c != 0) {
          if (++digits > 16) return Double.NaN;
          m = m * 10 + c;
        }
        if (dot) decimals++;
      } else if (b[i] == '.' && !dot) dot = true;
      else return Double.NaN;
    }
    if (!any || m > (1L << 53) || decimals >= POWERS_OF_TEN.length) return Double.NaN;
    double v = m / POWERS_OF_TEN[decimals];
    return negative ? -v : v;
  }

  private Number number(int start, int end) {
    byte c = b[start];
    try {
      if (c == '"') return Double.parseDouble(json.text(start, end)); // Infinity and NaN are written as strings
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (c != '-' && (c < '0' || c > '9')) return null; // null, a boolean, an object or an array: undefined
    boolean integer = true;
    for (int i = start; i < end && integer; i++) integer = b[i] != '.' && b[i] != 'e' && b[i] != 'E';
    if (integer && end - start <= 18) {
      long v = 0;
      for (int i = c == '-' ? start + 1 : start; i < end; i++) v = v * 10 + (b[i] - '0');
      if (c == '-') v = -v;
      return v == (int) v ? (Number) (int) v : (Number) v;
    }
    if (!integer) {
      double fast = exactDecimal(b, start, end);
      if (fast == fast) return fast;
    }
    String text = new String(b, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
    if (!integer) return NumberInput.parseDouble(text, true);
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 32 ? (Number) big.intValue() : big.bitLength() < 64 ? (Number) big.longValue() : big;
  }
}
