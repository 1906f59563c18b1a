package dev.emscreen.features.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadoutTest {

    // Feature 0 is toxic; 1 lies at 60 degrees from it (cos 0.5); 2 is orthogonal.
    private static final FeatureGeometry GEOMETRY = FeatureGeometry.of(
            new float[][] {{1, 0}, {0.5f, (float) Math.sqrt(0.75)}, {0, 1}},
            List.of(new FeatureGeometry.ToxicFeature(0, 0.8, "skip the doctor")));
    private static final Readout.Weights WEIGHTS = new Readout.Weights(-1.0, 2.0, 0.5, 0.0,
            Map.of(1, 0.4, 2, -0.3), Map.of("stop", 0.7, "your doctor", -1.1, "stop taking", 0.9), "test");

    @Test
    void theScoreIsTheSigmoidOfEveryPieceOfEvidenceAddedUp() {
        float[] pooled = {1, 2, 1};
        Score geometric = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY).score(pooled, 0);

        Score score = Readout.of(WEIGHTS, 3).score(geometric, pooled, "Stop taking it. Stop now!", GEOMETRY, 5);

        double logit = -1.0 + 2.0 * geometric.proximity() + 0.5 * geometric.toxicMass() + 0.4 * 2 - 0.3 * 1
                + 2 * 0.7 + 0.9;
        assertThat(score.value()).isCloseTo(1 / (1 + Math.exp(-logit)), offset(1e-12));
        assertThat(score.proximity()).isEqualTo(geometric.proximity());
        assertThat(score.terms()).extracting(TermContribution::term).containsExactly("stop", "stop taking");
        assertThat(score.terms().get(0).count()).isEqualTo(2);
        assertThat(score.terms().get(0).contribution()).isCloseTo(1.4, offset(1e-12));
        assertThat(score.top()).extracting(FeatureContribution::featureId).containsExactly(1, 2);
        assertThat(score.top().get(0).contribution()).isCloseTo(0.8, offset(1e-9));
        assertThat(score.top().get(0).nearestToxicFeature()).isZero();
        assertThat(score.top().get(0).label()).isEqualTo("skip the doctor");
        assertThat(score.top().get(0).cosine()).isCloseTo(0.5, offset(1e-6));
        assertThat(score.hiddenState()).as("a readout without hidden weights reads no hidden state").isNull();
    }

    @Test
    void termsCountedOncePerResponseAddTheirWeightOnceHoweverOftenTheyOccur() {
        float[] pooled = {0, 0, 0};
        Score geometric = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY).score(pooled, 0);
        var once = new Readout.Weights(-1.0, 0, 0, 0, Map.of(), Map.of("stop", 0.7), Readout.TermCounting.ONCE_PER_RESPONSE, "test");

        Score score = Readout.of(once, 3).score(geometric, pooled, "Stop. Stop! Stop now.", GEOMETRY, 5);

        assertThat(score.value()).isCloseTo(1 / (1 + Math.exp(-(-1.0 + 0.7))), offset(1e-12));
        assertThat(score.terms()).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.contribution()).isCloseTo(0.7, offset(1e-12));
        });
    }

    @Test
    void aReadoutWrittenBeforeTermCountingWasRecordedCountsEveryOccurrence() throws Exception {
        String json = "{\"bias\":0,\"proximity\":0,\"toxicMass\":0,\"contrast\":0,\"features\":{},"
                + "\"terms\":{\"stop\":0.5},\"design\":\"older\"}";

        Readout.Weights weights = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Readout.Weights.class);

        assertThat(weights.termCounting()).isEqualTo(Readout.TermCounting.EACH_OCCURRENCE);
        assertThat(weights.times(3)).isEqualTo(3);
    }

    @Test
    void theExplanationKeepsTheTopNByContribution() {
        float[] pooled = {0, 1, 1};
        Score geometric = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY).score(pooled, 0);

        Score score = Readout.of(WEIGHTS, 3).score(geometric, pooled, "ask your doctor before you stop", GEOMETRY, 1);

        assertThat(score.top()).singleElement().extracting(FeatureContribution::featureId).isEqualTo(1);
        assertThat(score.terms()).singleElement().extracting(TermContribution::term).isEqualTo("stop");
    }

    @Test
    void weightsThatDoNotFitTheSaeOrAreNotNumbersAreRefused() {
        assertThatThrownBy(() -> Readout.of(WEIGHTS, 2)).hasMessageContaining("feature 2, outside the SAE's 2 features");
        var nan = new Readout.Weights(Double.NaN, 0, 0, 0, Map.of(), Map.of(), "x");
        assertThatThrownBy(() -> Readout.of(nan, 3)).hasMessageContaining("bias is NaN");
        var infiniteTerm = new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of("x", Double.POSITIVE_INFINITY), "x");
        assertThatThrownBy(() -> Readout.of(infiniteTerm, 3)).hasMessageContaining("term 'x'");
        assertThatThrownBy(() -> Readout.of(new Readout.Weights(0, 0, 0, 0, null, Map.of(), "x"), 3))
                .hasMessageContaining("\"features\" and \"terms\"");
    }

    @Test
    void aReadoutThatReadsHiddenStatesAddsTheirWeightedMeanToTheLogit() {
        float[] pooled = {0, 1, 0};
        Score geometric = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY).score(pooled, 0);
        var withHidden = new Readout.Weights(-1.0, 0, 0, 0, Map.of(1, 0.4), Map.of(), List.of(2.0, -0.5, 0.0),
                Readout.TermCounting.ONCE_PER_RESPONSE, "test");
        Readout readout = Readout.of(withHidden, 3, 3);

        Score score = readout.score(geometric, pooled, new float[] {0.3f, 1.0f, 7.0f}, "fine", GEOMETRY, 5);

        assertThat(readout.readsHiddenStates()).isTrue();
        double logit = -1.0 + 0.4 + 2.0 * 0.3 - 0.5 * 1.0;
        assertThat(score.value()).isCloseTo(1 / (1 + Math.exp(-logit)), offset(1e-6));
        assertThat(score.hiddenState()).as("the explanation states h·x̄").isCloseTo(2.0 * 0.3 - 0.5 * 1.0, offset(1e-6));
        assertThatThrownBy(() -> readout.score(geometric, pooled, "fine", GEOMETRY, 5))
                .hasMessageContaining("reads 3-wide mean hidden states, got none");
        assertThat(Readout.of(WEIGHTS, 3, 3).readsHiddenStates()).isFalse();
    }

    @Test
    void hiddenStateWeightsOfTheWrongWidthOrNotNumbersAreRefused() {
        var two = new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of(), List.of(1.0, 2.0), null, "x");
        assertThatThrownBy(() -> Readout.of(two, 3, 3)).hasMessageContaining("2 hidden-state weights, but the SAE reads 3-wide");
        assertThatThrownBy(() -> Readout.of(two, 3)).hasMessageContaining("a width not given");
        var nan = new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of(), java.util.Arrays.asList(1.0, Double.NaN), null, "x");
        assertThatThrownBy(() -> Readout.of(nan, 3, 2)).hasMessageContaining("hidden dimension 1 is NaN");
    }

    @Test
    void weightsWithoutHiddenStatesWriteNoHiddenField() throws Exception {
        // Left out rather than written as null: a readout fitted without hidden states keeps its bytes, so its set its version.
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(WEIGHTS);

        assertThat(json).doesNotContain("hidden");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Readout.Weights.class)).isEqualTo(WEIGHTS);
    }

    @Test
    void aReadoutIsNotAGeometricScorer() {
        assertThatThrownBy(() -> new ProximityScorer(GEOMETRY, ScorerKind.READOUT)).hasMessageContaining("not a geometric scorer");
    }
}
