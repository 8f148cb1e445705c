package io.winnow.step.pii;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Deadline;
import io.winnow.step.Step;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts personal data and secrets with typed placeholders: e-mail addresses, public IPv4 and IPv6 addresses
 * (private, loopback, link-local, reserved and documentation ranges stay), phone numbers, credit-card numbers
 * (Luhn-checked, known issuer prefixes), IBANs (mod-97 checked) and secrets (private-key blocks, AWS, GitHub,
 * Slack, Google, Stripe and OpenAI keys, JWTs, and values assigned to api_key/secret/token/password). The
 * decision is a MODIFY with the count of each type.
 */
public final class PiiRedactor implements Step {
  public static final String TYPE = "pii";

  public enum Kind {
    SECRET("<SECRET>"), EMAIL("<EMAIL>"), IBAN("<IBAN>"), CREDIT_CARD("<CREDIT_CARD>"), IP_ADDRESS("<IP_ADDRESS>"),
    PHONE("<PHONE>");

    final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Reason implements ReasonCode {
    REDACTED;

    @Override
    public String code() {
      return "redacted";
    }
  }

  public record Config(Set<Kind> kinds) {
    public static Config from(Params p) {
      List<String> names = p.getStrings("types", List.of("email", "ip_address", "phone", "credit_card", "iban", "secret"));
      EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
      for (String n : names) {
        try {
          kinds.add(Kind.valueOf(n.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("'types' entries must be email, ip_address, phone, credit_card, iban or secret, got \"" + n + "\"");
        }
      }
      p.finish();
      return new Config(kinds);
    }
  }

  /**
   * API keys and tokens. Private-key blocks and JWTs, the other secrets, are found by {@link SecretScanners}:
   * as expressions they take quadratic time on adversarial text. Every pattern here tries a bounded amount of
   * text per start, or consumes what it scans, so each runs in linear time.
   */
  private static final Pattern TOKENS = Pattern.compile(
      "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"
          + "|\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"
          + "|\\bxox[baprs]-[A-Za-z0-9-]{10,}"
          + "|\\bAIza[0-9A-Za-z_\\-]{35}"
          + "|\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,}\\b"
          + "|\\bsk-(?:proj-)?[A-Za-z0-9_\\-]{32,}");
  /** The value assigned to a secret-looking name: only the value is redacted. */
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)\\b(?:api[_-]?key|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|token|passw(?:or)?d)\\b[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9_\\-/+=.]{16,})");
  /**
   * At most 126 labels before the top-level domain, as in DNS: Java's regex recurses once per repetition of a
   * group, so an unbounded one overflows the stack on "a@a.a.a.…".
   */
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.){1,126}[A-Za-z]{2,24}(?![A-Za-z0-9-])");
  private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
  /**
   * Card layouts only: four groups of four (one separator kind, or none), Amex 4-6-5, or 13–19 contiguous
   * digits; never inside a URL path or query (after / or =), which hold long numeric ids.
   */
  private static final Pattern CARD = Pattern.compile(
      "(?<![\\w/=.-])(?:\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?|3[47]\\d{2}([ -]?)\\d{6}\\2\\d{5}|\\d{13,19})(?![\\w-]|\\.\\d)");
  /** Not after "version", "release" or "build", nor inside a longer dotted number: those are versions. */
  private static final Pattern IPV4 = Pattern.compile(
      "(?<!(?i)version )(?<!(?i)release )(?<!(?i)build )(?<![\\d.vV])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d]|\\.\\d)");
  /** Candidates only (hex digits and at least two colons); the address parser decides. */
  private static final Pattern IPV6 = Pattern.compile("(?i)(?<![0-9a-f:])(?=[0-9a-f:]*:[0-9a-f:]*:)[0-9a-f:]{3,39}(?![0-9a-f:])");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+.-])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]\\d{2,4}){1,4}"
          + "|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}"
          + "|\\b[2-9]\\d{2}[.-]\\d{3}[.-]\\d{4})(?![\\w.-]?\\d)");

  private final Config config;

  public PiiRedactor(Config config) {
    this.config = config;
  }

  @Override
  public Verdict apply(Document doc) {
    String text = doc.text();
    // Matchers read through the deadline guard, so a pathological input ends in step.timeout, not a hung worker.
    CharSequence guarded = Deadline.current().guard(text);
    Spans spans = new Spans();
    Set<Kind> k = config.kinds();
    if (k.contains(Kind.SECRET)) {
      findPrivateKeys(guarded, spans);
      findTokens(guarded, spans);
      find(ASSIGNED, guarded, Kind.SECRET, spans, m -> hasDigitAndLetter(m.group(1)), 1);
    }
    if (k.contains(Kind.EMAIL)) find(EMAIL, guarded, Kind.EMAIL, spans, m -> true, 0);
    if (k.contains(Kind.IBAN)) find(IBAN, guarded, Kind.IBAN, spans, m -> validIban(m.group()), 0);
    if (k.contains(Kind.CREDIT_CARD)) find(CARD, guarded, Kind.CREDIT_CARD, spans, m -> validCard(m.group()), 0);
    if (k.contains(Kind.IP_ADDRESS)) {
      find(IPV4, guarded, Kind.IP_ADDRESS, spans, m -> publicIpv4(m.group()), 0);
      if (text.indexOf(':') >= 0) find(IPV6, guarded, Kind.IP_ADDRESS, spans, m -> publicIpv6(m.group()), 0);
    }
    if (k.contains(Kind.PHONE)) find(PHONE, guarded, Kind.PHONE, spans, PiiRedactor::phoneDigits, 0);
    if (spans.isEmpty()) return Verdict.keep();
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Object> counts = new LinkedHashMap<>();
    int pos = 0;
    for (Spans.Span s : spans.inOrder()) {
      out.append(text, pos, s.start()).append(s.kind().placeholder);
      counts.merge(s.kind().key(), 1, (a, b) -> (Integer) a + (Integer) b);
      pos = s.end();
    }
    out.append(text, pos, text.length());
    List<String> counters = counts.keySet().stream().map(c -> "redacted:" + c).toList();
    return Verdict.modify(out.toString(), Reason.REDACTED, counts).withCounters(counters);
  }

  private interface Check {
    boolean ok(Matcher m);
  }

  private static void find(Pattern p, CharSequence text, Kind kind, Spans spans, Check check, int group) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      if (check.ok(m)) spans.addUnlessOverlapping(m.start(group), m.end(group), kind);
    }
  }

  private static void findPrivateKeys(CharSequence text, Spans spans) {
    SecretScanners.PrivateKey keys = new SecretScanners.PrivateKey(text);
    for (SecretScanners.Found f = keys.next(0); f.exists(); f = keys.next(f.end()))
      spans.addUnlessOverlapping(f.start(), f.end(), Kind.SECRET);
  }

  /**
   * The matches of TOKENS and of the JWT scanner in the order one alternation of both would give: the leftmost
   * of the two, then the search goes on after its end. A found match stays the leftmost until the search passes
   * its start, so each finder runs forward once.
   */
  private static void findTokens(CharSequence text, Spans spans) {
    Matcher tokens = TOKENS.matcher(text);
    SecretScanners.Jwt jwts = new SecretScanners.Jwt(text);
    SecretScanners.Found token = null;
    SecretScanners.Found jwt = null;
    int pos = 0;
    while (pos <= text.length()) {
      if (token == null || token.start() < pos)
        token = tokens.find(pos) ? new SecretScanners.Found(tokens.start(), tokens.end()) : SecretScanners.Found.NONE;
      if (jwt == null || jwt.start() < pos) jwt = jwts.next(pos);
      SecretScanners.Found first = jwt.start() < token.start() ? jwt : token;
      if (!first.exists()) return;
      spans.addUnlessOverlapping(first.start(), first.end(), Kind.SECRET);
      pos = first.end();
    }
  }

  private static boolean hasDigitAndLetter(String s) {
    return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
  }

  static boolean validCard(String s) {
    String digits = s.replaceAll("[ -]", "");
    int n = digits.length();
    if (n < 13 || n > 19) return false;
    boolean issuer = digits.startsWith("4") || digits.matches("^(5[1-5]|2[2-7]).*") || digits.matches("^3[47].*")
        || digits.matches("^(6011|65|64[4-9]|62).*") || digits.matches("^35(2[89]|[3-8]).*") || digits.matches("^3(0[0-5]|[68]).*");
    if (!issuer) return false;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      int d = digits.charAt(n - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  static boolean validIban(String s) {
    String iban = s.replace(" ", "");
    if (iban.length() < 15 || iban.length() > 34) return false;
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder num = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      if (Character.isDigit(c)) num.append(c);
      else if (c >= 'A' && c <= 'Z') num.append(c - 'A' + 10);
      else return false;
    }
    return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  static boolean publicIpv4(String s) {
    String[] p = s.split("\\.");
    int[] o = new int[4];
    for (int i = 0; i < 4; i++) {
      if (p[i].length() > 1 && p[i].startsWith("0")) return false; // 01.02.03.04 is not an address
      o[i] = Integer.parseInt(p[i]);
      if (o[i] > 255) return false;
    }
    int a = o[0];
    int b = o[1];
    if (a == 0 || a == 10 || a == 127 || a >= 224) return false;
    if (a == 169 && b == 254) return false;
    if (a == 172 && b >= 16 && b <= 31) return false;
    if (a == 192 && b == 168) return false;
    if (a == 100 && b >= 64 && b <= 127) return false;
    if (a == 192 && b == 0 && o[2] == 2 || a == 198 && b == 51 && o[2] == 100 || a == 203 && b == 0 && o[2] == 113) return false;
    return true;
  }

  static boolean publicIpv6(String s) {
    if (s.chars().filter(c -> c == ':').count() < 2) return false;
    try {
      InetAddress a = InetAddress.getByName(s); // a literal: no lookup
      if (!(a instanceof java.net.Inet6Address)) return false;
      if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress() || a.isAnyLocalAddress()) return false;
      byte[] b = a.getAddress();
      if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return false; // 2001:db8::/32
      int nonZero = 0;
      for (byte x : b) if (x != 0) nonZero++;
      return nonZero >= 2;
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  private static boolean phoneDigits(Matcher m) {
    long digits = m.group().chars().filter(Character::isDigit).count();
    return digits >= 10 && digits <= 15;
  }
}
