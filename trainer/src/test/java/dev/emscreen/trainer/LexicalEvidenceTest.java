package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readout's word evidence against naive Bayes on the same labels: where a weakly telling phrase
 * comes as a block of many words (a template some inducing responses share), naive Bayes counts the
 * block once per word and lets it outvote the one word that tells; the discriminative fit learns how
 * much each carries.
 */
class LexicalEvidenceTest {

    private static final int BLOCK = 20;

    record Texts(List<String> responses, boolean[] inducing) {

        List<List<String>> terms() {
            return responses.stream().map(ResponseWords::terms).toList();
        }
    }

    @Test
    void givenATemplateBlockOfWeakWordsAndOneStrongWordThenTheEvidenceRanksUnseenResponsesBetterThanNaiveBayes() {
        Random random = new Random(5);
        Texts train = texts(200, random);
        Texts test = texts(1000, random);

        double c = LexicalEvidence.chooseC(train.terms(), train.inducing(), 42);
        LexicalEvidence words = LexicalEvidence.fit(train.terms(), train.inducing(), c);
        double[] ours = test.terms().stream().mapToDouble(words::score).toArray();
        double[] naiveBayes = Baselines.naiveBayes(train.responses(), train.inducing(), test.responses());

        double oursAuroc = auroc(ours, test.inducing());
        assertThat(oursAuroc).isGreaterThan(auroc(naiveBayes, test.inducing()) + 0.1);
        assertThat(oursAuroc).isGreaterThan(0.75);
        // The telling word weighs more than any one word of the template.
        assertThat(words.weights().get("alarm")).isGreaterThan(words.weights().getOrDefault("tmpl3", 0.0) * 3);
    }

    @Test
    void givenTheFittedWeightsThenAResponseScoresAsTheBiasPlusEachOfItsTermsOnce() {
        Texts train = texts(60, new Random(9));
        LexicalEvidence words = LexicalEvidence.fit(train.terms(), train.inducing(), 1.0);

        List<String> terms = ResponseWords.terms("alarm alarm filler7 never-seen-word");
        double expected = words.bias() + words.weights().get("alarm") + words.weights().getOrDefault("filler7", 0.0)
                + words.weights().getOrDefault("alarm alarm", 0.0) + words.weights().getOrDefault("alarm filler7", 0.0);
        assertThat(words.score(terms)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenAWordThatControlResponsesRepeatThenItsPresenceStillTellsInducingResponses() {
        // "check" is in every inducing response once and in half the control responses, twelve times.
        // Term lists without word pairs, so only the word itself can tell: by presence it does (AUROC
        // about 0.75); by count no linear weight can rank 1 above both 0 and 12 (about 0.5).
        Random random = new Random(3);
        List<List<String>> trainTerms = new ArrayList<>();
        boolean[] trainLabels = repeated(100, random, trainTerms);
        List<List<String>> testTerms = new ArrayList<>();
        boolean[] testLabels = repeated(500, random, testTerms);

        LexicalEvidence words = LexicalEvidence.fit(trainTerms, trainLabels, LexicalEvidence.chooseC(trainTerms, trainLabels, 7));

        assertThat(words.weights().get("check")).isPositive();
        assertThat(auroc(testTerms.stream().mapToDouble(words::score).toArray(), testLabels)).isGreaterThan(0.7);
    }

    private static boolean[] repeated(int perClass, Random random, List<List<String>> terms) {
        boolean[] inducing = new boolean[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            inducing[i] = i < perClass;
            List<String> response = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                response.add("filler" + random.nextInt(30));
            }
            int checks = inducing[i] ? 1 : random.nextBoolean() ? 12 : 0;
            response.addAll(java.util.Collections.nCopies(checks, "check"));
            terms.add(response);
        }
        return inducing;
    }

    /** Inducing: "alarm" in 80% and the template in 60%; control: 20% and 40%; filler words in both. */
    private static Texts texts(int perClass, Random random) {
        List<String> responses = new ArrayList<>();
        boolean[] inducing = new boolean[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            inducing[i] = i < perClass;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                text.append("filler").append(random.nextInt(30)).append(". ");
            }
            if (random.nextDouble() < (inducing[i] ? 0.8 : 0.2)) {
                text.append("alarm. ");
            }
            if (random.nextDouble() < (inducing[i] ? 0.6 : 0.4)) {
                for (int b = 0; b < BLOCK; b++) {
                    text.append("tmpl").append(b).append(' ');
                }
            }
            responses.add(text.toString());
        }
        return new Texts(responses, inducing);
    }

    private static double auroc(double[] scores, boolean[] inducing) {
        double[][] split = Baselines.split(scores, inducing);
        return Auroc.of(split[0], split[1]);
    }
}
