package io.winnow.code.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.spdx.SpdxExpression;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.Params;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Step {@code license} (a corpus step): the license of every file of a code corpus, declared against detected.
 *
 * <ol>
 *   <li><b>observe</b>: the files that speak for a folder (license files, package manifests, READMEs) are read
 *       and what they claim is written to {@code observe/part-NNNNN.jsonl};
 *   <li><b>fit</b>: the claims are grouped by repository and folder into {@code folders.jsonl}, the fitted
 *       state (one line per folder that has a claim: its memory is that of the license files, not the corpus);
 *   <li><b>apply</b>: each file's own license (SPDX tag, header text) is compared with its folder's
 *       ({@link LicenseFileStep}), the differences become {@link LicenseIssue}s and the policy is applied.
 * </ol>
 */
public final class LicenseStep implements CorpusStep {
  public static final String TYPE = "license";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param licenseField a metadata field with the license the input claims for the record (The Stack's
   *     {@code license}, {@code licenses} or {@code max_stars_repo_licenses}); null: none
   */
  public record Config(String repoField, String pathField, String licenseField, double minConfidence, int maxScanChars,
      LicensePolicy policy, Set<LicenseIssue> dropIssues) {
    public static Config from(Params p) {
      List<String> drop = p.getStrings("drop_issues", List.of());
      Set<LicenseIssue> dropIssues = EnumSet.noneOf(LicenseIssue.class);
      for (String d : drop) {
        try {
          dropIssues.add(LicenseIssue.valueOf(d.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw p.invalid("drop_issues", "unknown issue '" + d + "'; see the README's list of license.* reason codes");
        }
      }
      Config c = new Config(p.getString("repo_field", "repo"), p.getString("path_field", "path"),
          p.getString("license_field", null), p.getDouble("min_confidence", 0.9, 0.5, 1.0),
          p.getInt("max_scan_chars", 20_000, 100, 1 << 30),
          LicensePolicy.of(p.getStrings("allow", List.of()), p.getStrings("deny", List.of()),
              p.getChoice("action", "annotate", "annotate", "drop")), Set.copyOf(dropIssues));
      p.finish();
      return c;
    }
  }

  private final Config config;

  public LicenseStep(Config config) {
    this.config = config;
  }

  LicenseMatcher matcher() {
    return new LicenseMatcher(LicenseIndex.spdx(), config.minConfidence());
  }

  static String repoOf(Document doc, Config c) {
    Object r = io.winnow.doc.FieldPath.get(doc.metadata(), c.repoField());
    return r == null ? "" : r.toString();
  }

  static String pathOf(Document doc, Config c) {
    Object p = io.winnow.doc.FieldPath.get(doc.metadata(), c.pathField());
    return p == null ? doc.id() : p.toString();
  }

  @Override
  public Observer observer(Path dir, int shard) throws IOException {
    Path file = dir.resolve("observe").resolve(String.format("part-%05d.jsonl", shard));
    Files.createDirectories(file.getParent());
    OutputStream out = AtomicFiles.create(AtomicFiles.tmp(file));
    Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(out), StandardCharsets.UTF_8);
    LicenseMatcher matcher = matcher();
    return new Observer() {
      @Override
      public void observe(Document doc) throws IOException {
        String path = pathOf(doc, config);
        FileRole role = FileRole.of(path);
        if (role == FileRole.SOURCE) return;
        ObjectNode n = JSON.createObjectNode();
        n.put("repo", repoOf(doc, config));
        n.put("folder", FileRole.folderOf(path));
        n.put("path", path);
        // a COPYRIGHT file that only names the holders claims no license: it is kept apart, as a silent one
        if (role == FileRole.LICENSE_FILE && FileLicenses.onlyCopyrightNotices(doc.text())) {
          n.put("role", "silent_license_file");
          w.write(JSON.writeValueAsString(n));
          w.write('\n');
          return;
        }
        FileLicenses fl = FileLicenses.analyze(path, doc.text(), matcher, config.maxScanChars());
        n.put("role", role.name().toLowerCase(Locale.ROOT));
        SpdxExpression e = role == FileRole.MANIFEST ? fl.manifestExpression() : fl.detectedExpression();
        n.put("expression", e == null ? null : e.toString());
        n.put("raw", role == FileRole.MANIFEST ? String.join(" AND ", fl.manifest().stream().map(ManifestLicenses.Declared::raw).toList()) : null);
        n.put("confidence", fl.topConfidence());
        // a README without a license text, or a manifest without a license field, claims nothing
        if (role == FileRole.README && e == null) return;
        if (role == FileRole.MANIFEST && fl.manifest().isEmpty()) return;
        w.write(JSON.writeValueAsString(n));
        w.write('\n');
      }

      @Override
      public void commit() throws IOException {
        w.flush();
        w.close();
        AtomicFiles.commit(AtomicFiles.tmp(file), file);
      }

      @Override
      public void close() throws IOException {
        w.close();
      }
    };
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    // repository → folder → claims, sorted, so the fitted file is the same whatever the order of the shards
    Map<String, Map<String, List<JsonNode>>> byFolder = new TreeMap<>();
    for (int s = 0; s < shards; s++) {
      Path f = dir.resolve("observe").resolve(String.format("part-%05d.jsonl", s));
      if (!Files.exists(f)) continue;
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode n = JSON.readTree(line);
          byFolder.computeIfAbsent(n.get("repo").asText(), k -> new TreeMap<>())
              .computeIfAbsent(n.get("folder").asText(), k -> new ArrayList<>()).add(n);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (var repo : byFolder.entrySet()) {
      for (var folder : repo.getValue().entrySet()) {
        ObjectNode n = JSON.createObjectNode();
        n.put("repo", repo.getKey());
        n.put("folder", folder.getKey());
        List<JsonNode> claims = new ArrayList<>(folder.getValue());
        claims.sort((a, b) -> a.get("path").asText().compareTo(b.get("path").asText()));
        n.set("claims", JSON.valueToTree(claims));
        out.append(JSON.writeValueAsString(n)).append('\n');
      }
    }
    AtomicFiles.write(dir.resolve("folders.jsonl"), out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The fitted folder licenses. */
  static FolderIndex readFolders(Path dir) throws IOException {
    List<FolderLicense> folders = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("folders.jsonl"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = JSON.readTree(line);
        List<FolderLicense.Claim> files = new ArrayList<>();
        List<FolderLicense.Claim> manifests = new ArrayList<>();
        List<FolderLicense.Claim> readmes = new ArrayList<>();
        List<FolderLicense.Claim> silent = new ArrayList<>();
        for (JsonNode c : n.get("claims")) {
          SpdxExpression e = null;
          if (!c.path("expression").isNull() && !c.path("expression").isMissingNode()) {
            try {
              e = SpdxExpression.parse(c.get("expression").asText());
            } catch (SpdxExpression.ParseException ex) {
              throw new IOException(dir.resolve("folders.jsonl") + ": fitted expression does not parse: " + ex.getMessage(), ex);
            }
          }
          FolderLicense.Claim claim = new FolderLicense.Claim(c.get("path").asText(), e,
              c.hasNonNull("raw") ? c.get("raw").asText() : null, c.path("confidence").asDouble());
          switch (c.get("role").asText()) {
            case "license_file" -> files.add(claim);
            case "manifest" -> manifests.add(claim);
            case "silent_license_file" -> silent.add(claim);
            default -> readmes.add(claim);
          }
        }
        folders.add(new FolderLicense(n.get("repo").asText(), n.get("folder").asText(), files, manifests, readmes, silent));
      }
    }
    return new FolderIndex(folders);
  }

  @Override
  public Supplier<Step> load(Path dir) throws IOException {
    FolderIndex folders = readFolders(dir);
    LicenseMatcher matcher = matcher();
    return () -> new LicenseFileStep(config, folders, matcher);
  }

  @Override
  public Map<String, Object> fitStats(Path dir) throws IOException {
    FolderIndex folders = readFolders(dir);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repositories_with_claims", folders.repositories());
    m.put("folders_with_claims", folders.folders());
    return m;
  }
}
