package io.winnow.code.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code winnow licenses}: per repository, the license its folder files declare, what the files' own tags and
 * texts declare and detect, the issues, the copyleft share, and the provenance matches. It is fed the figures the
 * {@code license} step records for each file (the {@code values} of its decision) and, when present, those of a
 * {@code provenance} step ({@link #addProvenance}).
 */
public final class LicensesReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The figures of one repository. */
  static final class Repo {
    long files;
    long dropped;
    long copyleftStrong;
    long copyleftWeak;
    String repoLicense = "none";
    final Map<String, Long> declared = new TreeMap<>();
    final Map<String, Long> detected = new TreeMap<>();
    final Map<String, Long> inherited = new TreeMap<>();
    final Map<String, Long> issues = new TreeMap<>();
    final Map<String, Long> sources = new TreeMap<>();
  }

  private final Map<String, Repo> repos = new TreeMap<>();

  /**
   * One file's figures from the license step: {@code repo}, {@code license}, {@code source}, {@code copyleft},
   * {@code folder_license}, {@code issues}.
   */
  public void addFile(JsonNode values, boolean dropped, String path) {
    Repo r = repos.computeIfAbsent(values.path("repo").asText(""), k -> new Repo());
    r.files++;
    if (dropped) r.dropped++;
    String license = values.path("license").asText("none");
    String source = values.path("source").asText("none");
    switch (source) {
      case "spdx_tag", "manifest" -> r.declared.merge(license, 1L, Long::sum);
      case "header_text", "license_text" -> r.detected.merge(license, 1L, Long::sum);
      default -> r.inherited.merge(license, 1L, Long::sum);
    }
    switch (values.path("copyleft").asText("none")) {
      case "strong" -> r.copyleftStrong++;
      case "weak" -> r.copyleftWeak++;
      default -> { }
    }
    // the root folder's license is the repository's: a root-level file names it
    if (path != null && !path.contains("/")) r.repoLicense = values.path("folder_license").asText("none");
    else if (r.repoLicense.equals("none") && !values.path("folder_license").asText("none").equals("none")) {
      r.repoLicense = values.path("folder_license").asText();
    }
    for (JsonNode i : values.path("issues")) r.issues.merge(i.asText(), 1L, Long::sum);
  }

  /**
   * The hook for the provenance step: a file's matched sources ({@code values.sources}: a list of objects with
   * {@code file} or {@code path}, and {@code license}), counted per repository for the "top matched sources"
   * column.
   */
  public void addProvenance(String repo, JsonNode values) {
    Repo r = repos.computeIfAbsent(repo, k -> new Repo());
    for (JsonNode s : values.path("sources")) {
      String file = s.hasNonNull("file") ? s.get("file").asText() : s.path("path").asText("?");
      String license = s.path("license").asText("");
      r.sources.merge(license.isEmpty() ? file : file + " (" + license + ")", 1L, Long::sum);
    }
  }

  public boolean isEmpty() {
    return repos.isEmpty();
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("repositories");
    for (Map.Entry<String, Repo> e : repos.entrySet()) {
      Repo r = e.getValue();
      ObjectNode n = arr.addObject();
      n.put("repo", e.getKey());
      n.put("files", r.files);
      n.put("dropped", r.dropped);
      n.put("repo_license", r.repoLicense);
      n.set("declared", JSON.valueToTree(r.declared));
      n.set("detected", JSON.valueToTree(r.detected));
      n.set("inherited", JSON.valueToTree(r.inherited));
      n.set("issues", JSON.valueToTree(r.issues));
      n.put("copyleft_share", r.files == 0 ? 0 : (double) (r.copyleftStrong + r.copyleftWeak) / r.files);
      n.put("strong_copyleft_share", r.files == 0 ? 0 : (double) r.copyleftStrong / r.files);
      n.set("top_matched_sources", JSON.valueToTree(top(r.sources, 5)));
    }
    return root;
  }

  public void printTable(PrintWriter out) {
    out.printf("%-28s %6s %6s  %-24s %-30s %-30s %8s  %s%n", "repository", "files", "drop", "repo license",
        "declared (tags, manifests)", "detected (texts, headers)", "copyleft", "issues; top matched sources");
    for (Map.Entry<String, Repo> e : repos.entrySet()) {
      Repo r = e.getValue();
      String issues = r.issues.isEmpty() ? "-" : String.join(" ", r.issues.entrySet().stream().map(x -> x.getKey() + "×" + x.getValue()).toList());
      String sources = r.sources.isEmpty() ? "" : "; " + String.join(", ", top(r.sources, 3).keySet());
      out.printf(Locale.ROOT, "%-28s %6d %6d  %-24s %-30s %-30s %7.1f%%  %s%s%n", cut(e.getKey(), 28), r.files, r.dropped,
          cut(r.repoLicense, 24), cut(summary(r.declared), 30), cut(summary(r.detected), 30),
          r.files == 0 ? 0.0 : 100.0 * (r.copyleftStrong + r.copyleftWeak) / r.files, issues, sources);
    }
    out.flush();
  }

  private static Map<String, Long> top(Map<String, Long> counts, int k) {
    Map<String, Long> out = new LinkedHashMap<>();
    List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
        .sorted((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
        .limit(k).toList();
    for (Map.Entry<String, Long> e : sorted) out.put(e.getKey(), e.getValue());
    return out;
  }

  private static String summary(Map<String, Long> counts) {
    if (counts.isEmpty()) return "-";
    return String.join(", ", top(counts, 3).entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).toList());
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
