package io.winnow.code.license;

import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxExpression;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which licenses a corpus accepts: an allow list (empty: every license) and a deny list, of SPDX ids or families
 * ({@code GPL-2.0} stands for {@code GPL-2.0-only} and {@code GPL-2.0-or-later}). An expression passes when the
 * user can take the code under licenses that all pass: one side of an {@code OR} suffices, every side of an
 * {@code AND} must.
 */
public record LicensePolicy(Set<String> allow, Set<String> deny, boolean drop) {
  public LicensePolicy {
    allow = lower(allow);
    deny = lower(deny);
  }

  public static LicensePolicy none() {
    return new LicensePolicy(Set.of(), Set.of(), false);
  }

  private static Set<String> lower(Set<String> ids) {
    return ids.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  private static boolean listed(Set<String> list, String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    return list.contains(lower) || list.contains(LicenseKinds.family(id).toLowerCase(Locale.ROOT));
  }

  /** The policy issue of a file whose effective license is {@code expression} (null: unknown or missing); null if it passes. */
  public LicenseIssue judge(SpdxExpression expression) {
    if (expression == null) return allow.isEmpty() ? null : LicenseIssue.NOT_ALLOWED;
    if (!deny.isEmpty() && !expression.satisfiable(id -> !listed(deny, id))) return LicenseIssue.DENIED;
    if (!allow.isEmpty() && !expression.satisfiable(id -> listed(allow, id))) return LicenseIssue.NOT_ALLOWED;
    return null;
  }

  static LicensePolicy of(List<String> allow, List<String> deny, String action) {
    return new LicensePolicy(Set.copyOf(allow), Set.copyOf(deny), action.equals("drop"));
  }
}
