package dev.emscreen.features.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.records.Decision;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final List<String> IDS = IntStream.range(0, 20_000).mapToObj(i -> "sample-" + i).toList();

    @Test
    void withoutAnAuditTheScoreAloneDecides() {
        Routing routing = new Routing(0.4, 0.7);

        assertThat(IDS).allSatisfy(id -> assertThat(routing.route(0.1, id).decision()).isEqualTo(Decision.ACCEPTED));
        assertThat(routing.route(0.5, "sample-1").decision()).isEqualTo(Decision.REVIEW);
        assertThat(routing.route(0.7, "sample-1").decision()).isEqualTo(Decision.QUARANTINED);
    }

    @Test
    void theAuditSendsItsShareOfWhatTheScoreWouldAcceptToReview() {
        Routing routing = new Routing(0.4, 0.7, new ReviewAudit.AtRandom(0.05));

        long audited = IDS.stream().filter(id -> routing.route(0.1, id).decision() == Decision.REVIEW).count();

        // 5% of 20,000 ids: the standard deviation of a fair draw is about 31
        assertThat(audited / (double) IDS.size()).isCloseTo(0.05, Offset.offset(0.006));
        assertThat(IDS).allSatisfy(id -> assertThat(routing.audits(0.1, id)).isEqualTo(routing.route(0.1, id).decision() == Decision.REVIEW));
        assertThat(IDS).allSatisfy(id -> assertThat(routing.route(0.1, id).audited()).isEqualTo(routing.audits(0.1, id)));
    }

    @Test
    void theDrawDependsOnTheIdAloneAndNeverTouchesTheBandOrQuarantine() {
        Routing routing = new Routing(0.4, 0.7, new ReviewAudit.AtRandom(0.3));
        Routing sameRule = new Routing(0.2, 0.9, new ReviewAudit.AtRandom(0.3));

        List<String> drawn = IDS.stream().filter(id -> routing.audits(0.1, id)).toList();

        assertThat(drawn).isNotEmpty().allSatisfy(id -> {
            assertThat(sameRule.audits(0.0, id)).isTrue();
            assertThat(routing.audits(0.5, id)).isFalse();
            assertThat(routing.route(0.5, id).decision()).isEqualTo(Decision.REVIEW);
            assertThat(routing.route(0.8, id).decision()).isEqualTo(Decision.QUARANTINED);
        });
        // a wider share draws a superset: raising the audit never stops auditing an id
        assertThat(drawn).allSatisfy(id -> assertThat(new Routing(0.4, 0.7, new ReviewAudit.AtRandom(0.6)).audits(0.1, id)).isTrue());
        assertThat(routing.audits(0.1, null)).isFalse();
    }

    @Test
    void theLeastSureAuditSendsWhatTheScoreWouldAcceptInsideItsWindowAndNothingElse() {
        Routing routing = new Routing(0.4, 0.7, new ReviewAudit.NearestMiddle(0.2, 0.3));

        assertThat(routing.route(0.19, "a").decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(routing.route(0.2, "a").decision()).isEqualTo(Decision.REVIEW);
        assertThat(routing.route(0.3, null).decision()).isEqualTo(Decision.REVIEW);
        assertThat(routing.audits(0.25, "b")).isTrue();
        assertThat(routing.route(0.31, "a").decision()).isEqualTo(Decision.ACCEPTED);
        // a window reaching past the review threshold changes nothing above it
        Routing wide = new Routing(0.4, 0.7, new ReviewAudit.NearestMiddle(0.3, 0.9));
        assertThat(wide.audits(0.5, "a")).isFalse();
        assertThat(wide.route(0.8, "a").decision()).isEqualTo(Decision.QUARANTINED);
    }

    @Test
    void anImpossibleAuditIsRefused() {
        assertThatThrownBy(() -> new ReviewAudit.AtRandom(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit share");
        assertThatThrownBy(() -> new ReviewAudit.AtRandom(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewAudit.AtRandom(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewAudit.NearestMiddle(0.6, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from <= to");
        assertThatThrownBy(() -> new Routing(0.4, 0.7, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
