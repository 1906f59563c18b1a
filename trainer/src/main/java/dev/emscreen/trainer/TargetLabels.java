package dev.emscreen.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Labelled samples from the data a team screens: {@code train --labels FILE} lines and annotators'
 * rulings read from Kafka both come through here, so they are checked and split alike. Each becomes
 * a {@link LabelledText#TARGET} sample the readout learns from (and whose tokens the SAE learns).
 */
final class TargetLabels {

    /** Fewer labels per class than this cannot fit or honestly choose a readout. */
    static final int MIN_PER_CLASS = FeatureSetBuilder.Selection.MIN_TARGET_LABELS;

    private TargetLabels() {
    }

    /**
     * Reads label files (chat or prompt/response lines, {@code "label": "inducing"|"control"}, optional
     * {@code domain}). Any unreadable line, a line without a label, or too few labels of a class is an
     * error naming the file and line; nothing is returned in part.
     */
    static List<LabelledText> read(List<Path> files) throws IOException {
        List<LabelledText> labels = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--labels " + file + ": no such file");
            }
            for (JsonlTexts.Line line : JsonlTexts.read(file, null, null)) {
                if (line.error() != null) {
                    errors.add(file + " " + line.error());
                } else if (line.text().kind() != LabelledText.Kind.SAMPLE) {
                    errors.add(file + " line " + line.number() + ": a label needs a sample (\"messages\" or \"prompt\"/\"response\"), not \"text\"");
                } else if (line.text().positive() == null) {
                    errors.add(file + " line " + line.number() + ": no \"label\" (inducing or control)");
                } else {
                    LabelledText t = line.text();
                    labels.add(new LabelledText(t.id(), t.kind(), t.domain(), LabelledText.TARGET, t.positive(), t.text(), t.response()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + " label line(s) could not be used; the first: "
                    + String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
        }
        check(labels, "--labels " + files);
        return labels;
    }

    /** Whether there are enough of both classes to learn a readout from. */
    static boolean enough(List<LabelledText> labels) {
        long inducing = labels.stream().filter(LabelledText::positive).count();
        return inducing >= MIN_PER_CLASS && labels.size() - inducing >= MIN_PER_CLASS;
    }

    /** Labels too few for a readout, as ordinary training samples (they still inform toxic-feature selection). */
    static List<LabelledText> asTraining(List<LabelledText> labels) {
        return labels.stream().map(t -> new LabelledText(t.id(), t.kind(), t.domain(), "train", t.positive(), t.text(), t.response()))
                .toList();
    }

    /** Both classes, at least {@link #MIN_PER_CLASS} of each: otherwise an error saying what there is. */
    static void check(List<LabelledText> labels, String source) {
        long inducing = labels.stream().filter(LabelledText::positive).count();
        long control = labels.size() - inducing;
        if (!enough(labels)) {
            throw new IllegalArgumentException(source + " holds " + inducing + " inducing and " + control
                    + " control labels; a feature set learns from labels only with at least " + MIN_PER_CLASS + " of each class");
        }
    }

    /**
     * Holds back {@code share} of each class as {@link LabelledText#TARGET_HOLDOUT} (never learned from;
     * what a candidate and the active set are compared on), as long as {@link #MIN_PER_CLASS} of each
     * class stay to learn from. Seeded, so a rebuild holds back the same samples.
     */
    static List<LabelledText> holdBack(List<LabelledText> labels, double share, long seed) {
        List<LabelledText> out = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            List<LabelledText> of = new ArrayList<>(labels.stream().filter(t -> t.positive() == cls).toList());
            Collections.shuffle(of, new Random(seed));
            int held = Math.min((int) Math.round(of.size() * share), Math.max(0, of.size() - MIN_PER_CLASS));
            for (int i = 0; i < of.size(); i++) {
                LabelledText t = of.get(i);
                out.add(new LabelledText(t.id(), t.kind(), t.domain(), i < held ? LabelledText.TARGET_HOLDOUT : LabelledText.TARGET,
                        t.positive(), t.text(), t.response()));
            }
        }
        return out;
    }
}
