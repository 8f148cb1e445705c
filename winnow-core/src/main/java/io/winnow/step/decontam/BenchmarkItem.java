package io.winnow.step.decontam;

import java.util.List;

/** One test item of a benchmark: its benchmark, a stable id, and the texts that must not appear in training data. */
public record BenchmarkItem(String benchmark, String id, List<String> texts) {}
