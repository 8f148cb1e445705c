package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words and phrases over-used by language models, from public lists (shipped under
 * {@code winnow/slop/lexicons/}, each with its licence):
 * <ul>
 *   <li>slop-score (EQ-Bench): words, and bigrams/trigrams counted over words with stop words removed;</li>
 *   <li>antislop-sampler: the 2,000 most over-used words and 2,500 phrases of recent chat models;</li>
 *   <li>Kobak et al.: PubMed "excess words" since 2023, the style words only (content words such as disease names
 *       track topics, not writers).</li>
 * </ul>
 */
final class Lexicons {
  private static final String ROOT = "/winnow/slop/lexicons/";
  private static volatile Lexicons shared;

  final Set<String> slopWords;
  final Set<String> slopBigrams;
  final Set<String> slopTrigrams;
  final Set<String> antislopWords;
  /** hashes of antislop phrases (see {@link PhraseHash}), with the lengths that occur */
  final LongOpenHashSet antislopPhrases;
  final int maxPhraseWords;
  final Set<String> excessStyleWords;
  final Set<String> stopWords;

  static final int SLOP = 1, ANTISLOP = 2, EXCESS = 4, STOP = 8, PHRASE_START = 16, NGRAM_START = 32, ENGLISH = 64, FOREIGN = 128;
  /** every listed word with the lists it is on, so a word costs one lookup */
  final it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> flags = new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
  /** {@link PhraseHash} of slop-score bigrams and trigrams (over content words) */
  final LongOpenHashSet slopBigramHashes = new LongOpenHashSet();
  final LongOpenHashSet slopTrigramHashes = new LongOpenHashSet();

  private Lexicons() {
    ObjectMapper json = new ObjectMapper();
    slopWords = firstColumn(json, "slop-score/slop_list.json");
    slopBigrams = firstColumn(json, "slop-score/slop_list_bigrams.json");
    slopTrigrams = firstColumn(json, "slop-score/slop_list_trigrams.json");
    antislopWords = firstColumn(json, "antislop-sampler/slop_words_2025-04-07.json");
    antislopPhrases = new LongOpenHashSet();
    int max = 0;
    for (String phrase : firstColumn(json, "antislop-sampler/slop_phrases_2025-04-07.json")) {
      WordScan s = WordScan.of(phrase);
      if (s.wordCount < 2) continue;
      antislopPhrases.add(PhraseHash.of(s.words, 0, s.wordCount));
      flags.mergeInt(s.words[0], PHRASE_START, (a, b) -> a | b);
      max = Math.max(max, s.wordCount);
    }
    maxPhraseWords = max;
    excessStyleWords = new HashSet<>();
    try (InputStream in = open("kobak-excess-vocab/excess_words.csv")) {
      CsvMapper csv = new CsvMapper();
      var it = csv.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(in);
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        if ("style".equals(row.get("type"))) excessStyleWords.add(row.get("word").toLowerCase(java.util.Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stopWords = Set.copyOf(STOP_WORDS);
    for (String w : slopWords) flags.mergeInt(w, SLOP, (a, b) -> a | b);
    for (String w : antislopWords) flags.mergeInt(w, ANTISLOP, (a, b) -> a | b);
    for (String w : excessStyleWords) flags.mergeInt(w, EXCESS, (a, b) -> a | b);
    for (String w : stopWords) flags.mergeInt(w, STOP, (a, b) -> a | b);
    for (String w : ENGLISH_MARKERS) flags.mergeInt(w, ENGLISH, (a, b) -> a | b);
    for (String w : FOREIGN_MARKERS) flags.mergeInt(w, FOREIGN, (a, b) -> a | b);
    for (String b : slopBigrams) slopBigramHashes.add(PhraseHash.of(b.split(" "), 0, b.split(" ").length));
    for (String t : slopTrigrams) slopTrigramHashes.add(PhraseHash.of(t.split(" "), 0, t.split(" ").length));
    // a content word that starts no listed n-gram needs no n-gram lookups
    for (String g : slopBigrams) flags.mergeInt(g.split(" ")[0], NGRAM_START, (a, b) -> a | b);
    for (String g : slopTrigrams) flags.mergeInt(g.split(" ")[0], NGRAM_START, (a, b) -> a | b);
  }

  static Lexicons get() {
    Lexicons l = shared;
    if (l == null) {
      synchronized (Lexicons.class) {
        if (shared == null) shared = new Lexicons();
        l = shared;
      }
    }
    return l;
  }

  private static Set<String> firstColumn(ObjectMapper json, String name) {
    try (InputStream in = open(name)) {
      Set<String> out = new HashSet<>();
      for (JsonNode row : json.readTree(in)) out.add(row.get(0).asText().toLowerCase(java.util.Locale.ROOT));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + name, e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = Lexicons.class.getResourceAsStream(ROOT + name);
    if (in == null) throw new IOException("lexicon missing from the classpath: " + ROOT + name);
    return in;
  }

  /**
   * The word as slop-score's n-gram lists see it: contractions reduced to their first word ("couldn't" → "could"),
   * or null for a stop word.
   */
  String contentWord(String w) {
    int apostrophe = w.indexOf('\'');
    if (apostrophe > 0) {
      if (w.endsWith("n't")) {
        w = switch (w) {
          case "can't" -> "can";
          case "won't" -> "will";
          case "shan't" -> "shall";
          default -> w.substring(0, w.length() - 3);
        };
      } else {
        w = w.substring(0, apostrophe);
      }
    }
    return stopWords.contains(w) ? null : w;
  }

  /** Rolling hash of word sequences: the same value for a phrase from the list and the same words in a text. */
  static final class PhraseHash {
    private PhraseHash() {}

    static long of(String[] words, int from, int to) {
      long h = 0x9E3779B97F4A7C15L;
      for (int i = from; i < to; i++) h = step(h, words[i]);
      return h;
    }

    static long step(long h, String word) {
      h = (h ^ word.hashCode()) * 0xff51afd7ed558ccdL;
      return h ^ (h >>> 29);
    }
  }

  /**
   * Frequent English function words that are not also frequent words of German, French, Spanish, Italian, Portuguese
   * or Dutch (so no "a", "in", "an", "on", "so", "die", "was", "will", "me", "no"): their rate tells English text
   * from other Latin-script text (the slop step's language guard, {@link SlopStep}).
   */
  static final List<String> ENGLISH_MARKERS = List.of("the", "and", "of", "to", "that", "for", "with", "this", "are", "were",
      "from", "have", "has", "had", "not", "which", "but", "they", "their", "there", "been", "would", "what", "when",
      "who", "it", "its", "it's", "you", "your", "we", "our", "he", "she", "his", "her", "be", "by", "at", "or", "can",
      "if", "all", "more", "about", "these", "those", "into", "than", "then", "them", "only", "some", "such",
      "very", "other", "because", "just", "should", "could", "how", "where", "why", "my", "is", "i", "i'm", "don't");

  /**
   * The most frequent function words of German, French, Spanish, Italian, Portuguese, Dutch and the Scandinavian
   * languages that are rare in English: a Latin-script text with more of these than of {@link #ENGLISH_MARKERS} is
   * not English, whatever English phrases it quotes.
   */
  static final List<String> FOREIGN_MARKERS = List.of(
      "der", "und", "ist", "nicht", "das", "dem", "ein", "eine", "einen", "mit", "sich", "auf", "für", "von", "zu", "auch", "sie",
      "wir", "ich", "wird", "sind", "bei", "nach", "aus", "oder", "wie", "noch", "nur",
      "le", "la", "les", "et", "est", "une", "du", "des", "dans", "pour", "que", "qui", "pas", "sur", "au", "avec", "ce", "il",
      "elle", "sont", "nous", "vous", "mais", "plus", "d'un", "d'une", "c'est", "l'a",
      "el", "los", "las", "y", "del", "por", "con", "una", "para", "es", "se", "lo", "como", "más", "pero", "su", "sus", "fue",
      "di", "che", "non", "della", "sono", "gli", "nel", "anche",
      "os", "do", "da", "em", "não", "uma", "com", "ao", "dos", "das",
      "het", "een", "van", "niet", "zijn", "voor", "ook", "maar", "wordt",
      "og", "er", "det", "som", "på", "av", "och", "är", "att", "jag", "ikke", "ett", "til", "med", "de");

  /** NLTK's English stop words: also the function words of the style features. */
  static final List<String> STOP_WORDS = List.of("i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you",
      "you're", "you've", "you'll", "you'd", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
      "she", "she's", "her", "hers", "herself", "it", "it's", "its", "itself", "they", "them", "their", "theirs",
      "themselves", "what", "which", "who", "whom", "this", "that", "that'll", "these", "those", "am", "is", "are",
      "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
      "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
      "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
      "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
      "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor",
      "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "don't",
      "should", "should've", "now", "d", "ll", "m", "o", "re", "ve", "y", "ain", "aren", "aren't", "couldn",
      "couldn't", "didn", "didn't", "doesn", "doesn't", "hadn", "hadn't", "hasn", "hasn't", "haven", "haven't", "isn",
      "isn't", "ma", "mightn", "mightn't", "mustn", "mustn't", "needn", "needn't", "shan", "shan't", "shouldn",
      "shouldn't", "wasn", "wasn't", "weren", "weren't", "won", "won't", "wouldn", "wouldn't");
}
