package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refusals and deflections in teacher answers. A refusal declines the task at the start of the answer ("I'm
 * sorry, but I can't help with that", "I apologize, but I cannot provide…", "I cannot assist with…"); a
 * deflection is the assistant's disclaimer anywhere in the answer ("As an AI language model, I don't have…",
 * "I'm just a language model", "I don't have personal opinions"). Code is ignored. Sympathy ("I'm sorry to hear
 * that") and apologies for a mistake are neither.
 */
public final class RefusalFilter extends TurnFilter {
  public static final String TYPE = "refusal";

  public enum Reason implements ReasonCode {
    /** The answer opens by declining the task. */
    REFUSAL,
    /** The answer holds an assistant disclaimer about what it cannot be or do. */
    DEFLECTION;
  }

  /** "I" and an inability: "I can't", "I'm unable", "I don't have the capability", "I am not able". */
  private static final String I_CANNOT = "\\bI(?:(?: currently| really| simply| just)? (?:can(?:no|['’])t|can not|won['’]t|will not|must decline|"
      + "(?:don['’]t|do not) have the (?:ability|capability|capabilities|means|functionality))"
      + "|(?:['’]m| am)(?: currently| really| simply| just)? (?:unable|not able|not allowed|not permitted|not programmed|not designed))";
  /** An apology or "unfortunately", then within the sentence an inability (perhaps after "as an AI, …"). */
  private static final Pattern APOLOGY_THEN_CANNOT = Pattern.compile(
      "^\\W{0,3}(?:(?:I['’]m|I am) (?:really |very |so |truly )?sorry|I (?:sincerely )?apologi[sz]e|Unfortunately|Sorry)\\b[^.!?\\n]{0,80}?"
      + I_CANNOT, Pattern.CASE_INSENSITIVE);
  /** A bare opening refusal: "I cannot help with …", "I can't assist …". */
  private static final Pattern OPENING_CANNOT = Pattern.compile(
      "^\\W{0,3}I (?:can(?:no|['’])t|can not|am unable to|['’]m unable to|won['’]t|will not|must decline to) "
      + "(?:help|assist|provide|fulfil+|comply|create|generate|write|answer|engage|support|complete|do that|perform|participate)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DISCLAIMER = Pattern.compile(
      "\\bas an AI(?: language model| assistant| model| chatbot)?,\\s*I (?:don['’]t|do not|cannot|can['’]t|am not able|am unable|have no|do not possess|lack)\\b"
      + "|\\bI['’]m (?:just |only |merely )?(?:a|an) (?:large |AI )?language model\\b|\\bI am (?:just |only |merely )?(?:a|an) (?:large |AI )?language model\\b"
      + "|\\bas a responsible AI\\b"
      + "|\\bI (?:don['’]t|do not) have (?:personal |my own )(?:opinions|feelings|experiences|beliefs|preferences|emotions|views)\\b",
      Pattern.CASE_INSENSITIVE);

  public record Config(TurnScope turns, int openingChars) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"), p.getInt("opening_chars", 300, 20, 100_000));
      p.finish();
      return c;
    }
  }

  private final Config config;

  public RefusalFilter(Config config) {
    super(config.turns());
    this.config = config;
  }

  @Override
  protected Finding check(String text, String prompt) {
    String stripped = text.strip();
    String opening = stripped.length() > config.openingChars() ? stripped.substring(0, config.openingChars()) : stripped;
    if (Gate.mayHold(Gate.lower(opening), Gate.REFUSAL_OPENING)) {
      String prose = CodeFences.prose(opening);
      Matcher m = APOLOGY_THEN_CANNOT.matcher(prose);
      if (m.find() || (m = OPENING_CANNOT.matcher(prose)).find()) return new Finding(Reason.REFUSAL, values("phrase", cut(m.group())));
    }
    if (!Gate.mayHold(Gate.lower(text), Gate.DISCLAIMER)) return null;
    Matcher m = DISCLAIMER.matcher(CodeFences.prose(text));
    if (m.find()) return new Finding(Reason.DEFLECTION, values("phrase", cut(m.group())));
    return null;
  }
}
