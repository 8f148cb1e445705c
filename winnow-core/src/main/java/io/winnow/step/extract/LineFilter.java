package io.winnow.step.extract;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last pass over the rendered lines: drops what survives container choice but is not the text — lines seen
 * before (hidden duplicates, repeated teasers), photo credits, "read also" and print/share prompts, and
 * date/byline lines. The patterns are short lines only: a long line is prose whatever words it starts with.
 */
final class LineFilter {
  /** Marks a heading line in the rendered text (stripped here). */
  static final char HEADING = '\u0001';

  private static final String MONTH = "(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dec|dez|janv|févr|avr|juil|"
      + "déc|ene|abr|ago|dic|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|gen|mag|giu|lug|set|ott)\\p{L}*\\.?";
  private static final Pattern DATE = Pattern.compile("(?iu)\\b(?:\\d{1,2}[./-]\\s?\\d{1,2}[./-]\\s?\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}"
      + "|\\d{1,2}\\.?\\s+" + MONTH + "\\s+\\d{4}|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})"
      + "(?:,?\\s*(?:um\\s+)?\\d{1,2}[:.h]\\d{2}(?:\\s*(?:uhr|h|am|pm|[ap]\\.m\\.))?)?");
  private static final Pattern DATE_LEAD = Pattern.compile("(?iu)^(?:published|posted|updated|last updated|created|date|"
      + "veröffentlicht|aktualisiert|erstellt|stand|datum|zuletzt aktualisiert|publié|mis à jour|publicado|actualizado|"
      + "publikacja|aktualizacja|pubblicato|aggiornato)\\b");
  private static final Pattern CREDIT = Pattern.compile("(?iu)^(?:fotos?|photos?|bild(?:er|quelle)?|titelbild|image|"
      + "credits?|crédits?(?: photos?)?|quelle|source|źródło|fot\\.|zdjęcie|copyright|©|\\(c\\)|getty images|"
      + "illustration|grafik|foto ?:|picture)(?:\\s*[:©/|]|\\s+(?:via|by|von|de|:)\\b|\\s*$)");
  private static final Pattern READ_ALSO = Pattern.compile("(?iu)^(?:mehr zum thema|mehr zu[mr]? |mehr aus |lesen sie auch|lesen sie mehr|"
      + "auch interessant|weitere artikel|weiterlesen|das könnte sie auch interessieren|read more|read also|related|"
      + "see also|more from|more on|you may also like|recommended|also read|continue reading|zobacz (?:też|również|także)|"
      + "czytaj (?:też|także|więcej|również)|przeczytaj (?:też|także)|à lire aussi|lire aussi|lire la suite|"
      + "voir aussi|leer más|lee también|lea también|lea más|mira:|te puede interesar|ver también|leggi anche|"
      + "das könnte dich|das könnte sie|temas relacionados|artículos relacionados|related articles|related posts|"
      + "dowiedz się więcej|więcej:|zobacz:|czytaj:|weitere |siehe auch|auch lesen|schon gelesen|zum weiterlesen|"
      + "noch mehr |mehr themen|mehr interessantes|vea también|mire:|lea:|read next|keep reading|"
      // Dutch, Portuguese, the Scandinavian languages, Finnish, Czech, Slovak, Russian, Romanian, Hungarian, Turkish
      + "lees ook|lees meer|leia também|leia mais|veja também|läs också|läs mer|læs også|læs mere|les også|les mer|"
      + "lue myös|lue lisää|lue seuraavaksi|čtěte také|přečtěte si také|čítajte aj|читайте также|читайте далее|"
      + "citește și|olvassa el|ezt is olvassa|ayrıca okuyun|ilginizi çekebilir|puedes ver:|mira también|lee además)");
  /**
   * A subscription wall's prompt in place of the rest of the story ("To view the full story, please subscribe",
   * "If you're seeing this message but you're already a subscriber…"): a subscriber word with the story it
   * withholds or the reader it addresses.
   */
  private static final String[] SUBSCRIBER = {"subscrib", "abonn", "suscri", "assinante"};
  /**
   * An affiliate or advertising disclosure ("This post contains references to products from our advertisers. We may
   * receive compensation…", "Für Links auf dieser Seite erhält GIGA ggf. eine Provision"): pay for links, said of
   * this page.
   */
  private static final String[] PAID = {"compensation", "commission", "provision", "affiliate", "advertiser", "werbepartner"};
  private static final Pattern THIS_PAGE = Pattern.compile("(?iu)\\b(?:this (?:post|page|article|site)|these links|"
      + "(?:links|products) (?:on|in) this|auf dieser seite|in diesem (?:artikel|beitrag)|dieser artikel enthält)");
  /** A plea for support under a post ("If you enjoyed reading this post – would you consider supporting our work?"). */
  private static final Pattern SUPPORT_PLEA = Pattern.compile("(?iu)^(?:if you (?:enjoyed|liked|like|value)|enjoyed this|"
      + "did you enjoy|please consider supporting|support (?:us|our work))");  private static final Pattern WITHHELD = Pattern.compile("(?iu)\\b(?:the full (?:story|article)|full access|continue reading|"
      + "keep reading|already a (?:subscriber|member)|this story is (?:for|available to)|read the rest|den ganzen artikel|"
      + "weiterlesen mit|la nota completa|el artículo completo|l'article complet)");
  /** Tag and category lists under a post ("Schlagwörter: …", "Tags"). */
  private static final Pattern TAGS = Pattern.compile("(?iu)^(?:schlagwörter|schlagworte|stichwörter|tags?|kategorien?|"
      + "categories|category|themen|etiquetas|tagi|étiquettes|mots-clés|filed under|posted in|abgelegt unter)(?:\\s*:|\\s*$)");
  /** "Follow us on …", "Subscribe to our newsletter": a social or newsletter word with an invitation. */
  private static final Pattern SOCIAL = Pattern.compile("(?iu)\\b(?:twitter|facebook|instagram|telegram|whatsapp|newsletter|"
      + "youtube|tiktok|rss)\\b");
  private static final Pattern INVITATION = Pattern.compile("(?iu)\\b(?:follow|folgen sie|folge uns|síguenos|siguenos|suivez|"
      + "abonn|subscribe|sign up|signing up|anmelden|melden sie sich|únete|join|obserwuj|never miss|verpassen sie|mit unserem)");
  private static final Pattern ACTION = Pattern.compile("(?iu)^(?:drucken|print(?: this)?|drukuj|teilen|share(?: this)?|"
      + "tweet|rezept drucken|comments are closed|kommentare|no comments|leave a (?:comment|reply)|"
      + "artikel teilen|seite drucken|merken|e-mail|email|facebook|twitter|whatsapp|pinterest|linkedin|"
      + "war (?:der|dieser) artikel (?:nützlich|hilfreich)|was this (?:article|page) helpful|"
      + "möchten sie den artikel teilen|bild anzeigen|zurück|back to top|nach oben|top)\\b");
  /**
   * A figure caption by its label ("Abbildung 4: …", "Abb. 2:", "Figure 3. …", "Rys. 1:"), left behind when the
   * figure markup is not {@code <figure>}/{@code <figcaption>}: captions are not the running text.
   */
  private static final Pattern CAPTION_LABEL = Pattern.compile("(?iu)^(?:abbildung|abb\\.|fig(?:ure|\\.)|figura|rysunek|rys\\.)"
      + "\\s*\\d*\\p{L}?\\s*[:.]\\s");
  /** A link back to the list a page came from ("< Back to Blog", "← Zurück zur Übersicht"), and nothing else. */
  private static final Pattern BACK_LINK = Pattern.compile("(?iu)^[<←«‹]*\\s*(?:back to|zurück zu[mr]?|retour (?:à|au|aux)|volver a)"
      + "(?:\\s+\\p{L}+){1,3}\\s*$");
  /** Advertising disclosures and labels ("Anzeige", "*Werbung", "Affiliate-Link", "Sponsored"). */
  private static final Pattern AD_LABEL = Pattern.compile("(?iu)^[-*\\s]*(?:werbung|anzeige|advertisement|advertorial|"
      + "sponsored|gesponsert|affiliate-?links?|publicidad|publicité|reklama)\\b");
  private static final Pattern BYLINE = Pattern.compile("(?u)^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Aa]utor(?:in)?:|[Aa]uthor:|[Tt]ext:|"
      + "[Ww]ritten by)\\s+\\p{Lu}");

  private LineFilter() {}

  static String apply(String text, ExtractOptions options) {
    String kept = filter(text, options);
    return options.precision() ? trimTail(kept) : kept;
  }

  /**
   * Under favor_precision: the lines after the last line of prose go (an author box, teaser titles, prompts
   * under the story). Prose: 80+ characters, or 30+ ending a sentence.
   */
  private static String trimTail(String text) {
    String[] lines = text.split("\n");
    int end = lines.length;
    while (end > 1 && !isProseLine(lines[end - 1])) end--;
    return end == lines.length ? text : String.join("\n", Arrays.asList(lines).subList(0, end));
  }

  private static boolean isProseLine(String line) {
    if (line.length() >= 80) return true;
    return line.length() >= 30 && ".!?".indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static String filter(String text, ExtractOptions options) {
    StringBuilder out = new StringBuilder();
    Set<String> seen = new HashSet<>();
    boolean teaserNext = false;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      boolean heading = !line.isEmpty() && line.charAt(0) == HEADING;
      if (heading) line = line.substring(1).strip();
      if (line.isEmpty() || line.equals("-")) continue;
      String key = line.toLowerCase(Locale.ROOT);
      if (key.length() >= 12 && !seen.add(key)) continue;
      // "Lue myös:" on a line of its own, the teaser's title on the next: the title goes with its label
      boolean teaser = teaserNext && isTitleLine(line);
      teaserNext = false;
      if (!options.recall() && teaser) continue;
      if (!options.recall() && isFurnitureLine(line, heading)) {
        teaserNext = isReadAlsoLabel(line);
        continue;
      }
      if (options.precision() && !heading && isFragment(line)) continue;
      if (out.length() > 0) out.append('\n');
      out.append(line);
    }
    return out.toString();
  }

  /** Whether {@code text} holds one of the lower-case ASCII {@code stems}, in any case (a scan, no regular expression: every line asks). */
  private static boolean mentionsAny(String text, String[] stems) {
    for (int i = 0; i < text.length(); i++) {
      char c = (char) (text.charAt(i) | 0x20);
      for (String stem : stems) {
        if (c == stem.charAt(0) && text.regionMatches(true, i, stem, 0, stem.length())) return true;
      }
    }
    return false;
  }

  /** The line without the list bullet the renderer writes ("- "). */
  private static String withoutBullet(String line) {
    return line.startsWith("- ") ? line.substring(2) : line;
  }

  /** A "read also" prompt alone, as a label of what follows ("Lesen Sie auch:", "Lue myös:"). */
  private static boolean isReadAlsoLabel(String line) {
    String body = withoutBullet(line);
    return body.length() < 40 && body.endsWith(":") && READ_ALSO.matcher(body).find();
  }

  /** A line that reads as a title: short, and not ending a sentence. */
  private static boolean isTitleLine(String line) {
    return line.length() < 160 && ".!?…\"”»".indexOf(line.charAt(line.length() - 1)) < 0;
  }

  /** A credit, prompt, "read also", date or byline line. */
  static boolean isFurnitureLine(String line, boolean heading) {
    String body = withoutBullet(line);
    int len = body.length();
    if ((len < 60 || len < 200 && body.indexOf(':') > 0 && body.indexOf(':') < 25) && READ_ALSO.matcher(body).find()) return true;
    if (len < 100 && TAGS.matcher(body).find()) return true;
    if (heading) return false;
    if (len < 200 && SOCIAL.matcher(body).find() && INVITATION.matcher(body).find()) return true;
    if (len < 250 && mentionsAny(body, SUBSCRIBER) && WITHHELD.matcher(body).find()) return true;
    if (len < 300 && mentionsAny(body, PAID) && THIS_PAGE.matcher(body).find()) return true;
    if (len < 160 && SUPPORT_PLEA.matcher(body).find()) return true;
    if (len < 150 && CREDIT.matcher(body).find()) return true;
    if (len < 150 && CAPTION_LABEL.matcher(body).find()) return true;
    if (len < 50 && ACTION.matcher(body).find()) return true;
    if (len < 40 && BACK_LINK.matcher(body).find()) return true;
    if (len < 200 && AD_LABEL.matcher(body).find()) return true;
    if (len < 90 && DATE_LEAD.matcher(body).find() && DATE.matcher(body).find()) return true;
    if (len < 60 && BYLINE.matcher(body).find() && !body.endsWith(".")) return true;
    if (len < 50) {
      String rest = DATE.matcher(body).replaceAll("");
      if (rest.length() < len && letters(rest) < 12) return true;
    }
    return false;
  }

  /** Under favor_precision: a short line that is not a sentence (a label, a teaser title, a stray word). */
  private static boolean isFragment(String line) {
    if (line.length() >= 40 || line.startsWith("- ")) return false;
    char last = line.charAt(line.length() - 1);
    return ".!?:;\"”'»)".indexOf(last) < 0;
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) n++;
    return n;
  }
}
