package io.winnow.step.dedup;

import io.winnow.doc.Document;
import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;

/**
 * A document's identity across passes over the same input: a 64-bit hash of its id and source location (file
 * and line or offset), so that the fitted step finds a document whatever the sharding or worker count.
 */
public final class DocKey {
  private static final LongHashFunction HASH = LongHashFunction.xx(0x5EED);

  private DocKey() {}

  public static long of(Document doc) {
    return HASH.hashBytes((doc.id() + '\u0000' + doc.provenance().location()).getBytes(StandardCharsets.UTF_8));
  }
}
