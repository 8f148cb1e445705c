package io.winnow.code.license.spdx;

import java.util.List;
import java.util.Map;

/**
 * Per-file notices that large bodies of code carry in a wording the SPDX list does not hold: for a license the
 * list gives no standard header (CC0-1.0), or in a project's own wording of the header it gives (Apache-2.0 as
 * OpenSSL and the AWS SDKs put it). Each is a notice copied verbatim into thousands of files, so it is a reference
 * of the license's header, as the GNU appendix notices are ({@link GnuNotices}). A notice's variable parts (who
 * dedicates the work) are {@link SpdxTemplate#GAP}, as a template's variables are.
 *
 * <p>Found on this machine's files (docs/BENCHMARKS.md, license detection, round 6): the CC0 notice in the Debian
 * copyright files of libsodium, systemd, libarchive and gdk-pixbuf and in numpy's splitmix64; OpenSSL's
 * in the 2,297 OpenSSL headers under /usr/include (libssl-dev's and node's copy); the AWS one in 321 files of awscli,
 * botocore, boto3 and s3transfer; Boost's in libstdc++'s headers.
 */
public final class ProjectNotices {
  /**
   * The notice of software dedicated with CC0 (libsodium, systemd, libarchive, numpy's splitmix64): "To the
   * extent possible under law, the author(s) have dedicated all copyright ...". Who dedicates it ("the author(s)
   * have", "the author has", a name) is variable. The second paragraph, where to find the dedication, is often
   * shortened to "See &lt;url&gt;." or left out; the first is a reference of its own ({@code HeaderParagraphs}).
   */
  static final String CC0_SOFTWARE = "To the extent possible under law, " + SpdxTemplate.GAP + " dedicated all copyright and "
      + "related and neighboring rights to this software to the public domain worldwide. This software is distributed "
      + "without any warranty.\n\nYou should have received a copy of the CC0 Public Domain Dedication along with this "
      + "software. If not, see <http://creativecommons.org/publicdomain/zero/1.0/>.";

  /** OpenSSL 3's notice, at the top of every file of OpenSSL and of the copies other projects ship (node's). */
  static final String APACHE_OPENSSL = "Licensed under the Apache License 2.0 (the \"License\"). You may not use this file "
      + "except in compliance with the License. You can obtain a copy in the file LICENSE in the source distribution "
      + "or at https://www.openssl.org/source/license.html";

  /**
   * The AWS SDKs' notice (boto3, botocore, s3transfer, aws-sdk-java and -js): the Apache header with "A copy of the
   * License is located at ... or in the "license" file accompanying this file" for "You may obtain a copy", and
   * without "Unless required by applicable law or agreed to in writing".
   */
  static final String APACHE_AWS = "Licensed under the Apache License, Version 2.0 (the \"License\"). You may not use this "
      + "file except in compliance with the License. A copy of the License is located at http://aws.amazon.com/apache2.0/ "
      + "or in the \"license\" file accompanying this file. This file is distributed on an \"AS IS\" BASIS, WITHOUT "
      + "WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language "
      + "governing permissions and limitations under the License.";

  /**
   * Boost's notice, the one the Boost license's FAQ tells every source file to carry ("How should Boost programmers
   * apply the license to source and header files?", boost.org/users/license.html); the list gives BSL-1.0 no header.
   * Copied with Boost's code into other projects (libstdc++'s shared_ptr headers, /usr/include/c++/12/bits here).
   */
  static final String BOOST = "Distributed under the Boost Software License, Version 1.0. (See accompanying file "
      + "LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)";

  private static final Map<String, List<String>> BY_ID = Map.of(
      "BSL-1.0", List.of(BOOST),
      "CC0-1.0", List.of(CC0_SOFTWARE),
      "Apache-2.0", List.of(APACHE_OPENSSL, APACHE_AWS));

  private ProjectNotices() {}

  /** The project notices of {@code id} (empty for most licenses). */
  public static List<String> of(String id) {
    return BY_ID.getOrDefault(id, List.of());
  }
}
