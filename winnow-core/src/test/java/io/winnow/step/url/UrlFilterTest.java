package io.winnow.step.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlFilterTest {
  @TempDir Path dir;

  private UrlFilter filter() throws Exception {
    Path domains = dir.resolve("domains.txt");
    Files.writeString(domains, "# blocked\nbad-site.com\nads.example.org\n");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("blocked_domains_file", domains.toString());
    p.put("blocked_urls", List.of("https://example.com/private/page.html"));
    p.put("banned_words", List.of("casino"));
    p.put("soft_banned_words", List.of("free", "bet", "bonus"));
    p.put("banned_subwords", List.of("xxxvideo"));
    return new UrlFilter(UrlFilter.Config.from(new Params("url_filter", p)));
  }

  private static Verdict judge(UrlFilter f, String url) {
    Document d = Document.of("d", "text");
    d.metadata().put("url", url);
    return f.apply(d);
  }

  @Test
  void dropsByDomainSubdomainUrlAndWords() throws Exception {
    UrlFilter f = filter();
    assertThat(judge(f, "https://bad-site.com/a").reason().code()).isEqualTo("domain");
    assertThat(judge(f, "http://www.shop.bad-site.com/b?c=1").reason().code()).isEqualTo("domain");
    assertThat(judge(f, "https://ads.example.org/x").reason().code()).isEqualTo("domain");
    assertThat(judge(f, "https://example.com/private/page.html").reason().code()).isEqualTo("url");
    assertThat(judge(f, "https://games.net/online-casino/").reason().code()).isEqualTo("hard_blacklisted");
    assertThat(judge(f, "https://promo.net/free-bonus").reason().code()).isEqualTo("soft_blacklisted");
    assertThat(judge(f, "https://site.net/xxxvideos/1").reason().code()).isEqualTo("blacklisted_subword");
  }

  @Test
  void keepsCleanUrlsAndSaysWhenThereIsNone() throws Exception {
    UrlFilter f = filter();
    assertThat(judge(f, "https://example.org/news/free-software").action()).isEqualTo(Action.KEEP);
    assertThat(judge(f, "https://notbad-site.com/").action()).isEqualTo(Action.KEEP);
    assertThat(f.apply(Document.of("d", "x")).values()).containsEntry("no_url", true);
  }

  /** A 1 MB host of one-letter labels: walking its parent domains was quadratic (46 s). */
  @Test
  void aHostOfManyLabelsIsJudgedInLinearTime() throws Exception {
    UrlFilter f = filter();
    String labels = "a.".repeat(1 << 19);
    Verdict kept = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> judge(f, "http://" + labels + "com/x"));
    assertThat(kept.action()).isEqualTo(Action.KEEP);
    Verdict dropped = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> judge(f, "http://" + labels + "ads.example.org/x"));
    assertThat(dropped.values()).containsEntry("domain", "ads.example.org");
  }

  /** The longest blocked parent wins, as when every parent was tried from the host down. */
  @Test
  void theBlockedDomainFoundIsTheLongestParent() throws Exception {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("blocked_domains", List.of("org", "example.org", "b.ads.example.org", "x.y"));
    UrlFilter f = new UrlFilter(UrlFilter.Config.from(new Params("url_filter", p)));
    assertThat(judge(f, "https://a.b.ads.example.org/").values()).containsEntry("domain", "b.ads.example.org");
    assertThat(judge(f, "https://ads.example.org/").values()).containsEntry("domain", "example.org");
    assertThat(judge(f, "https://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.org/").values()).containsEntry("domain", "org");
    assertThat(judge(f, "https://w.x.y/").values()).containsEntry("domain", "x.y");
    assertThat(judge(f, "https://wx.y/").action()).isEqualTo(Action.KEEP);
    assertThat(judge(f, "https://x.yy/").action()).isEqualTo(Action.KEEP);
  }

  /** The real URLs of Common Crawl pages: blocking one site's domain drops exactly that site's pages. */
  @Test
  void realCommonCrawlUrls() {
    List<com.fasterxml.jackson.databind.JsonNode> rows =
        io.winnow.testing.SharedData.readJsonlGz(io.winnow.testing.SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz"));
    List<String> urls = rows.stream().map(r -> r.path("metadata").path("warc_url").asText()).filter(u -> !u.isEmpty()).toList();
    assertThat(urls).hasSizeGreaterThan(500);
    String host = UrlFilter.host(urls.get(0));
    String domain = host.substring(host.indexOf('.') + 1).contains(".") ? host.substring(host.indexOf('.') + 1) : host;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("blocked_domains", List.of(domain));
    UrlFilter f = new UrlFilter(UrlFilter.Config.from(new Params("url_filter", p)));
    long dropped = urls.stream().filter(u -> judge(f, u).action() == Action.DROP).count();
    long expected = urls.stream().map(UrlFilter::host).filter(h -> h != null && (h.equals(domain) || h.endsWith("." + domain))).count();
    assertThat(dropped).isEqualTo(expected).isPositive();
  }
}
