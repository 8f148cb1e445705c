package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One minimal hand-written page per failure class of main-content extraction (src/test/resources/extract/classes):
 * each page holds the same three-paragraph story and the furniture of its class.
 */
class ExtractionFailureClassesTest {
  private static final String FIRST = "The harbour board voted on Tuesday to rebuild the old north pier";
  private static final String SECOND = "Engineers told the board that the wooden piles";
  private static final String LAST = "and where their boats would wait.";

  @Test
  void aPageWrappedInAFormKeepsItsArticle() {
    assertThat(extract("form-wrapper")).contains("Harbour board votes to rebuild the north pier", FIRST, SECOND, LAST)
        .doesNotContain("Sport").doesNotContain("all rights reserved");
  }

  @Test
  void anArticleBodyWithLittleOfThePageIsStillTheArticle() {
    assertThat(extract("article-body-small-share")).contains(FIRST, SECOND, LAST)
        .doesNotContain("School roof fixed").doesNotContain("parents' association").doesNotContain("Saturday market");
  }

  @Test
  void theLargestArticleIsNotTheRelatedPostsBlock() {
    assertThat(extract("related-posts-article")).contains(FIRST, SECOND, LAST).doesNotContain("School roof fixed")
        .doesNotContain("Too few passengers").doesNotContain("More from the harbour");
  }

  /** The scoring fallback: no container names the story, an advertisement sits between its blocks. */
  @Test
  void anArticleSplitIntoSeveralBlocksIsKeptWhole() {
    assertThat(extract("split-article")).contains("Harbour board votes", FIRST, SECOND, LAST).doesNotContain("Most read")
        .doesNotContain("Advertisement");
  }

  /** "header", "paywall" and "print" in a class name name a layout role: such a block holding prose is kept. */
  @Test
  void aHeaderPaywallOrPrintBlockHoldingProseIsKept() {
    assertThat(extract("layout-words")).contains("After a winter of closures", FIRST, SECOND, LAST, "The works start in October")
        .doesNotContain("Weather").doesNotContain("Share this article");
  }

  /** The lead sits in a block beside one of the wrappers of the articleBody, not beside the articleBody itself. */
  @Test
  void aLeadBesideAWrapperOfTheArticleBodyIsKept() {
    assertThat(extract("lead-beside-wrapper")).contains("After a winter of closures", FIRST, SECOND, LAST)
        .doesNotContain("School roof fixed").doesNotContain("parents' association");
  }

  /** A page builder calls every block a widget ("elementor-widget-text-editor"): the story's blocks are kept, its sidebar not. */
  @Test
  void aPageBuildersTextBlocksAreNotWidgetFurniture() {
    assertThat(extract("page-builder-blocks")).contains(FIRST, SECOND, LAST).doesNotContain("Most read").doesNotContain("School roof");
  }

  /** A gallery page: its text is in its pictures' captions, kept as paragraphs whatever their class says. */
  @Test
  void aGallerysCaptionsAreItsText() {
    assertThat(new MainContentExtractor().extract(page("gallery-captions"), "https://gazette.example/costumes").text())
        .contains("Six harbour costumes", "A yellow raincoat", "Grey leggings", "a list of the wooden piles")
        .doesNotContain("all rights reserved");
  }

  /** An affiliate disclosure of the page's links, and a plea for support under the post. */
  @Test
  void anAffiliateDisclosureAndASupportPleaAreNotTheStory() {
    assertThat(extract("disclosure-plea")).contains(FIRST, SECOND, LAST).doesNotContain("advertisers").doesNotContain("Provision")
        .doesNotContain("supporting our work");
  }

  /** A subscription wall's prompts where the story stops, and a Spanish "read also" ("PUEDES VER:"). */
  @Test
  void aSubscriptionPromptIsNotTheStory() {
    assertThat(extract("subscription-wall")).contains(FIRST, SECOND, LAST).doesNotContain("subscribe").doesNotContain("subscriber")
        .doesNotContain("PUEDES VER");
  }

  /** A "read also" label on a line of its own ("Lue myös:", "Lees ook:") takes the teaser's title under it along. */
  @Test
  void aReadAlsoLabelTakesTheTeaserTitleUnderIt() {
    assertThat(extract("read-also-label")).contains(FIRST, SECOND, LAST).doesNotContain("Lue myös").doesNotContain("Lees ook")
        .doesNotContain("Ferry timetable").doesNotContain("Saturday market");
  }

  /**
   * A consent manager's modal dialog (role="dialog", aria-modal="true") holding more prose than a short article:
   * an overlay, never the content, whatever its size.
   */
  @Test
  void aModalConsentDialogIsNotTheContentHoweverLong() {
    assertThat(extract("modal-consent")).contains(FIRST, SECOND, LAST).doesNotContain("cookies").doesNotContain("Privacy settings");
  }

  /** Image credits and author boxes named by their class ("image-source", "author-box") are furniture. */
  @Test
  void anImageCreditAndAnAuthorBoxAreDropped() {
    assertThat(extract("credit-author-box")).contains(FIRST, SECOND, LAST).doesNotContain("Peter Miller")
        .doesNotContain("Jane Smith");
  }

  /** German and Spanish "see also" / "read more" prompts between the paragraphs go like the English ones. */
  @Test
  void readAlsoPromptsInOtherLanguagesAreDropped() {
    assertThat(extract("read-also-prompts")).contains(FIRST, SECOND, LAST).doesNotContain("Siehe auch")
        .doesNotContain("VEA TAMBIÉN").doesNotContain("Weitere Informationen").doesNotContain("Zum Weiterlesen");
  }

  @Test
  void hiddenElementsAreDroppedAndNoParagraphAppearsTwice() {
    String text = extract("hidden-elements");
    assertThat(text).contains(FIRST, SECOND, LAST).doesNotContain("Skip to the comments").doesNotContain("Subscribers can download")
        .doesNotContain("Share this article");
    assertThat(text.split(FIRST, -1)).hasSize(2);
  }

  @Test
  void captionsAndCreditsAreDroppedButFiguresOfCodeKept() {
    assertThat(extract("captions-credits")).contains(FIRST, SECOND, LAST, "piles_replaced = 214")
        .doesNotContain("closed since last winter's storm").doesNotContain("Jane Smith").doesNotContain("Harbour Board archive")
        .doesNotContain("Peter Miller");
  }

  @Test
  void aRepeatedLineIsKeptOnce() {
    assertThat(extract("repeated-lines").split(SECOND, -1)).hasSize(2);
  }

  @Test
  void bylineAndDateLinesAtTheTopAndTagsAtTheEndAreDropped() {
    String text = extract("byline-date-top");
    assertThat(text).startsWith("Harbour board votes to rebuild the north pier\n" + FIRST).contains(SECOND, LAST)
        .doesNotContain("Jane Smith").doesNotContain("14.03.2023").doesNotContain("14 March 2023").doesNotContain("Tags:");
  }

  @Test
  void noscriptContentIsKeptButNotItsJavaScriptNotice() {
    assertThat(extract("noscript-content")).contains("Harbour board votes", FIRST, SECOND, LAST).doesNotContain("enable JavaScript");
  }

  /** A reading list whose items name an author beside the link is text; a teaser list of links and dates is not. */
  @Test
  void aReadingListIsKeptAndABackLinkDropped() {
    assertThat(extract("annotated-reading-list")).contains(FIRST, SECOND, LAST, "Timber piles in salt water by Anna Berg",
        "Concrete decks for small harbours by John Reed").doesNotContain("School roof fixed").doesNotContain("Back to News");
  }

  /** Captions outside figure markup, known by their label ("Abbildung 1:", "Figure 2."). */
  @Test
  void labelledCaptionsAreDropped() {
    assertThat(extract("caption-labels")).contains(FIRST, SECOND, LAST).doesNotContain("Der Nordpier im Winter")
        .doesNotContain("The planned concrete deck");
  }

  /**
   * The longest section of a chapter is chosen as the container; its sibling sections (same tag and class,
   * prose with few links) are the rest of the text, a sibling of the same class made of links is not.
   */
  @Test
  void theSectionsBesideTheLongestOneAreKept() {
    assertThat(extract("parallel-sections")).contains(FIRST, SECOND, LAST, "Boats that moor at the north pier will use the east basin",
        "The path along the pier stays closed", "The pier should reopen in the spring", "A plaque at the root of the pier")
        .doesNotContain("School roof fixed");
  }

  /** The commas of a code example's argument lists do not make it the densest prose of the page. */
  @Test
  void aCodeExampleFullOfCommasIsNotTakenForTheText() {
    assertThat(extract("code-example-commas")).contains("The berths API lets a harbour office book",
        "Every call takes the quay and the berth number", "berth_book (quay, 12", "The price of a berth depends on the length");
  }

  /** A paragraph ending "For example," runs on into the code example after it, like one ending with a colon. */
  @Test
  void aParagraphIntroducingAnExampleIsKept() {
    assertThat(extract("example-intro-comma")).contains("The harbour office can ask for a report of the berths",
        "berth_report (\"north\", first, last)", "returns the berths of the north quay", "The call fails with an error when first comes after last");
  }

  /** A short block before the text holding the page's heading and its one-line subtitle is the text's title. */
  @Test
  void theTitleBlockBeforeTheTextIsKept() {
    assertThat(extract("title-block")).startsWith("North pier\nHarbour board votes to rebuild the north pier\n" + FIRST)
        .contains(SECOND, LAST).doesNotContain("More news").doesNotContain("School roof fixed");
  }

  /**
   * The chosen block is one section of a reference page; the sections beside it that open with a heading of
   * the same level (h3 "Description" beside the h3 "Exports" just before it) are the rest of the text, even when
   * they end on a reference. A box under a heading of its own level, and teasers with linked titles, are not.
   */
  @Test
  void theSectionsUnderHeadingsOfTheSameLevelAreKept() {
    assertThat(extract("sibling-sections")).contains(FIRST, SECOND, LAST, "This module books the berths of the east basin",
        "Books a berth of the given quay").doesNotContain("Upcoming events").doesNotContain("Regatta week")
        .doesNotContain("School roof fixed").doesNotContain("parents' association");
  }

  /** The one-line summary right under a bare title heading is the title's second line; a breadcrumb line is not. */
  @Test
  void theSummaryUnderTheTitleHeadingIsKept() {
    assertThat(extract("title-summary")).startsWith("Harbour board votes to rebuild the north pier\nThe board chose a concrete deck on old lines.")
        .contains(FIRST, SECOND, LAST).doesNotContain("Home");
  }

  /** A caption right after a code example says what the code shows and is kept; a picture's caption is not. */
  @Test
  void theCaptionOfACodeListingIsKept() {
    assertThat(extract("code-listing-caption")).contains(FIRST, SECOND, LAST, "Listing 3: Booking berth 12 of the east quay for a boat")
        .doesNotContain("seen from the lighthouse");
  }

  static String page(String name) {
    try (InputStream in = ExtractionFailureClassesTest.class.getResourceAsStream("/extract/classes/" + name + ".html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String extract(String name) {
    return new MainContentExtractor().extract(page(name), "https://gazette.example/news/pier").text();
  }
}
