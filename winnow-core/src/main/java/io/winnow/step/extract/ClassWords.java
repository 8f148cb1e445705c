package io.winnow.step.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A finite list of class/id words, written as a regular-expression alternation ({@code nav|side-?bar|ads?|
 * (?:image|img)-?credits?}), matched as {@code (?:^|[\s_-])(?:words)(?:$|[\s_-])} would match it but by looking
 * up each stretch between separators in the expanded set instead of trying every alternative at every
 * position (a list of 150 words made that the costliest part of cleaning a page). The stretches are hashed as
 * they grow ({@link String#hashCode}'s polynomial) and probed in an open-addressing table, so no substring is
 * made and no character hashed twice.
 */
final class ClassWords {
  private final int longest;
  /** The words by hash, open addressing with linear probing; a power-of-two length at least twice the words. */
  private final String[] table;
  private final boolean whitespaceOnly;

  /** {@code alternation}: letters, digits, {@code -}, {@code |}, {@code (?:…)} groups and {@code ?} after a character or group. */
  ClassWords(String alternation) {
    this(alternation, false);
  }

  /** Words separated by whitespace only, as {@code (?:^|\s)(?:words)(?:$|\s)} matches them ("sr-only" is one word). */
  static ClassWords betweenWhitespace(String alternation) {
    return new ClassWords(alternation, true);
  }

  private ClassWords(String alternation, boolean whitespaceOnly) {
    this.whitespaceOnly = whitespaceOnly;
    int[] pos = {0};
    Set<String> words = new HashSet<>(alternatives(alternation, pos));
    if (pos[0] != alternation.length()) throw new IllegalArgumentException("unbalanced group in " + alternation);
    int max = 0;
    for (String w : words) max = Math.max(max, w.length());
    longest = max;
    table = new String[Integer.highestOneBit(Math.max(1, words.size()) * 2) * 2];
    for (String w : words) {
      int i = slot(w.hashCode());
      while (table[i] != null) i = (i + 1) & (table.length - 1);
      table[i] = w;
    }
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (table.length - 1);
  }

  /** Whether text[start, end) is a word, given its {@link String#hashCode}. */
  private boolean contains(String text, int start, int end, int hash) {
    int len = end - start;
    for (int i = slot(hash); table[i] != null; i = (i + 1) & (table.length - 1)) {
      String w = table[i];
      if (w.length() == len && w.hashCode() == hash && text.regionMatches(start, w, 0, len)) return true;
    }
    return false;
  }

  /** Whether a word of the list stands in {@code text} between separators (whitespace, {@code _}, {@code -}) or its ends. */
  boolean find(String text) {
    int n = text.length();
    for (int start = 0; start < n; start++) {
      if (start > 0 && !isSeparator(text.charAt(start - 1))) continue;
      int last = Math.min(n, start + longest);
      int hash = 0;
      for (int end = start + 1; end <= last; end++) {
        hash = 31 * hash + text.charAt(end - 1);
        if ((end == n || isSeparator(text.charAt(end))) && contains(text, start, end, hash)) return true;
      }
    }
    return false;
  }

  /** The separators of the pattern form: {@code [\s_-]} or {@code \s} ({@code \s} as java.util.regex reads it). */
  private boolean isSeparator(char c) {
    return c == ' ' || !whitespaceOnly && (c == '-' || c == '_') || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static List<String> alternatives(String s, int[] pos) {
    List<String> out = new ArrayList<>(sequence(s, pos));
    while (pos[0] < s.length() && s.charAt(pos[0]) == '|') {
      pos[0]++;
      out.addAll(sequence(s, pos));
    }
    return out;
  }

  private static List<String> sequence(String s, int[] pos) {
    List<String> out = List.of("");
    while (pos[0] < s.length() && s.charAt(pos[0]) != '|' && s.charAt(pos[0]) != ')') {
      List<String> item;
      if (s.startsWith("(?:", pos[0])) {
        pos[0] += 3;
        item = alternatives(s, pos);
        if (pos[0] >= s.length() || s.charAt(pos[0]) != ')') throw new IllegalArgumentException("unclosed group in " + s);
        pos[0]++;
      } else {
        char c = s.charAt(pos[0]++);
        if (!Character.isLetterOrDigit(c) && c != '-') throw new IllegalArgumentException("unsupported '" + c + "' in " + s);
        item = List.of(String.valueOf(c));
      }
      if (pos[0] < s.length() && s.charAt(pos[0]) == '?') {
        pos[0]++;
        List<String> optional = new ArrayList<>(item);
        optional.add("");
        item = optional;
      }
      List<String> next = new ArrayList<>();
      for (String head : out) for (String tail : item) next.add(head + tail);
      out = next;
    }
    return out;
  }
}
