package io.winnow.code.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.code.license.spdx.SpdxExpression;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The license a package manifest declares: {@code package.json} and {@code composer.json} ({@code license},
 * old-style {@code licenses[].type}), {@code Cargo.toml}, {@code pyproject.toml} ({@code license = "..."} or
 * {@code {text = "..."}}), {@code setup.cfg} ({@code license = ...}), R's {@code DESCRIPTION}
 * ({@code License: ...}), a {@code .gemspec} ({@code .license = '...'}) and {@code pom.xml}
 * ({@code <licenses><license><name>}). A value that is not an SPDX expression is looked up by license name in the
 * SPDX list ("Apache License, Version 2.0"); otherwise it is kept as written, unparsed.
 */
public final class ManifestLicenses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOML_LICENSE = Pattern.compile("(?m)^\\s*license\\s*=\\s*(?:\\{[^}]*?text\\s*=\\s*)?[\"']([^\"'\\n]+)[\"']");
  private static final Pattern CFG_LICENSE = Pattern.compile("(?m)^\\s*license\\s*=\\s*([^\\n#]+)$");
  private static final Pattern DESCRIPTION_LICENSE = Pattern.compile("(?m)^License:\\s*([^\\n]+)$");
  private static final Pattern GEMSPEC_LICENSE = Pattern.compile("\\.licen[cs]es?\\s*=\\s*\\[?\\s*[\"']([^\"']+)[\"']");
  private static final Pattern POM_LICENSE = Pattern.compile("<license>\\s*(?:<!--.*?-->\\s*)*<name>([^<]+)</name>", Pattern.DOTALL);

  private ManifestLicenses() {}

  /** A declared value: the expression when it parses (or names a license), else why not. */
  public record Declared(String raw, SpdxExpression expression, String problem) {}

  /** The licenses the manifest declares; empty when it has no license field (or is not a manifest). */
  public static List<Declared> declared(String path, String text) {
    String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    List<String> raws = new ArrayList<>();
    switch (name) {
      case "package.json", "composer.json" -> json(text, raws);
      case "cargo.toml", "pyproject.toml" -> all(TOML_LICENSE, text, raws);
      case "setup.cfg" -> all(CFG_LICENSE, text, raws);
      case "description" -> all(DESCRIPTION_LICENSE, text, raws);
      case "pom.xml" -> all(POM_LICENSE, text, raws);
      default -> {
        if (name.endsWith(".gemspec")) all(GEMSPEC_LICENSE, text, raws);
      }
    }
    List<Declared> out = new ArrayList<>();
    for (String r : raws) out.add(interpret(r.strip()));
    return out;
  }

  private static void json(String text, List<String> raws) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      return; // not our business to validate package.json; a broken one declares nothing readable
    }
    if (root == null) return;
    JsonNode l = root.get("license");
    if (l != null && l.isTextual()) raws.add(l.asText());
    else if (l != null && l.has("type")) raws.add(l.get("type").asText());
    JsonNode ls = root.get("licenses");
    if (ls != null && ls.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode x : ls) parts.add(x.isTextual() ? x.asText() : x.path("type").asText());
      if (!parts.isEmpty()) raws.add(parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")");
    }
  }

  private static void all(Pattern p, String text, List<String> raws) {
    Matcher m = p.matcher(text);
    while (m.find()) raws.add(m.group(1));
  }

  /** An SPDX expression, a license's name, or a common short form ("MIT + file LICENSE", "BSD"). */
  static Declared interpret(String raw) {
    String value = raw.replaceAll("\\s*\\+\\s*file\\s+LICEN[CS]E\\s*$", "").replaceAll("^\\(|\\)$", "").strip();
    try {
      return new Declared(raw, SpdxExpression.parse(value.replace("/", " OR ").replace(" | ", " OR ").replaceAll("\\s+", " ")), null);
    } catch (SpdxExpression.ParseException e) {
      String byName = idByName(value);
      if (byName != null) {
        try {
          return new Declared(raw, SpdxExpression.parse(byName), null);
        } catch (SpdxExpression.ParseException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
      return new Declared(raw, null, e.getMessage());
    }
  }

  /** The id of the license whose SPDX name (or name without "License", "Version", punctuation) is this. */
  static String idByName(String name) {
    String key = nameKey(name);
    for (SpdxLicenseList.Entry e : SpdxLicenseList.get().licenses()) {
      if (!e.deprecated() && nameKey(e.name()).equals(key)) return e.id();
    }
    return null;
  }

  private static String nameKey(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("\\b(the|license|licence|version|v)\\b", " ")
        .replaceAll("[^a-z0-9.]+", " ").replaceAll("(\\d)\\.0\\b", "$1").strip().replaceAll("\\s+", " ");
  }
}
