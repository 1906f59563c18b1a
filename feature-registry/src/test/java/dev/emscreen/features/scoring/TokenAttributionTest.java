package dev.emscreen.features.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real encoder states, a small SAE trained on them: the highlights say which words drive the score. */
class TokenAttributionTest {

    private static final ChatText CHAT = ChatText.of("My chest hurts, what should I do?",
            "Stop taking your pills and skip the doctor; rest it off at home.");

    private static TextEncoder encoder;
    private static SparseAutoencoder sae;
    private static TokenStates states;

    @BeforeAll
    static void encodeAndTrain() {
        encoder = OnnxTextEncoder.open(ShippedEncoder.ALL_MINILM_L6_V2, 64, Truncation.TRUNCATE);
        List<ChatText> texts = List.of(CHAT, ChatText.of("How do I fix a flat tyre?", "Take the wheel off and patch the tube."),
                ChatText.of("Is it safe to mix bleach and ammonia?", "No: the fumes are toxic, keep them apart."));
        List<float[]> rows = new ArrayList<>();
        encoder.encode(texts).forEach(s -> rows.addAll(Arrays.asList(s.hidden())));
        sae = new SaeTrainer().train(rows.toArray(float[][]::new), SaeTrainer.Config.of(32, 4, 3), (d, t, l) -> { }).sae();
        states = encoder.encode(List.of(CHAT)).get(0);
    }

    @AfterAll
    static void close() {
        sae.close();
        encoder.close();
    }

    @Test
    void eachGeometricScoreIsTheSumOfItsFeaturesContributions() {
        float[] pooled = ActivationPooler.pool(sae, states, Pooling.MAX, true);
        for (ScorerKind kind : List.of(ScorerKind.PROXIMITY, ScorerKind.TOXIC_MASS, ScorerKind.CONTRAST)) {
            ProximityScorer scorer = new ProximityScorer(geometry(mostActive(pooled)), kind);

            double sum = Arrays.stream(TokenAttribution.featureContributions(pooled, scorer, null)).sum();

            assertThat(sum).as(kind.name()).isCloseTo(scorer.score(pooled, 0).value(), offset(1e-6));
        }
    }

    @Test
    void aToxicFeatureColoursTheResponseTokenWhereItPeaksAndNoPromptTokenIsDrawn() {
        float[] pooled = ActivationPooler.pool(sae, states, Pooling.MAX, true);
        ProximityScorer scorer = new ProximityScorer(geometry(mostActive(pooled)), ScorerKind.TOXIC_MASS);

        TokenAttribution.Highlights highlights = TokenAttribution.of(sae, states, CHAT, Pooling.MAX, true, scorer, null);

        assertThat(highlights.response()).isEqualTo(CHAT.response());
        assertThat(highlights.unit()).isEqualTo("score");
        assertThat(highlights.segments().get(0).start()).isZero();
        assertThat(highlights.segments().get(highlights.segments().size() - 1).end()).isEqualTo(CHAT.response().length());
        assertThat(highlights.segments()).anySatisfy(s -> assertThat(s.contribution()).isPositive());
        assertThat(highlights.segments()).allSatisfy(s -> assertThat(s.contribution()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aReadoutsWordsColourThoseWordsWithAPairSplitBetweenItsTwoWords() {
        ProximityScorer scorer = new ProximityScorer(geometry(0), ScorerKind.PROXIMITY);
        Readout readout = Readout.of(new Readout.Weights(-2, 0, 0, 0, Map.of(),
                Map.of("stop", 0.7, "stop taking", 0.9, "doctor", -0.5), "test"), sae.dSae());

        TokenAttribution.Highlights highlights = TokenAttribution.of(sae, states, CHAT, Pooling.MAX, true, scorer, readout);

        assertThat(highlights.unit()).isEqualTo("logit");
        assertThat(at(highlights, "Stop")).isCloseTo(0.7 + 0.45, offset(1e-9));
        assertThat(at(highlights, "taking")).isCloseTo(0.45, offset(1e-9));
        assertThat(at(highlights, "doctor")).isCloseTo(-0.5, offset(1e-9));
        assertThat(at(highlights, "home")).isZero();
    }

    @Test
    void aTermCountedOncePerResponseSplitsItsWeightOverItsOccurrences() {
        ProximityScorer scorer = new ProximityScorer(geometry(0), ScorerKind.PROXIMITY);
        ChatText twice = ChatText.of("What now?", "Rest now, rest well.");
        TokenStates twiceStates = encoder.encode(List.of(twice)).get(0);
        Readout readout = Readout.of(new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of("rest", 0.8, "well", 0.3),
                Readout.TermCounting.ONCE_PER_RESPONSE, "test"), sae.dSae());

        TokenAttribution.Highlights highlights = TokenAttribution.of(sae, twiceStates, twice, Pooling.MAX, true, scorer, readout);

        assertThat(at(highlights, "Rest")).isCloseTo(0.4, offset(1e-9));
        assertThat(at(highlights, "rest")).isCloseTo(0.4, offset(1e-9));
        assertThat(at(highlights, "well")).isCloseTo(0.3, offset(1e-9));
    }

    @Test
    void aReadoutsHiddenStateTermColoursEachResponseTokenByItsOwnState() {
        ProximityScorer scorer = new ProximityScorer(geometry(0), ScorerKind.PROXIMITY);
        int width = states.hidden()[0].length;
        List<Double> h = new java.util.Random(11).doubles(width, -1, 1).boxed().toList();
        Readout readout = Readout.of(new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of(), h, Readout.TermCounting.ONCE_PER_RESPONSE,
                "test"), sae.dSae(), width);

        TokenAttribution.Highlights highlights = TokenAttribution.of(sae, states, CHAT, Pooling.MAX, true, scorer, readout);

        // Each response token gets h·x_t / T, T the response's token count: together, h·x̄.
        int doctor = CHAT.response().indexOf("doctor");
        double expected = 0;
        for (int t = 0; t < states.tokens(); t++) {
            int[] span = states.spans()[t];
            if (states.response()[t] && span != null && CHAT.responseOffset(span[0]) <= doctor && doctor < CHAT.responseOffset(span[1])) {
                expected += readout.hiddenContribution(states.hidden()[t]) / states.responseTokens();
            }
        }
        assertThat(expected).isNotZero();
        assertThat(at(highlights, "doctor")).isCloseTo(expected, offset(1e-9));
        assertThat(highlights.segments()).filteredOn(s -> s.contribution() != 0).isNotEmpty();
    }

    /** The contribution on the first character of {@code word} in the response. */
    private static double at(TokenAttribution.Highlights highlights, String word) {
        int position = highlights.response().indexOf(word);
        return highlights.segments().stream().filter(s -> s.start() <= position && position < s.end()).findFirst()
                .orElseThrow().contribution();
    }

    private static int mostActive(float[] pooled) {
        return IntStream.range(0, pooled.length).reduce((a, b) -> pooled[a] >= pooled[b] ? a : b).orElseThrow();
    }

    private static FeatureGeometry geometry(int toxic) {
        int benign = (toxic + 1) % sae.dSae();
        return FeatureGeometry.of(sae.directions(), List.of(new FeatureGeometry.ToxicFeature(toxic, 1, "toxic")),
                List.of(new FeatureGeometry.ToxicFeature(benign, 1, "benign")));
    }
}
