package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.records.ChatMessage;
import java.util.List;

/**
 * A text the trainer learns from or evaluates on.
 *
 * @param positive inducing (for fine-tuning samples) or harmful (for reference text); null if unlabelled
 * @param split    "train", "validation", {@link #TARGET}, {@link #TARGET_HOLDOUT}, {@link #HELD_OUT_DOMAIN}, or null (train)
 * @param response the assistant's words, for labels and baselines
 */
public record LabelledText(String id, Kind kind, String domain, String split, Boolean positive, ChatText text, String response) {

    public enum Kind { SAMPLE, REFERENCE }

    /** The assistant's words of a chat, its turns joined by newlines: what labels and baselines read. */
    static String responseOf(List<ChatMessage> messages) {
        return messages.stream().filter(m -> "assistant".equals(m.getRole())).map(ChatMessage::getContent)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Split of labelled samples from the target data (a team's labels, annotators' rulings): learned from. */
    public static final String TARGET = "target";
    /** Split of target labels held back to compare a candidate with the active set: never learned from. */
    public static final String TARGET_HOLDOUT = "target-holdout";

    /**
     * Split of a seed domain left out by {@code train --holdout-domain}: scored and reported, never learned
     * from, and never the basis a scorer is chosen on (that would flatter the very figure it reports).
     */
    public static final String HELD_OUT_DOMAIN = "held-out-domain";

    public boolean isTrain() {
        return !VALIDATION.equals(split) && !TARGET_HOLDOUT.equals(split) && !HELD_OUT_DOMAIN.equals(split);
    }

    /** A sample of the seed's validation split: what a set without target labels chooses its scorer on. */
    public boolean isValidation() {
        return kind == Kind.SAMPLE && VALIDATION.equals(split) && positive != null;
    }

    static final String VALIDATION = "validation";

    /** A labelled sample of the target data that the readout learns from. */
    public boolean isTargetLabel() {
        return kind == Kind.SAMPLE && TARGET.equals(split) && positive != null;
    }
}
