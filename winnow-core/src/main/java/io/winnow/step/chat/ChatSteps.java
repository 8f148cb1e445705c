package io.winnow.step.chat;

import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;

/** Registers the steps for chat and instruction data (teacher-output filters, per-turn wrapper). */
public final class ChatSteps {
  private ChatSteps() {}

  public static void register(StepRegistry r) {
    r.register(StepType.document(RefusalFilter.TYPE, "Teacher refusals and assistant disclaimers in answers",
        RefusalFilter.Config::from, RefusalFilter::new));
    r.register(StepType.document(SelfReferenceFilter.TYPE, "Answers naming the model (as an AI language model) or its knowledge cut-off",
        SelfReferenceFilter.Config::from, SelfReferenceFilter::new));
    r.register(StepType.document(PlaceholderFilter.TYPE, "Template placeholders left in answers ({{name}}, [Your Name], <insert …>)",
        PlaceholderFilter.Config::from, PlaceholderFilter::new));
    r.register(StepType.document(TruncationFilter.TYPE, "Answers cut off: mid-sentence, inside a code block, a list that stops",
        TruncationFilter.Config::from, TruncationFilter::new));
    r.register(StepType.document(RepetitionLoopFilter.TYPE, "Generation loops: a line or a run of words repeated over and over",
        RepetitionLoopFilter.Config::from, RepetitionLoopFilter::new));
    r.register(StepType.document(CodeBlockFilter.TYPE, "Broken code blocks: empty, mismatched fences, JSON that does not parse",
        CodeBlockFilter.Config::from, CodeBlockFilter::new));
    r.register(StepType.document(RestatedPromptFilter.TYPE, "Answers that only give the prompt back",
        RestatedPromptFilter.Config::from, RestatedPromptFilter::new));
    r.register(StepType.document(PerTurnStep.TYPE, "Run a text step (pii, slop, …) on each addressed turn of a conversation",
        p -> PerTurnStep.Config.from(p, r), PerTurnStep::new));
  }
}
