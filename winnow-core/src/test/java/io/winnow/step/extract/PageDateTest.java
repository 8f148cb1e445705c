package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageDateTest {
  private static String date(String html, String url) {
    return PageDate.find(Jsoup.parse(html), url);
  }

  @Test
  void metaTagsComeFirstPublishedBeforeModified() {
    assertThat(date("<head><meta property='article:modified_time' content='2021-05-02'>"
        + "<meta property='article:published_time' content='2021-04-30T08:00:00Z'></head>", "")).isEqualTo("2021-04-30");
    assertThat(date("<head><meta name='DC.date.issued' content='2019/11/05'></head>", "")).isEqualTo("2019-11-05");
  }

  @Test
  void jsonLdThenTimeElementsThenTheUrl() {
    assertThat(date("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\": \"2020-02-29T10:00:00+01:00\"}</script>", ""))
        .isEqualTo("2020-02-29");
    assertThat(date("<p>Posted <time datetime='2018-07-01'>1 July</time></p>", "")).isEqualTo("2018-07-01");
    assertThat(date("<p itemprop='datePublished' content='03.04.2017'>3 April</p>", "")).isEqualTo("2017-04-03");
    assertThat(date("<p>no date</p>", "https://blog.example/2023/07/04/notes.html")).isEqualTo("2023-07-04");
    assertThat(date("<p>no date</p>", "https://news.example/story-20220115-x")).isEqualTo("");
    assertThat(date("<p>no date</p>", "https://news.example/20220115/story")).isEqualTo("2022-01-15");
  }

  @Test
  void implausibleDatesAreIgnored() {
    assertThat(date("<head><meta name='date' content='1970-01-01'></head>", "")).isEmpty();
    assertThat(date("<head><meta name='date' content='2020-13-45'></head>", "https://x.example/2019/02/03/a")).isEqualTo("2019-02-03");
    assertThat(date("<p>nothing</p>", "https://x.example/about")).isEmpty();
  }
}
