package io.winnow.code.license.eval;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The matcher's speed workload: the SPDX list's license texts and the web documents of
 * {@code SHARED/data/web/cc-main-2019-30-sample.jsonl.gz}, matched three times in one JVM (the first round warms
 * it up). Prints MB/s per round and set; on a shared machine time the whole process ({@code /usr/bin/time -v})
 * and compare CPU time, run in turn with the other version.
 */
public final class LicenseSpeed {
  private LicenseSpeed() {}

  public static void main(String[] args) throws IOException {
    Path web = Path.of(args.length > 0 ? args[0] : "../shared").resolve("data/web/cc-main-2019-30-sample.jsonl.gz");
    List<String> licenses = new ArrayList<>();
    for (SpdxLicenseList.Entry e : SpdxLicenseList.get().licenses()) if (!e.deprecated() && e.text() != null) licenses.add(e.text());
    List<String> prose = new ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(web)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) prose.add(json.readTree(line).path("text").asText());
    }
    LicenseMatcher matcher = new LicenseMatcher(LicenseIndex.spdx(), 0.9);
    for (int round = 0; round < 3; round++) {
      for (List<String> set : List.of(licenses, prose)) {
        long chars = 0;
        int found = 0;
        long start = System.nanoTime();
        for (String t : set) {
          chars += t.length();
          found += matcher.find(t).size();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %s: %.2f MB/s (%d matches)%n", round, set == licenses ? "license texts" : "web prose",
            chars / 1e6 / secs, found);
      }
    }
  }
}
