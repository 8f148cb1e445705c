package io.winnow.step;

/**
 * The figures a rule-based step measures on one document, by name: {@code Integer}/{@code Long} for counts,
 * {@code Double} for ratios and scores, null where the figure is undefined (a mean of no words). A filter computes
 * them on demand while it judges a document; {@code refilter} reads them back from a decision log.
 */
@FunctionalInterface
public interface Measures {
  Number get(String name);
}
