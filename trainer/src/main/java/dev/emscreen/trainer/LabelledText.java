package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.records.ChatMessage;
import java.util.List;

/**
 * A text the trainer learns from or evaluates on.
 *
 * @param positive inducing (for fine-tuning samples) or harmful (for reference text); null if unlabelled
 * @param split    "train", "validation", {@link #TARGET}, {@link #TARGET_HOLDOUT}, or null (train)
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

    public boolean isTrain() {
        return !"validation".equals(split) && !TARGET_HOLDOUT.equals(split);
    }

    /** A labelled sample of the target data that the readout learns from. */
    public boolean isTargetLabel() {
        return kind == Kind.SAMPLE && TARGET.equals(split) && positive != null;
    }
}
