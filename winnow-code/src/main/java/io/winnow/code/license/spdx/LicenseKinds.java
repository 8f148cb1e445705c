package io.winnow.code.license.spdx;

import java.util.List;
import java.util.Locale;

/**
 * What Winnow knows about SPDX ids beyond the list itself: the {@code -only}/{@code -or-later} pairs (one license
 * text, two grants: the text cannot tell them apart, only a file's notice can) and a copyleft class. The SPDX list
 * does not classify copyleft; this classification is Winnow's, by license family, and is documented in the README.
 */
public final class LicenseKinds {
  /** How far a license's terms reach into works that include the code. */
  public enum Copyleft {
    /** The whole combined work must carry the license (GPL, AGPL, OSL, EUPL, CC-BY-SA...). */
    STRONG,
    /** Changes to the licensed files or library must (LGPL, MPL, EPL, CDDL...). */
    WEAK,
    /** Neither: permissive, public-domain-like, or not classified. */
    NONE
  }

  private static final List<String> STRONG = List.of("gpl-", "agpl-", "osl-", "eupl-", "cc-by-sa-", "cc-by-nc-sa-",
      "sspl-", "rpl-", "sleepycat", "qpl-", "cecill-2", "cecill-1", "gfdl-", "ofl-", "artistic-1", "copyleft-next",
      "ms-rl", "apl-1.0", "cpal-1.0", "odbl-", "watcom-1.0", "nasa-1.3", "rpsl-");
  private static final List<String> WEAK = List.of("lgpl-", "lgplllr", "mpl-", "epl-", "cddl-", "cpl-1.0",
      "cecill-c", "ipl-1.0", "spl-1.0", "apsl-", "erlpl-", "ms-pl");

  private LicenseKinds() {}

  /** The id without its {@code -only}, {@code -or-later} or {@code +} grant: {@code GPL-2.0-or-later} → {@code GPL-2.0}. */
  public static String family(String id) {
    if (id.endsWith("+")) return id.substring(0, id.length() - 1);
    if (id.endsWith("-only")) return id.substring(0, id.length() - 5);
    if (id.endsWith("-or-later")) return id.substring(0, id.length() - 9);
    return id;
  }

  /** The other grant of the same text ({@code X-only} ↔ {@code X-or-later}), if the list has it; else null. */
  public static String sibling(String id, SpdxLicenseList list) {
    String other = id.endsWith("-only") ? family(id) + "-or-later" : id.endsWith("-or-later") ? family(id) + "-only" : null;
    return other != null && list.find(other) != null ? list.find(other).id() : null;
  }

  public static Copyleft copyleft(String id) {
    String f = family(id).toLowerCase(Locale.ROOT) + "-";
    for (String p : STRONG) if (f.startsWith(p)) return Copyleft.STRONG;
    for (String p : WEAK) if (f.startsWith(p)) return Copyleft.WEAK;
    return Copyleft.NONE;
  }
}
