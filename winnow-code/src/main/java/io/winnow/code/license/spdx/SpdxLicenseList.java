package io.winnow.code.license.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SPDX license list as shipped inside {@code org.spdx:java-spdx-library} (under
 * {@code resources/stdlicenses/}): license and exception ids, names, flags, texts, templates and standard
 * headers. Read from the class path only, so nothing is fetched at run time. Loaded once, on first use; the
 * instance is immutable and shared by every thread.
 */
public final class SpdxLicenseList {
  private static final String ROOT = "resources/stdlicenses/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One license or exception of the list. Texts are null when the list has none for it. */
  public record Entry(String id, String name, boolean exception, boolean deprecated, boolean osiApproved,
      String text, String template, String headerTemplate) {}

  private final String version;
  private final Map<String, Entry> byLowerId;
  private final List<Entry> licenses;
  private final List<Entry> exceptions;

  private SpdxLicenseList(String version, List<Entry> licenses, List<Entry> exceptions) {
    this.version = version;
    this.licenses = List.copyOf(licenses);
    this.exceptions = List.copyOf(exceptions);
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : licenses) m.put(e.id().toLowerCase(Locale.ROOT), e);
    for (Entry e : exceptions) m.put(e.id().toLowerCase(Locale.ROOT), e);
    this.byLowerId = Collections.unmodifiableMap(m);
  }

  private static final class Holder {
    static final SpdxLicenseList INSTANCE = load();
  }

  /** The list shipped with the library, read on first call. */
  public static SpdxLicenseList get() {
    return Holder.INSTANCE;
  }

  public String version() {
    return version;
  }

  /** Every license, deprecated ids included, in the list's order. */
  public List<Entry> licenses() {
    return licenses;
  }

  public List<Entry> exceptions() {
    return exceptions;
  }

  /** The license or exception with this id, compared case-insensitively as SPDX specifies; null if none. */
  public Entry find(String id) {
    return byLowerId.get(id.toLowerCase(Locale.ROOT));
  }

  private static SpdxLicenseList load() {
    try {
      JsonNode toc = read("licenses.json");
      List<Entry> licenses = new ArrayList<>();
      for (JsonNode l : toc.get("licenses")) {
        String id = l.get("licenseId").asText();
        JsonNode d = read(id + ".json");
        licenses.add(new Entry(id, l.path("name").asText(id), false, l.path("isDeprecatedLicenseId").asBoolean(),
            l.path("isOsiApproved").asBoolean(), text(d, "licenseText"), text(d, "standardLicenseTemplate"),
            text(d, "standardLicenseHeaderTemplate")));
      }
      List<Entry> exceptions = new ArrayList<>();
      for (JsonNode x : read("exceptions.json").get("exceptions")) {
        String id = x.get("licenseExceptionId").asText();
        JsonNode d = read(id + ".json");
        exceptions.add(new Entry(id, x.path("name").asText(id), true, x.path("isDeprecatedLicenseId").asBoolean(), false,
            text(d, "licenseExceptionText"), text(d, "licenseExceptionTemplate"), null));
      }
      return new SpdxLicenseList(toc.path("licenseListVersion").asText("?"), licenses, exceptions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SPDX license list from the class path (java-spdx-library)", e);
    }
  }

  private static String text(JsonNode d, String field) {
    JsonNode n = d.get(field);
    return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
  }

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = SpdxLicenseList.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) throw new IOException(ROOT + name + " is not on the class path (is java-spdx-library 2.0.0 there?)");
      return JSON.readTree(in);
    }
  }
}
