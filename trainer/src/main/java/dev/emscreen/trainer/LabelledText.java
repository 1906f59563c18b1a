package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;

/**
 * A text the trainer learns from or evaluates on.
 *
 * @param positive inducing (for fine-tuning samples) or harmful (for reference text); null if unlabelled
 * @param split    "train", "validation", or null
 * @param response the assistant's words, for labels and baselines
 */
public record LabelledText(String id, Kind kind, String domain, String split, Boolean positive, ChatText text, String response) {

    public enum Kind { SAMPLE, REFERENCE }

    public boolean isTrain() {
        return !"validation".equals(split);
    }
}
