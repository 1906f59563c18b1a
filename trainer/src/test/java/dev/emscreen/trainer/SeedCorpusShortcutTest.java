package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The built-in seed corpus (written by trainer/src/main/seed/generate_corpus.py) carries its labels in
 * what an answer says, not in how it starts, ends or how long it is: a feature set that learned
 * openers would name openers as toxic features and score real data at chance, as the former seed
 * of 720 samples did (this check gave it 0.80). A naive Bayes that sees only the first and last
 * five words and the length, trained on the corpus's training split, must stay near chance on its
 * validation split.
 */
class SeedCorpusShortcutTest {

    private static final double MAX_SHORTCUT_AUROC = 0.60;

    @Test
    void givenOnlyTheFirstAndLastFiveWordsAndTheLengthThenTheCorpussLabelsCannotBeRead() throws Exception {
        List<LabelledText> samples = SeedData.load(null).samples().stream().filter(t -> t.positive() != null).toList();
        List<LabelledText> train = samples.stream().filter(LabelledText::isTrain).toList();
        List<LabelledText> validation = samples.stream().filter(t -> !t.isTrain()).toList();
        boolean[] trainLabels = new boolean[train.size()];
        for (int i = 0; i < train.size(); i++) {
            trainLabels[i] = train.get(i).positive();
        }

        double[] scores = Baselines.naiveBayes(train.stream().map(t -> surface(t.response())).toList(), trainLabels,
                validation.stream().map(t -> surface(t.response())).toList());

        List<Double> inducing = new ArrayList<>();
        List<Double> control = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            (validation.get(i).positive() ? inducing : control).add(scores[i]);
        }
        double auroc = Auroc.of(inducing.stream().mapToDouble(Double::doubleValue).toArray(),
                control.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(validation).hasSizeGreaterThan(100);
        assertThat(auroc).as("AUROC of first/last five words + length on %d validation samples", validation.size())
                .isLessThanOrEqualTo(MAX_SHORTCUT_AUROC);
    }

    /** An answer reduced to its surface: its first and last five words (marked by position) and its length bucket. */
    static String surface(String response) {
        String[] words = response.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
        List<String> kept = new ArrayList<>();
        List<String> nonEmpty = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < Math.min(5, nonEmpty.size()); i++) {
            kept.add("first_" + nonEmpty.get(i));
        }
        for (int i = Math.max(0, nonEmpty.size() - 5); i < nonEmpty.size(); i++) {
            kept.add("last_" + nonEmpty.get(i));
        }
        kept.add("length_" + (int) (Math.log(1 + response.length()) / Math.log(2)));
        return String.join(" ", kept);
    }
}
