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
 * <pre>java -cp ~/.m2/repository/org/jsoup/jsoup/1.22.1/jsoup-1.22.1.jar MakeDevGold.java &lt;root&gt;/usr/share/doc > docs-gold.json</pre>
 */
public class MakeDevGold {
  record Generator(String name, String dir, String content, String nav, String paragraphs, int pages) {}

  static final String P = "p, dd > p, li > p";
  static final List<Generator> GENERATORS = List.of(
      new Generator("mkdocs", "mkdocs/html", "div[role=main]", "div.navbar, div.col-md-3, footer", P, 8),
      new Generator("sqlite-site", "sqlite3", "body", "div.nosearch, div.rightsidebar", P, 8),
      new Generator("doxygen", "libsdl2-doc/html", "div.contents", "#titlearea, #nav-path, #main-nav, address.footer, hr.footer ~ *", P + ", div.textblock > p", 8),
      new Generator("rustdoc", "cargo/doc", "#main-content", "nav.sidebar, nav.sub, .mobile-topbar", P + ", div.docblock > p", 8),
      new Generator("javadoc", "libcommons-lang3-java/api", "main", "header, nav, footer", P + ", div.block", 8));

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    StringBuilder out = new StringBuilder("{\n");
    boolean first = true;
    for (Generator g : GENERATORS) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(root.resolve(g.dir()))) {
        files = s.filter(p -> p.toString().endsWith(".html")).sorted(Comparator.comparing(MakeDevGold::hash)).toList();
      }
      int taken = 0;
      for (Path f : files) {
        if (taken == g.pages()) break;
        Document doc = Jsoup.parse(Files.readString(f), "");
        Element content = doc.selectFirst(g.content());
        if (content == null) continue;
        // a content region given as the whole body holds the navigation too: read it without the navigation
        if (g.content().equals("body")) {
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
          for (Element a : n.select("a, p, li, th, span.footer-text, div#footer-text")) {
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
        out.append("  ").append(q(g.dir() + "/" + root.resolve(g.dir()).relativize(f))).append(": {\"generator\": ").append(q(g.name()))
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
