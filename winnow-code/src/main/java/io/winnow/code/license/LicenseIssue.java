package io.winnow.code.license;

import io.winnow.doc.ReasonCode;

/**
 * What the {@code license} step found wrong with a file's license, logged as {@code license.<code>}. A file may
 * have several; they annotate the file ({@code license.issues}) and drop it only when listed in
 * {@code drop_issues} or when the policy drops it.
 */
public enum LicenseIssue implements ReasonCode {
  /** An {@code SPDX-License-Identifier:} value that is not a valid SPDX expression (syntax or unknown id). */
  BAD_EXPRESSION,
  /** The file's own license (its SPDX tag or its header text) shares no license with the license file of its folder. */
  HEADER_CONTRADICTS_FILE,
  /**
   * The file's SPDX tag names other licenses than the header text the file holds, or another grant of the same
   * one ({@code GPL-2.0-only} above a notice that grants "any later version").
   */
  HEADER_CONTRADICTS_TEXT,
  /** The package manifest declares other licenses than the license file of its folder holds. */
  MANIFEST_CONTRADICTS_FILE,
  /** The input record's license field (e.g. The Stack's) names other licenses than the file's own. */
  METADATA_CONTRADICTS_FILE,
  /** A license is claimed (a license file, a manifest value) but not recognised as any SPDX license. */
  UNKNOWN,
  /**
   * A license text close to an SPDX license (above {@code min_confidence}) with a passage of its own added or
   * rewritten: a modified license, not that one. The file's {@code detected} entry names the nearest id and the
   * added words; the text counts as an unrecognised license.
   */
  MODIFIED_TEXT,
  /** No license anywhere: no tag or header in the file, no license file or manifest for its folder. */
  MISSING,
  /** The file is under a copyleft license while its repository's license is permissive. */
  COPYLEFT_IN_PERMISSIVE_REPO,
  /** Policy: the file's license is on the deny list. */
  DENIED,
  /** Policy: an allow list is set and the file's license is not on it (unknown and missing licenses are not). */
  NOT_ALLOWED
}
