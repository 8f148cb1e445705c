package io.winnow.code.license;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a file of a repository is, for licensing: a license file, a package manifest, a README, or source. */
public enum FileRole {
  /**
   * {@code LICENSE}, {@code COPYING}, {@code UNLICENSE}, {@code LICENSE-MIT}, {@code LICENSES/MIT.txt}...: governs its
   * folder. So does {@code PATENTS}, the separate patent grant some projects ship beside their license (React's,
   * Go's, WebM's): it is part of the terms, and usually not an SPDX license.
   */
  LICENSE_FILE,
  /** A package manifest with a license field: package.json, Cargo.toml, pom.xml, pyproject.toml, setup.cfg, DESCRIPTION, *.gemspec, composer.json. */
  MANIFEST,
  /** A README, which may hold the license text in a section. */
  README,
  SOURCE;

  private static final Pattern LICENSE_NAME = Pattern.compile(
      "(?:un)?licen[cs]e(?:s)?(?:[-_.][a-z0-9._+-]+)?|copying(?:[-_.][a-z0-9._+-]+)?|copyright(?:\\.(?:md|txt))?"
          + "|(?:mit|apache|bsd|gpl|mpl)[-_]licen[cs]e(?:\\.(?:md|txt))?|patents(?:\\.(?:md|txt))?");
  private static final Pattern README_NAME = Pattern.compile("readme(?:\\.[a-z0-9]+)?");

  public static FileRole of(String path) {
    String p = path.replace('\\', '/');
    String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String dir = p.lastIndexOf('/') < 0 ? "" : p.substring(0, p.lastIndexOf('/'));
    String parent = dir.substring(dir.lastIndexOf('/') + 1);
    if (parent.equals("LICENSES") && !name.startsWith(".")) return LICENSE_FILE; // REUSE: LICENSES/<id>.txt
    if (LICENSE_NAME.matcher(name).matches() && !isCode(name)) return LICENSE_FILE;
    switch (name) {
      case "package.json", "cargo.toml", "pom.xml", "pyproject.toml", "setup.cfg", "description", "composer.json":
        return MANIFEST;
      default:
        break;
    }
    if (name.endsWith(".gemspec")) return MANIFEST;
    if (README_NAME.matcher(name).matches()) return README;
    return SOURCE;
  }

  /** {@code license.py}, {@code LicenseChecker.java}: code about licenses, not a license. */
  private static boolean isCode(String name) {
    return name.matches(".*\\.(py|java|js|ts|go|rs|c|h|cc|cpp|rb|php|cs|kt|scala|swift|sh|json|ya?ml|xml|toml)$");
  }

  /** The folder a file is in, relative to the repository root ("" for the root). REUSE's LICENSES/ counts as its parent. */
  public static String folderOf(String path) {
    String p = path.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    String dir = slash < 0 ? "" : p.substring(0, slash);
    if (dir.equals("LICENSES")) return "";
    if (dir.endsWith("/LICENSES")) return dir.substring(0, dir.length() - "/LICENSES".length());
    return dir;
  }
}
