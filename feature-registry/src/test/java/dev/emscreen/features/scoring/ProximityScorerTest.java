package dev.emscreen.features.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.records.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProximityScorerTest {

    // Feature 0 is toxic; 1 lies at 60 degrees from it (cos 0.5); 2 is orthogonal; 3 points away.
    private static final float[][] DIRECTIONS = {
        {1, 0}, {0.5f, (float) Math.sqrt(0.75)}, {0, 1}, {-1, 0}};
    private static final FeatureGeometry GEOMETRY =
            FeatureGeometry.of(DIRECTIONS, List.of(new FeatureGeometry.ToxicFeature(0, 0.8, "skip the doctor")));

    @Test
    void proximityIsOneForToxicFeaturesAndTheBestCosineOtherwise() {
        assertThat(GEOMETRY.proximity()).containsExactly(new float[] {1f, 0.5f, 0f, -1f}, offset(1e-6f));
        assertThat(GEOMETRY.nearestToxic()).containsOnly(0);
    }

    @Test
    void proximityScoreIsTheActivationWeightedMeanOfProximities() {
        Score score = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY).score(new float[] {1, 3, 1, 0}, 2);

        assertThat(score.value()).isCloseTo((1 * 1 + 3 * 0.5 + 1 * 0) / 5.0, offset(1e-9));
        assertThat(score.toxicMass()).isCloseTo(0.2, offset(1e-9));
        assertThat(score.top()).extracting(FeatureContribution::featureId).containsExactly(1, 0);
        assertThat(score.top().get(0).label()).isEqualTo("skip the doctor");
        assertThat(score.top().get(0).cosine()).isCloseTo(0.5, offset(1e-6));
    }

    @Test
    void toxicMassScoreIsTheShareOnToxicFeatures() {
        Score score = new ProximityScorer(GEOMETRY, ScorerKind.TOXIC_MASS).score(new float[] {3, 0, 1, 0}, 0);

        assertThat(score.value()).isCloseTo(0.75, offset(1e-9));
        assertThat(score.top()).isEmpty();
    }

    @Test
    void contrastSubtractsTheMassOnBenignFeatures() {
        FeatureGeometry withBenign = FeatureGeometry.of(DIRECTIONS,
                List.of(new FeatureGeometry.ToxicFeature(0, 0.8, "skip the doctor")),
                List.of(new FeatureGeometry.ToxicFeature(2, 0.6, "see a doctor")));

        Score score = new ProximityScorer(withBenign, ScorerKind.CONTRAST).score(new float[] {3, 0, 1, 0}, 0);

        assertThat(score.value()).isCloseTo((3 - 1) / 4.0, offset(1e-9));
        assertThatThrownBy(() -> new ProximityScorer(GEOMETRY, ScorerKind.CONTRAST)).hasMessageContaining("needs benign features");
    }

    @Test
    void silentSampleScoresZeroAndWrongWidthIsRefused() {
        ProximityScorer scorer = new ProximityScorer(GEOMETRY, ScorerKind.PROXIMITY);

        assertThat(scorer.score(new float[4], 3).value()).isZero();
        assertThatThrownBy(() -> scorer.score(new float[3], 3)).hasMessageContaining("Expected 4 activations");
    }

    @Test
    void routingFollowsTheThresholdsAtTheirEdges() {
        Routing routing = new Routing(0.4, 0.7);

        assertThat(routing.route(0.3999)).isEqualTo(Decision.ACCEPTED);
        assertThat(routing.route(0.4)).isEqualTo(Decision.REVIEW);
        assertThat(routing.route(0.6999)).isEqualTo(Decision.REVIEW);
        assertThat(routing.route(0.7)).isEqualTo(Decision.QUARANTINED);
        assertThatThrownBy(() -> new Routing(0.8, 0.7)).hasMessageContaining("review <= quarantine");
    }
}
