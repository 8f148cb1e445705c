package io.winnow.step.url;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drops documents by their URL, as FineWeb does: a blocked domain (the host or any parent domain, so a blocked
 * domain also blocks its subdomains), a blocked exact URL, a banned word among the URL's words, or two or more
 * "soft" banned words, or a banned substring of the URL. The lists are files named in the pipeline (one entry
 * per line, {@code #} comments), or inline lists.
 */
public final class UrlFilter implements Step {
  public static final String TYPE = "url_filter";

  public enum Reason implements ReasonCode {
    DOMAIN, URL, HARD_BLACKLISTED, SOFT_BLACKLISTED, BLACKLISTED_SUBWORD;
  }

  public record Config(String urlField, Set<String> domains, Set<String> urls, Set<String> bannedWords,
      Set<String> softBannedWords, int softWordThreshold, List<String> bannedSubwords) {

    public static Config from(Params p) {
      Config c = new Config(
          p.getString("url_field", "url"),
          lower(load(p, "blocked_domains")),
          Set.copyOf(load(p, "blocked_urls")),
          lower(load(p, "banned_words")),
          lower(load(p, "soft_banned_words")),
          p.getInt("soft_word_threshold", 2, 1, 1000),
          List.copyOf(lower(load(p, "banned_subwords"))));
      p.finish();
      return c;
    }

    /** A list given inline, or as {@code <key>_file}: one entry per line, blank lines and # comments ignored. */
    private static Set<String> load(Params p, String key) {
      Set<String> out = new HashSet<>(p.getStrings(key, List.of()));
      String file = p.getString(key + "_file", null);
      if (file != null) {
        try {
          for (String line : Files.readAllLines(Path.of(file))) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(new IOException("'" + key + "_file': cannot read " + file + ": " + e.getMessage(), e));
        }
      }
      return out;
    }

    private static Set<String> lower(Set<String> s) {
      Set<String> out = new HashSet<>();
      for (String x : s) out.add(x.toLowerCase(Locale.ROOT));
      return Set.copyOf(out);
    }
  }

  private final Config config;
  private final int maxDomainLength;

  public UrlFilter(Config config) {
    this.config = config;
    this.maxDomainLength = config.domains().stream().mapToInt(String::length).max().orElse(0);
  }

  @Override
  public Verdict apply(Document doc) {
    Object value = io.winnow.doc.FieldPath.get(doc.metadata(), config.urlField());
    if (value == null) return Verdict.keep(Map.of("no_url", true));
    String url = value.toString();
    String host = host(url);
    if (host != null) {
      String d = blockedDomain(host);
      if (d != null) return Verdict.drop(Reason.DOMAIN, values("domain", d));
    }
    if (config.urls().contains(url)) return Verdict.drop(Reason.URL, values("url", url));
    String lower = url.toLowerCase(Locale.ROOT);
    Set<String> words = new HashSet<>(List.of(lower.split("[^\\p{L}\\p{N}]+")));
    for (String w : config.bannedWords()) if (words.contains(w)) return Verdict.drop(Reason.HARD_BLACKLISTED, values("word", w));
    int soft = 0;
    for (String w : config.softBannedWords()) if (words.contains(w)) soft++;
    if (soft >= config.softWordThreshold()) return Verdict.drop(Reason.SOFT_BLACKLISTED, values("soft_words", soft));
    for (String s : config.bannedSubwords()) if (lower.contains(s)) return Verdict.drop(Reason.BLACKLISTED_SUBWORD, values("subword", s));
    return Verdict.keep();
  }

  static String host(String url) {
    try {
      String h = URI.create(url.strip().replace(" ", "%20")).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    } catch (IllegalArgumentException e) {
      int start = url.indexOf("://");
      String rest = start < 0 ? url : url.substring(start + 3);
      int end = rest.indexOf('/');
      String h = (end < 0 ? rest : rest.substring(0, end)).replaceAll(":\\d+$", "");
      return h.isEmpty() ? null : h.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The longest blocked domain among the host and its parent domains, or null. Only parents no longer than the
   * longest blocked domain can be in the list, so the walk starts there: linear in the host, where taking one
   * parent after another (each a copy) was quadratic on a host like {@code "a.".repeat(n) + "com"}.
   */
  private String blockedDomain(String host) {
    Set<String> domains = config.domains();
    if (domains.isEmpty()) return null;
    int from = Math.max(0, host.length() - maxDomainLength);
    if (from > 0) { // a suffix is a parent domain only if it starts right after a dot
      int dot = host.indexOf('.', from - 1);
      if (dot < 0) return null;
      from = dot + 1;
    }
    for (int start = from; ; ) {
      String d = host.substring(start);
      if (domains.contains(d)) return d;
      int dot = host.indexOf('.', start);
      if (dot < 0) return null;
      start = dot + 1;
    }
  }
}
