package io.winnow.step.slop;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Texts set aside from training to measure the detector on what it has not seen, always by group, never by row:
 * {@code generator=NAME} (every text of a generator), {@code domain=NAME} (every text of a domain, human and
 * machine), {@code half=DOMAIN} (the prompt groups of a domain whose hash is odd: human texts and their machine
 * continuations together). Training leaves out what matches; evaluation keeps only what matches.
 */
public record HoldOut(String kind, String name) implements Predicate<LabelledText> {

  public static HoldOut parse(String spec) {
    int eq = spec.indexOf('=');
    String kind = eq < 0 ? "" : spec.substring(0, eq).toLowerCase(Locale.ROOT);
    if (eq < 0 || !List.of("generator", "domain", "half").contains(kind) || eq == spec.length() - 1) {
      throw new IllegalArgumentException("hold-out must be generator=NAME, domain=NAME or half=DOMAIN, got '" + spec + "'");
    }
    return new HoldOut(kind, spec.substring(eq + 1));
  }

  @Override
  public boolean test(LabelledText t) {
    return switch (kind) {
      case "generator" -> t.machine() && t.generator().equals(name);
      case "domain" -> t.domain().equals(name);
      default -> t.domain().equals(name) && (mix(t.group().hashCode()) & 1) == 1;
    };
  }

  /** Whether a text matches any of the specs. */
  public static boolean any(List<HoldOut> specs, LabelledText t) {
    for (HoldOut h : specs) if (h.test(t)) return true;
    return false;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
