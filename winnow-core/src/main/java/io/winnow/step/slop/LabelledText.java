package io.winnow.step.slop;

/**
 * One training or evaluation example. {@code group} ties together texts that must never be split between training
 * and test (a human text and the machine continuations of its prompt); {@code source} says where it was read.
 */
public record LabelledText(String text, boolean machine, String domain, String generator, String group, String source) {
  public static final String HUMAN = "human";
}
