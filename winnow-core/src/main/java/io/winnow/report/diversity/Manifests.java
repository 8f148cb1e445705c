package io.winnow.report.diversity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The direct runtime dependencies a project's manifest declares, by ecosystem: {@code package.json} (npm,
 * {@code dependencies}), {@code Cargo.toml} (cargo, {@code [dependencies]} and {@code [dependencies.NAME]}),
 * {@code pom.xml} or {@code *.pom} (maven, {@code groupId:artifactId} of the project's own
 * {@code <dependencies>}, not its dependency management), {@code go.mod} (go, {@code require}),
 * {@code requirements.txt} and {@code pyproject.toml} (pypi: PEP 621 {@code dependencies} or Poetry's table;
 * names normalised as PEP 503 does). Development and test dependencies are left out: what a project needs to
 * run is what an ecosystem's popularity is made of. A manifest that does not parse yields none, with a reason.
 */
public final class Manifests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOML_KEY = Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+|\"[^\"]+\")\\s*=");
  private static final Pattern PY_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._\\-]*)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");

  /** The dependencies of one manifest, or the reason it gave none. */
  public record Declared(String ecosystem, Set<String> dependencies, String error) {}

  private Manifests() {}

  /** The ecosystem a file name belongs to, or null when it is not a manifest. */
  public static String ecosystem(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals("package.json")) return "npm";
    if (n.equals("cargo.toml")) return "cargo";
    if (n.equals("pom.xml") || n.endsWith(".pom")) return "maven";
    if (n.equals("go.mod")) return "go";
    if (n.equals("requirements.txt") || n.equals("pyproject.toml")) return "pypi";
    return null;
  }

  public static Declared parse(String fileName, String content) {
    String ecosystem = ecosystem(fileName);
    if (ecosystem == null) return new Declared(null, Set.of(), "not a manifest");
    try {
      String n = fileName.toLowerCase(Locale.ROOT);
      Set<String> deps = switch (ecosystem) {
        case "npm" -> npm(content);
        case "cargo" -> tomlTable(content, "dependencies");
        case "maven" -> maven(content);
        case "go" -> goMod(content);
        default -> n.equals("pyproject.toml") ? pyproject(content) : requirements(content);
      };
      return new Declared(ecosystem, deps, null);
    } catch (Exception e) {
      return new Declared(ecosystem, Set.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Set<String> npm(String content) throws java.io.IOException {
    JsonNode root = JSON.readTree(content);
    Set<String> out = new LinkedHashSet<>();
    root.path("dependencies").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Keys of {@code [table]} and the NAMEs of {@code [table.NAME]} sections. */
  private static Set<String> tomlTable(String content, String table) {
    Set<String> out = new LinkedHashSet<>();
    boolean in = false;
    for (String line : content.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("[")) {
        String header = t.replaceAll("^\\[+|\\]+.*$", "").strip();
        in = header.equals(table);
        if (header.startsWith(table + ".")) out.add(unquote(header.substring(table.length() + 1)));
        continue;
      }
      if (!in || t.isEmpty() || t.startsWith("#")) continue;
      Matcher m = TOML_KEY.matcher(t);
      if (m.find()) out.add(unquote(m.group(1)));
    }
    return out;
  }

  private static Set<String> maven(String content) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
    builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e; // reported with the manifest's path, not printed to stderr by the parser
      }
    });
    org.w3c.dom.Document doc = builder.parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    Set<String> out = new LinkedHashSet<>();
    Element project = doc.getDocumentElement();
    for (Element deps : children(project, "dependencies")) {
      for (Element dep : children(deps, "dependency")) {
        String scope = text(dep, "scope");
        if ("test".equals(scope) || "provided".equals(scope)) continue;
        String g = text(dep, "groupId");
        String a = text(dep, "artifactId");
        if (a != null) out.add((g == null ? "" : g) + ":" + a);
      }
    }
    return out;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) out.add(e);
    }
    return out;
  }

  private static String text(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0).getTextContent().strip();
  }

  private static Set<String> goMod(String content) {
    Set<String> out = new LinkedHashSet<>();
    boolean block = false;
    for (String line : content.split("\\R")) {
      String t = line.replaceAll("//.*$", "").strip();
      if (t.startsWith("require (")) {
        block = true;
        continue;
      }
      if (block && t.startsWith(")")) {
        block = false;
        continue;
      }
      String spec = block ? t : t.startsWith("require ") ? t.substring(8).strip() : null;
      if (spec == null || spec.isEmpty()) continue;
      if (line.contains("// indirect")) continue; // not the project's own choice
      out.add(spec.split("\\s+")[0]);
    }
    return out;
  }

  private static Set<String> requirements(String content) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : content.split("\\R")) {
      String t = line.replaceAll("\\s#.*$|^#.*$", "").strip();
      if (t.isEmpty() || t.startsWith("-") || t.contains("://")) continue;
      Matcher m = PY_NAME.matcher(t);
      if (m.find()) out.add(pep503(m.group(1)));
    }
    return out;
  }

  private static Set<String> pyproject(String content) {
    Set<String> out = new LinkedHashSet<>();
    boolean project = false;
    boolean inList = false;
    for (String line : content.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("[") && !inList) {
        project = t.equals("[project]");
        continue;
      }
      if (project && !inList && t.startsWith("dependencies")) {
        inList = true;
        t = t.substring(t.indexOf('=') + 1);
      }
      if (inList) {
        Matcher m = QUOTED.matcher(t);
        while (m.find()) {
          String spec = m.group(1) != null ? m.group(1) : m.group(2);
          Matcher name = PY_NAME.matcher(spec);
          if (name.find()) out.add(pep503(name.group(1)));
        }
        if (t.contains("]")) inList = false;
      }
    }
    for (String k : tomlTable(content, "tool.poetry.dependencies")) if (!k.equalsIgnoreCase("python")) out.add(pep503(k));
    return out;
  }

  private static String pep503(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
