package io.winnow.bench;

import io.winnow.text.EnglishWordSplitter;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The English word splitter on distinct documents, documents per second on one thread. Unlike
 * {@link WordSplitterBenchmark}, which loops over 1,000 documents (so every chunk is soon in the splitter's
 * chunk cache), each operation splits the next document of a corpus of distinct ones: with the default
 * iterations a trial splits fewer documents than the corpus holds (86,538 in {@code bench/distinct_corpus.py}'s),
 * so no document is seen twice and a cache only gains from words that really recur across documents.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DistinctWordSplitterBenchmark \
 *     -p corpus=/tmp/winnow-bench/distinct-210mb.jsonl.zst</pre>
 */
public class DistinctWordSplitterBenchmark extends DistinctCorpusBenchmark {
  @Benchmark
  public EnglishWordSplitter.Tokens tokenize() {
    return EnglishWordSplitter.get().tokenize(nextText());
  }
}
