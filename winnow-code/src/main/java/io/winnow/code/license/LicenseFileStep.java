package io.winnow.code.license;

import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicensePattern;
import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxExpression;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.step.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The applied {@code license} step: one file's own license against its folder's (fitted by {@link LicenseStep}),
 * the issues found, and the policy. It annotates the document's {@code license} field with:
 *
 * <ul>
 *   <li>{@code expression}: the license that applies to the file (its own, else its folder's), or null;
 *   <li>{@code source}: where that came from ({@code spdx_tag}, {@code header_text}, {@code license_text} for a
 *       license file itself, {@code manifest}, or the folder's {@code license_file} / {@code manifest} /
 *       {@code readme}), or {@code none};
 *   <li>{@code confidence}: the matcher's Dice for a detected text (1 for a declaration);
 *   <li>{@code declared} (SPDX tags as written), {@code detected} (id, kind, confidence of each text found),
 *       {@code folder_license} and its {@code folder}, {@code copyleft} (strong, weak, none) and {@code issues}.
 * </ul>
 */
final class LicenseFileStep implements Step {
  private final LicenseStep.Config config;
  private final FolderIndex folders;
  private final LicenseMatcher matcher;

  LicenseFileStep(LicenseStep.Config config, FolderIndex folders, LicenseMatcher matcher) {
    this.config = config;
    this.folders = folders;
    this.matcher = matcher;
  }

  @Override
  public Verdict apply(Document doc) {
    String path = LicenseStep.pathOf(doc, config);
    String repo = LicenseStep.repoOf(doc, config);
    FileLicenses fl = FileLicenses.analyze(path, doc.text(), matcher, config.maxScanChars());
    FolderLicense folder = folders.governing(repo, path);
    SpdxExpression folderExpr = folder == null ? null : folder.expression();
    Set<LicenseIssue> issues = new LinkedHashSet<>();
    if (fl.hasBadTag()) issues.add(LicenseIssue.BAD_EXPRESSION);
    if (fl.hasModifiedText()) issues.add(LicenseIssue.MODIFIED_TEXT);

    SpdxExpression effective;
    String source;
    double confidence = 1;
    switch (fl.role()) {
      case LICENSE_FILE -> {
        effective = fl.detectedExpression();
        source = "license_text";
        confidence = fl.topConfidence();
        if (effective == null && FileLicenses.onlyCopyrightNotices(doc.text())) {
          // a COPYRIGHT file naming the holders is under its folder's license, like any other file
          effective = folderExpr;
          source = folder == null || folderExpr == null ? "none" : folder.source();
        } else if (effective == null) {
          issues.add(LicenseIssue.UNKNOWN);
        }
      }
      case MANIFEST -> {
        effective = fl.manifestExpression();
        source = "manifest";
        if (!fl.manifest().isEmpty() && effective == null) issues.add(LicenseIssue.UNKNOWN);
        SpdxExpression files = folder == null ? null : licenseFilesOf(folder);
        if (effective != null && files != null && disjoint(effective, files)) issues.add(LicenseIssue.MANIFEST_CONTRADICTS_FILE);
        if (effective == null) {
          effective = folderExpr;
          source = folder == null || folderExpr == null ? "none" : folder.source();
        }
      }
      default -> {
        SpdxExpression tagged = fl.taggedExpression();
        SpdxExpression text = fl.role() == FileRole.SOURCE ? fl.detectedExpression() : null;
        if (tagged != null && text != null && (disjoint(tagged, text) || grantsDisagree(tagged, fl.detected()))) {
          issues.add(LicenseIssue.HEADER_CONTRADICTS_TEXT);
        }
        SpdxExpression own = tagged != null ? tagged : text;
        if (own != null) {
          effective = own;
          source = tagged != null ? "spdx_tag" : "header_text";
          if (tagged == null) confidence = fl.topConfidence();
          SpdxExpression files = folder == null ? null : licenseFilesOf(folder);
          if (files != null && disjoint(own, files)) issues.add(LicenseIssue.HEADER_CONTRADICTS_FILE);
          if (folderExpr != null && copyleft(own) != LicenseKinds.Copyleft.NONE && copyleft(folderExpr) == LicenseKinds.Copyleft.NONE) {
            issues.add(LicenseIssue.COPYLEFT_IN_PERMISSIVE_REPO);
          }
        } else if (folderExpr != null) {
          effective = folderExpr;
          source = folder.source();
        } else {
          effective = null;
          source = "none";
          issues.add(folder != null && folder.hasUnknownClaim() ? LicenseIssue.UNKNOWN : LicenseIssue.MISSING);
        }
      }
    }
    SpdxExpression claimed = metadataLicense(doc);
    if (claimed != null && effective != null && disjoint(claimed, effective)) issues.add(LicenseIssue.METADATA_CONTRADICTS_FILE);
    LicenseIssue policy = config.policy().judge(effective);
    if (policy != null) issues.add(policy);

    Map<String, Object> note = annotation(fl, effective, source, confidence, folder, issues);
    doc.metadata().put("license", note);
    List<String> codes = issues.stream().map(LicenseIssue::code).toList();
    // the figures a report needs from the decision log alone (winnow licenses RUN)
    Map<String, Object> values = Verdict.values("repo", repo, "path", path, "license", effective == null ? "none" : effective.toString(),
        "source", source, "copyleft", note.get("copyleft") == null ? "none" : note.get("copyleft"),
        "folder_license", note.get("folder_license") == null ? "none" : note.get("folder_license"), "issues", codes);
    LicenseIssue dropping = null;
    if (policy != null && config.policy().drop()) dropping = policy;
    for (LicenseIssue i : issues) if (dropping == null && config.dropIssues().contains(i)) dropping = i;
    if (dropping != null) return Verdict.drop(dropping, values).withCounters(counters(codes));
    return Verdict.keep(values).withCounters(counters(codes));
  }

  private static List<String> counters(List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes) out.add("issue:" + c);
    return out;
  }

  private static SpdxExpression licenseFilesOf(FolderLicense folder) {
    return FileLicenses.and(folder.licenseFiles().stream().map(FolderLicense.Claim::expression).filter(e -> e != null).toList());
  }

  private SpdxExpression metadataLicense(Document doc) {
    if (config.licenseField() == null) return null;
    Object v = io.winnow.doc.FieldPath.get(doc.metadata(), config.licenseField());
    if (v == null) return null;
    List<String> values = new ArrayList<>();
    if (v instanceof List<?> l) for (Object o : l) values.add(String.valueOf(o));
    else values.add(v.toString());
    List<SpdxExpression> terms = new ArrayList<>();
    for (String s : values) {
      ManifestLicenses.Declared d = ManifestLicenses.interpret(s);
      if (d.expression() != null) terms.add(d.expression());
    }
    // The Stack lists every license found in the repository: the file may be under any one of them
    return terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new SpdxExpression.Or(List.copyOf(terms));
  }

  /** No license in common, comparing families ({@code GPL-2.0-only} and {@code GPL-2.0-or-later} are one). */
  static boolean disjoint(SpdxExpression a, SpdxExpression b) {
    Set<String> fa = families(a);
    for (String f : families(b)) if (fa.contains(f)) return false;
    return true;
  }

  /**
   * Whether the tag grants one version where a notice the file holds grants later ones, or the other way round:
   * {@code GPL-2.0-only} above "… either version 2 of the License, or (at your option) any later version". Only a
   * notice ({@link LicensePattern.Kind#HEADER}) states a grant; a full text does not, and neither does a tag
   * with a bare id ({@code GPL-2.0}, which many write for either). A tag term of the notice's family with the
   * notice's grant, or with none stated, agrees.
   */
  static boolean grantsDisagree(SpdxExpression tagged, List<LicenseMatch> detected) {
    List<SpdxExpression.License> terms = new ArrayList<>();
    licenses(tagged, terms);
    for (LicenseMatch m : detected) {
      Boolean noticeLater = laterGrant(m.id(), false);
      if (m.kind() != LicensePattern.Kind.HEADER || m.modified() || noticeLater == null) continue;
      String family = LicenseKinds.family(m.id());
      boolean sameFamily = false;
      boolean agrees = false;
      for (SpdxExpression.License t : terms) {
        if (!LicenseKinds.family(t.id()).equalsIgnoreCase(family)) continue;
        sameFamily = true;
        Boolean tagLater = laterGrant(t.id(), t.orLater());
        if (tagLater == null || tagLater.equals(noticeLater)) agrees = true;
      }
      if (sameFamily && !agrees) return true;
    }
    return false;
  }

  /** True for an or-later grant ({@code -or-later}, {@code +}), false for {@code -only}, null when none is stated. */
  private static Boolean laterGrant(String id, boolean plus) {
    if (plus || id.endsWith("-or-later") || id.endsWith("+")) return true;
    if (id.endsWith("-only")) return false;
    return null;
  }

  private static void licenses(SpdxExpression e, List<SpdxExpression.License> out) {
    if (e instanceof SpdxExpression.License l) out.add(l);
    else if (e instanceof SpdxExpression.With w) out.add(w.license());
    else if (e instanceof SpdxExpression.And a) a.terms().forEach(t -> licenses(t, out));
    else if (e instanceof SpdxExpression.Or o) o.terms().forEach(t -> licenses(t, out));
  }

  private static Set<String> families(SpdxExpression e) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : e.licenseIds()) out.add(LicenseKinds.family(id).toLowerCase(Locale.ROOT));
    return out;
  }

  /** The copyleft a user of the code cannot avoid: one permissive side of an OR is enough to avoid it. */
  static LicenseKinds.Copyleft copyleft(SpdxExpression e) {
    if (e.satisfiable(id -> LicenseKinds.copyleft(id) == LicenseKinds.Copyleft.NONE)) return LicenseKinds.Copyleft.NONE;
    if (e.satisfiable(id -> LicenseKinds.copyleft(id) != LicenseKinds.Copyleft.STRONG)) return LicenseKinds.Copyleft.WEAK;
    return LicenseKinds.Copyleft.STRONG;
  }

  private static Map<String, Object> annotation(FileLicenses fl, SpdxExpression effective, String source, double confidence,
      FolderLicense folder, Set<LicenseIssue> issues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("expression", effective == null ? null : effective.toString());
    m.put("source", source);
    m.put("confidence", Math.round(confidence * 1000) / 1000.0);
    m.put("role", fl.role().name().toLowerCase(Locale.ROOT));
    List<String> declared = new ArrayList<>();
    for (SpdxHeaders.Tag t : fl.tags()) declared.add(t.value());
    for (ManifestLicenses.Declared d : fl.manifest()) declared.add(d.raw());
    m.put("declared", declared);
    List<Map<String, Object>> detected = new ArrayList<>();
    for (LicenseMatch x : fl.detected()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", x.id());
      d.put("kind", x.kind().code());
      d.put("confidence", Math.round(x.confidence() * 1000) / 1000.0);
      if (!x.equivalents().isEmpty()) d.put("equivalents", x.equivalents());
      if (x.modified()) {
        d.put("modified", true);
        d.put("added", x.added());
      }
      detected.add(d);
    }
    m.put("detected", detected);
    SpdxExpression fe = folder == null ? null : folder.expression();
    m.put("folder_license", fe == null ? null : fe.toString());
    m.put("folder", folder == null ? null : folder.folder());
    m.put("copyleft", effective == null ? null : copyleft(effective).name().toLowerCase(Locale.ROOT));
    m.put("issues", issues.stream().map(LicenseIssue::code).toList());
    return m;
  }
}
