package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher talking about itself: what it is ("As an AI language model, …", "I am an AI assistant developed
 * by …", "I'm ChatGPT") or the limits of its training ("as of my last update", "my knowledge cutoff", "I don't
 * have access to real-time information"). When the prompt casts the model as an AI character ("Imagine you are
 * an AI therapist…"), talk of being an AI is in character and is not flagged; knowledge-cutoff talk still is.
 * Code is ignored.
 */
public final class SelfReferenceFilter extends TurnFilter {
  public static final String TYPE = "self_reference";

  public enum Reason implements ReasonCode {
    /** The answer says what the model is (an AI, a language model, a named model or its maker). */
    SELF_IDENTIFICATION,
    /** The answer talks about its training cut-off or its lack of current information. */
    KNOWLEDGE_CUTOFF;
  }

  private static final Pattern IDENTITY = Pattern.compile(
      // "as an AI," with a comma: "As an AI therapist" is a role, "As an AI, I …" is the model
      "\\bas an AI(?: language model| assistant| model| chatbot)?\\s*,"
      // "As an AI assistant developed by …", "As a responsible AI language model"
      + "|\\bas an AI (?:language model|assistant|model|chatbot),? (?:developed|created|trained|made|built) by\\b"
      + "|\\bas a (?:responsible|helpful|honest|harmless|friendly|digital|virtual) (?:AI|digital)? ?(?:language model|assistant)\\b"
      // "I am Nova, an AI assistant developed by …"
      + "|\\bI(?:['’]m| am) [^,.!?\\n]{1,30}, an? (?:AI|artificial intelligence)(?: language model| assistant| model| chatbot)\\b"
      + "|\\bI(?:['’]m| am) (?:just |only |merely )?(?:an AI\\b|a (?:large )?language model\\b|an? (?:AI )?(?:language model|assistant|chatbot),? (?:developed|created|trained|made|built) by\\b)"
      + "|\\bI(?:['’]m| am| was)(?: \\w+){0,4}? (?:developed|created|trained|built|made) by (?:OpenAI|Anthropic|Google|Meta)\\b"
      + "|\\bI(?:['’]m| am) (?:ChatGPT|GPT-\\d|Claude|Bard|Gemini|LLaMA)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CUTOFF = Pattern.compile(
      "\\bknowledge cut-?off\\b|\\bcut-?off date\\b"
      + "|\\bas of my (?:last |latest |most recent )?(?:knowledge |training )?(?:update|training|cut-?off)\\b"
      + "|\\bmy (?:training|knowledge)(?: data)? (?:only )?(?:goes|extends|runs|is current|is limited) (?:up )?(?:to|until|through)\\b"
      + "|\\bI (?:don['’]t|do not|cannot|can['’]t) (?:have )?(?:access to |browse |access )(?:real-time|current|live|up-to-date|the internet|the web)\\b"
      + "|\\bI (?:don['’]t|do not) have (?:the ability|the capability) to (?:browse|access the internet|access real-time)\\b",
      Pattern.CASE_INSENSITIVE);
  /** The prompt asks for an AI character: being an AI is then part of the role. */
  private static final Pattern AI_ROLE = Pattern.compile(
      "\\b(?:you are|you['’]re|you were|imagine (?:that )?you(?:['’]re| are)|pretend (?:to be|you are)|act as|play(?:ing)?|role ?play|as)\\s+"
      + "(?:an?|the)\\s+[^.?!\\n]{0,60}?\\b(?:AI|A\\.I\\.|artificial intelligence|robot|chatbot|android|language model|virtual assistant|computer)\\b",
      Pattern.CASE_INSENSITIVE);

  public record Config(TurnScope turns) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"));
      p.finish();
      return c;
    }
  }

  public SelfReferenceFilter(Config config) {
    super(config.turns());
  }

  @Override
  protected Finding check(String text, String prompt) {
    String lower = Gate.lower(text);
    boolean cutoff = Gate.mayHold(lower, Gate.CUTOFF);
    boolean identity = Gate.mayHold(lower, Gate.IDENTITY);
    if (!cutoff && !identity) return null;
    String prose = CodeFences.prose(text);
    Matcher m;
    if (cutoff && (m = CUTOFF.matcher(prose)).find()) return new Finding(Reason.KNOWLEDGE_CUTOFF, values("phrase", cut(m.group())));
    if (identity && (m = IDENTITY.matcher(prose)).find() && !AI_ROLE.matcher(prompt).find()) {
      return new Finding(Reason.SELF_IDENTIFICATION, values("phrase", cut(m.group())));
    }
    return null;
  }
}
