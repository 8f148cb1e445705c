package io.winnow.code.license;

import io.winnow.code.license.spdx.SpdxExpression;
import java.util.List;

/**
 * The license of one folder of a repository, from the files that speak for the folder: its license files
 * (recognised texts), its package manifests, and, when neither says anything, a license text in its README. It
 * governs the folder and those below it that have no license file of their own.
 *
 * @param licenseFiles the license files' paths with the licenses found in each (empty list: unrecognised)
 * @param manifests the manifests' paths with the expression each declares (null: none readable)
 * @param silentFiles the license files that name no license at all: empty, or copyright notices alone (a
 *     {@code COPYRIGHT} file beside the license, an R package's LICENSE with its template's fields)
 */
public record FolderLicense(String repo, String folder, List<Claim> licenseFiles, List<Claim> manifests,
    List<Claim> readmes, List<Claim> silentFiles) {

  /** One file's claim: its path, the expression it makes (null when it makes none that can be read), and how sure. */
  public record Claim(String path, SpdxExpression expression, String raw, double confidence) {}

  /** The license of the folder: its license files' (AND), else its manifests', else its README's; null if none. */
  public SpdxExpression expression() {
    SpdxExpression files = FileLicenses.and(IncorporatedTexts.absorb(
        licenseFiles.stream().map(Claim::expression).filter(e -> e != null).toList()));
    if (files != null) return files;
    SpdxExpression manifest = and(manifests);
    if (manifest != null) return manifest;
    return and(readmes);
  }

  /** Where {@link #expression()} came from: {@code license_file}, {@code manifest}, {@code readme}, or null. */
  public String source() {
    if (!licenseFiles.stream().allMatch(c -> c.expression() == null)) return "license_file";
    if (and(manifests) != null) return "manifest";
    if (and(readmes) != null) return "readme";
    return null;
  }

  /**
   * A license file or manifest value exists that names no recognisable license; or the folder's only license files
   * name none at all (an empty LICENSE, a COPYING with a copyright line and no grant): the folder says it has a
   * license and does not say which, which is not the same as having no license file.
   */
  public boolean hasUnknownClaim() {
    return licenseFiles.stream().anyMatch(c -> c.expression() == null) || manifests.stream().anyMatch(c -> c.expression() == null)
        || !silentFiles.isEmpty() && expression() == null;
  }

  private static SpdxExpression and(List<Claim> claims) {
    return FileLicenses.and(claims.stream().map(Claim::expression).filter(e -> e != null).toList());
  }
}
