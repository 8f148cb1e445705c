import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import java.util.stream.*;
import org.jsoup.Jsoup;
import org.jsoup.nodes.*;

/**
 * Draws candidate gold snippets for the development documentation pages (see README.md beside this file). For each
 * generator the content region and the navigation regions are named by the generator's own markup; "with"
 * snippets are the openings of paragraphs spread over the content region, "without" snippets are texts of the
 * navigation regions that never occur in the content region. The output was then read by hand.
 *
 * <pre>java -cp ~/.m2/repository/org/jsoup/jsoup/1.22.1/jsoup-1.22.1.jar MakeDevGold.java &lt;root&gt;/usr/share/doc > docs-gold.json
 * java -cp ~/.m2/repository/org/jsoup/jsoup/1.22.1/jsoup-1.22.1.jar MakeDevGold.java dev2 &lt;root&gt;/usr/share/doc > ../dev2/docs-gold.json
 * java -cp ~/.m2/repository/org/jsoup/jsoup/1.22.1/jsoup-1.22.1.jar MakeDevGold.java dev3 &lt;root&gt;/usr/share/doc > ../dev3/docs-gold.json</pre>
 */
public class MakeDevGold {
  /** {@code skip}: a pattern of file names not drawn (a second copy of each page, as GAPDoc's MathJax "_mj" files). */
  record Generator(String name, String dir, String content, String nav, String paragraphs, int pages, String skip) {
    Generator(String name, String dir, String content, String nav, String paragraphs, int pages) {
      this(name, dir, content, nav, paragraphs, pages, "");
    }
  }

  static final String P = "p, dd > p, li > p";
  /** The first development set (../dev): five generators none of which the held-out set uses. */
  static final List<Generator> SET_1 = List.of(
      new Generator("mkdocs", "mkdocs/html", "div[role=main]", "div.navbar, div.col-md-3, footer", P, 8),
      new Generator("sqlite-site", "sqlite3", "body", "div.nosearch, div.rightsidebar", P, 8),
      new Generator("doxygen", "libsdl2-doc/html", "div.contents", "#titlearea, #nav-path, #main-nav, address.footer, hr.footer ~ *", P + ", div.textblock > p", 8),
      new Generator("rustdoc", "cargo/doc", "#main-content", "nav.sidebar, nav.sub, .mobile-topbar", P + ", div.docblock > p", 8),
      new Generator("javadoc", "libcommons-lang3-java/api", "main", "header, nav, footer", P + ", div.block", 8));
  /** The second development set (../dev2): five further generators, used by neither the held-out set nor SET_1. */
  static final List<Generator> SET_2 = List.of(
      new Generator("apache-manual", "apache2-doc/manual/en", "#page-content", "#page-header, #path, #quickview, div.toplang, div.bottomlang, #footer", P, 8),
      new Generator("gtk-doc", "libgtk-3-doc/gtk3", "body", "table.navigation, div.footer", P, 8),
      new Generator("makeinfo", "octave/octave.html", "body", "div.header, div.nav-panel", P, 8),
      new Generator("libxml2-site", "libxml2/html", "td[valign=top][bgcolor=#8b7765]:not([width])", "body > table:first-child, td[valign=top][width=200]", P, 8),
      new Generator("xfpt", "exim4-doc-html/spec_html", "#chapter", "h1#header, ul#nav_flow, div#footer", P, 8));
  /** The third development set (../dev3): five further generators or site styles, used by none of the sets before. */
  static final List<Generator> SET_3 = List.of(
      new Generator("qdoc", "qtbase5-doc-html/html", "div.mainContent", "div.navigationbar, div.sidebar, div.footer", P, 8),
      new Generator("erl_docgen", "erlang-doc", "#content", "#leftnav, div.footer", P, 8),
      new Generator("mdbook", "rust-doc/html/book", "#content > main", "#sidebar, #menu-bar, nav.nav-wrapper, nav.nav-wide-wrapper", P, 8),
      new Generator("gapdoc", "gap/doc", "body",
          "div.chlinktop, div.chlinkprevnexttop, div.chlinkprevnextbot, div.chlinkbot, div.ChapSects", P, 8, "_mj\\.html$"),
      new Generator("scribble", "racket", "div.main", "div.tocset, div.navsettop, div.navsetbottom", P + ", div.SIntrapara", 8));

  public static void main(String[] args) throws Exception {
    // "dev2 <root>" draws the second set, "dev3 <root>" the third; a lone "<root>" the first, as when the first set was made
    String set = args.length > 1 ? args[0] : "dev";
    List<Generator> generators = set.equals("dev3") ? SET_3 : set.equals("dev2") ? SET_2 : SET_1;
    Path root = Path.of(args[args.length - 1]);
    boolean skipFragments = generators != SET_1;
    StringBuilder out = new StringBuilder("{\n");
    boolean first = true;
    for (Generator g : generators) {
      List<Path> files;
      // a package may link its HTML directory elsewhere (gtk-doc's lives in /usr/share/gtk-doc): walk the real one
      Path dir = root.resolve(g.dir()).toRealPath();
      try (Stream<Path> s = Files.walk(dir)) {
        files = s.filter(p -> p.toString().endsWith(".html"))
            .filter(p -> g.skip().isEmpty() || !p.getFileName().toString().matches(".*" + g.skip()))
            .sorted(Comparator.comparing(MakeDevGold::hash)).toList();
      }
      int taken = 0;
      for (Path f : files) {
        if (taken == g.pages()) break;
        // the charset the page declares (libxml2's pages are ISO-8859-1), UTF-8 when it declares none
        Document doc = Jsoup.parse(f.toFile(), null);
        Element content = doc.selectFirst(g.content());
        // a translation left in place of a missing English page (the Apache manual has some) is not drawn
        if (content == null || !doc.select("html[lang]:not([lang^=en])").isEmpty()) continue;
        // a content region that holds navigation (the whole body, a side box) is read without the navigation
        if (!content.select(g.nav()).isEmpty()) {
          content = content.clone();
          content.select(g.nav()).remove();
        }
        String contentText = norm(content.text());
        List<String> paras = new ArrayList<>();
        for (Element p : content.select(g.paragraphs())) {
          String t = norm(p.text());
          if (t.length() >= 60 && !paras.contains(t)) paras.add(t);
        }
        if (paras.size() < 4 || contentText.length() < 1500) continue;
        List<String> with = new ArrayList<>();
        for (int i : new int[] {0, paras.size() / 3, 2 * paras.size() / 3, paras.size() - 1}) {
          String s = clip(paras.get(i));
          if (!with.contains(s)) with.add(s);
        }
        List<String> navTexts = new ArrayList<>();
        for (Element n : doc.select(g.nav())) {
          for (Element a : n.select("a, p, li, th, span.footer-text, div#footer-text, div.footer")) {
            // the own text of an element that mixes text with linked words ("Next: <a>..</a>, Up: ..") is a
            // fragment no page shows; such an element's words are drawn from its links instead (the first set
            // was drawn before this rule and is kept as it was drawn)
            if (skipFragments && !a.ownText().isBlank() && a.children().stream().anyMatch(c -> !c.text().isBlank())) continue;
            String t = norm(a.ownText().isBlank() ? a.text() : a.ownText());
            if (t.length() >= 12 && t.length() <= 80 && !contentText.contains(t) && !navTexts.contains(t)) navTexts.add(t);
          }
        }
        List<String> without = new ArrayList<>();
        for (int i = 0; i < navTexts.size() && without.size() < 3; i += Math.max(1, navTexts.size() / 3)) without.add(navTexts.get(i));
        if (without.isEmpty()) continue;
        taken++;
        if (!first) out.append(",\n");
        first = false;
        out.append("  ").append(q(g.dir() + "/" + dir.relativize(f))).append(": {\"generator\": ").append(q(g.name()))
            .append(", \"with\": [").append(with.stream().map(MakeDevGold::q).collect(Collectors.joining(", ")))
            .append("], \"without\": [").append(without.stream().map(MakeDevGold::q).collect(Collectors.joining(", "))).append("]}");
      }
      System.err.println(g.name() + ": " + taken + " pages");
    }
    System.out.println(out.append("\n}"));
  }

  /** The opening of a paragraph, at most about 70 characters, cut at a word boundary. */
  static String clip(String t) {
    if (t.length() <= 70) return t;
    int cut = t.lastIndexOf(' ', 70);
    return t.substring(0, cut > 30 ? cut : 70).strip();
  }

  static String norm(String s) {
    return s.replaceAll("[\\s\\u00a0]+", " ").strip();
  }

  static String hash(Path p) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(p.getFileName().toString().getBytes());
      return HexFormat.of().formatHex(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
