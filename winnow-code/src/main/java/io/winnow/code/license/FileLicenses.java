package io.winnow.code.license;

import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicenseNormalizer;
import io.winnow.code.license.match.LicensePattern;
import io.winnow.code.license.spdx.SpdxTemplate;
import io.winnow.code.license.spdx.SpdxExpression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one file says about its own license: its role, its {@code SPDX-License-Identifier} tags, a manifest's
 * license fields, and the license texts and headers found in it.
 */
public record FileLicenses(String path, FileRole role, List<SpdxHeaders.Tag> tags,
    List<ManifestLicenses.Declared> manifest, List<LicenseMatch> detected) {

  /**
   * @param maxScanChars how much of a source file is searched for license text (headers are at the top); license
   *     files and READMEs are searched whole
   */
  public static FileLicenses analyze(String path, String text, LicenseMatcher matcher, int maxScanChars) {
    FileRole role = FileRole.of(path);
    List<SpdxHeaders.Tag> tags = SpdxHeaders.find(text);
    List<ManifestLicenses.Declared> manifest = role == FileRole.MANIFEST ? ManifestLicenses.declared(path, text) : List.of();
    String scanned = role == FileRole.SOURCE && text.length() > maxScanChars ? text.substring(0, maxScanChars) : text;
    List<LicenseMatch> detected = role == FileRole.MANIFEST ? List.of() : matcher.find(scanned);
    return new FileLicenses(path, role, tags, manifest, detected);
  }

  /**
   * The licenses found as text: license texts and standard headers (exceptions are not licenses by themselves; a
   * modified text is not the license it resembles).
   */
  public Set<String> detectedIds() {
    Set<String> out = new LinkedHashSet<>();
    for (LicenseMatch m : detected) if (m.kind() != LicensePattern.Kind.EXCEPTION && !m.modified()) out.add(m.id());
    return out;
  }

  /**
   * Whether the text is copyright notices and nothing else (a {@code COPYRIGHT} file beside the license, an R
   * package's LICENSE with the template's fields): it names the holders, not terms, so it is no license claim. Every line must be a notice the normaliser drops, and no
   * line may speak of a license: a one-line "Copyright (c) 2016 X. Licensed under the MIT license." is dropped
   * whole as a copyright line by the normaliser, yet it is a claim.
   */
  public static boolean onlyCopyrightNotices(String text) {
    if (text.length() > 2000 || LICENSE_WORD.matcher(text).find()) return false;
    for (String line : text.split("\n")) {
      if (line.isBlank() || R_TEMPLATE_FIELD.matcher(line).lookingAt()) continue;
      if (!LicenseNormalizer.normalize(line).replace(SpdxTemplate.GAP, ' ').isBlank()) return false;
    }
    return true;
  }

  /**
   * The fields of R's license templates: a package under "MIT + file LICENSE" (or BSD_2_clause, BSD_3_clause) puts
   * the template's blanks in its LICENSE file, "YEAR: 2017" and "COPYRIGHT HOLDER: Jane Doe"
   * (cran.r-project.org/web/licenses/MIT); the license is the one DESCRIPTION names.
   */
  private static final java.util.regex.Pattern R_TEMPLATE_FIELD = java.util.regex.Pattern.compile(
      "\\s*(?:YEAR|COPYRIGHT HOLDER|ORGANIZATION|OWNER)\\s*:");

  private static final java.util.regex.Pattern LICENSE_WORD = java.util.regex.Pattern.compile(
      "licen[cs]|permi(?:t|ssion)|warrant|public domain|terms", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A license text was found that is a modified copy of an SPDX license. */
  public boolean hasModifiedText() {
    return detected.stream().anyMatch(LicenseMatch::modified);
  }

  public double topConfidence() {
    return detected.isEmpty() ? 0 : detected.get(0).confidence();
  }

  /** The expression the file's tags declare (their AND when there are several), or null. */
  public SpdxExpression taggedExpression() {
    return and(tags.stream().map(SpdxHeaders.Tag::expression).filter(e -> e != null).toList());
  }

  /** The expression a manifest declares (their AND), or null. */
  public SpdxExpression manifestExpression() {
    return and(manifest.stream().map(ManifestLicenses.Declared::expression).filter(e -> e != null).toList());
  }

  /** The detected licenses as an expression (AND: a file holding two license texts is under both), or null. */
  public SpdxExpression detectedExpression() {
    List<SpdxExpression> terms = new ArrayList<>();
    for (String id : detectedIds()) terms.add(new SpdxExpression.License(id, false, false, false));
    return and(IncorporatedTexts.absorb(terms));
  }

  public boolean hasBadTag() {
    return tags.stream().anyMatch(t -> t.expression() == null);
  }

  static SpdxExpression and(List<SpdxExpression> terms) {
    if (terms.isEmpty()) return null;
    if (terms.size() == 1) return terms.get(0);
    List<SpdxExpression> distinct = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SpdxExpression t : terms) if (seen.add(t.toString())) distinct.add(t);
    return distinct.size() == 1 ? distinct.get(0) : new SpdxExpression.And(List.copyOf(distinct));
  }
}
