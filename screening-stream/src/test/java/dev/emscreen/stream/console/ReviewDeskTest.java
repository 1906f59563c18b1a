package dev.emscreen.stream.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's rules: one holder per sample, rulings sent after their undo window, undo before that. */
class ReviewDeskTest {

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    private final Map<String, ScreenedSample> store = new ConcurrentHashMap<>();
    private final List<ReviewDecision> sent = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private ReviewDesk desk;

    @BeforeEach
    void givenThreeWaitingSamples() {
        put("old-health", "health", 0.30, START.minusSeconds(300));
        put("mid-code", "code", 0.90, START.minusSeconds(200));
        put("new-health", "health", 0.60, START.minusSeconds(100));
        desk = new ReviewDesk(new MapSamples(), sent::add, Duration.ofSeconds(30), Duration.ofSeconds(5), clock);
    }

    @Test
    void twoAnnotatorsAreNeverGivenTheSameSample() {
        String ana = next("ana", QueueFilter.ALL);
        String ben = next("ben", QueueFilter.ALL);

        assertThat(ana).isEqualTo("old-health");
        assertThat(ben).isEqualTo("mid-code");
        assertThatThrownBy(() -> desk.decide("ben", ana, ReviewAction.ACCEPT, null)).isInstanceOf(ReviewDesk.NotYours.class)
                .hasMessageContaining("not yours");
    }

    @Test
    void aLeaseLapsesWhenItsAnnotatorStopsRenewingIt() {
        next("ana", QueueFilter.ALL);
        clock.advance(Duration.ofSeconds(20));
        desk.heartbeat("ana");
        clock.advance(Duration.ofSeconds(20));

        assertThat(next("ben", QueueFilter.ALL)).as("ana renewed: still hers").isEqualTo("mid-code");
        clock.advance(Duration.ofSeconds(31));
        assertThat(next("cy", QueueFilter.ALL)).as("ana went away").isEqualTo("old-health");
    }

    @Test
    void theQueueFiltersByDomainAndOrdersByScore() {
        assertThat(next("ana", QueueFilter.of("health", null, "score"))).isEqualTo("new-health");
        assertThat(next("ben", QueueFilter.of(null, null, "SCORE"))).isEqualTo("mid-code");
        assertThatThrownBy(() -> QueueFilter.of(null, null, "random")).hasMessageContaining("OLDEST or SCORE");
    }

    @Test
    void aRulingIsSentOnlyAfterItsUndoWindowAndUndoTakesItBackBeforeThat() {
        String id = next("ana", QueueFilter.ALL);
        desk.decide("ana", id, ReviewAction.QUARANTINE, "tells the user to stop medication");
        clock.advance(Duration.ofSeconds(4));
        desk.sendDue();
        assertThat(sent).isEmpty();

        assertThat(desk.undo("ana")).map(s -> s.screened().getSample().getId()).contains(id);
        clock.advance(Duration.ofSeconds(10));
        desk.sendDue();
        assertThat(sent).as("undone before it left").isEmpty();

        desk.decide("ana", id, ReviewAction.ACCEPT, "  fine on reflection ");
        clock.advance(Duration.ofSeconds(5));
        desk.sendDue();
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.getSampleId()).isEqualTo(id);
            assertThat(d.getAction()).isEqualTo(ReviewAction.ACCEPT);
            assertThat(d.getAnnotator()).isEqualTo("ana");
            assertThat(d.getReason()).isEqualTo("fine on reflection");
        });
        assertThat(desk.undo("ana")).as("already sent").isEmpty();
    }

    @Test
    void aSentSampleLeavesEveryQueueBeforeTheStoreCatchesUp() {
        String id = next("ana", QueueFilter.ALL);
        desk.decide("ana", id, ReviewAction.QUARANTINE, null);
        clock.advance(Duration.ofSeconds(5));
        desk.sendDue();

        List<String> seen = new ArrayList<>();
        for (String annotator : List.of("ben", "cy", "dee")) {
            desk.next(annotator, QueueFilter.ALL).ifPresent(s -> seen.add(s.screened().getSample().getId()));
        }
        assertThat(seen).containsExactlyInAnyOrder("mid-code", "new-health");
        assertThat(desk.dashboard(QueueFilter.ALL).waiting()).isEqualTo(2);
    }

    @Test
    void aSkippedSampleGoesToSomeoneElse() {
        String id = next("ana", QueueFilter.ALL);
        desk.skip("ana", id);

        assertThat(next("ana", QueueFilter.ALL)).isEqualTo("mid-code");
        assertThat(next("ben", QueueFilter.ALL)).isEqualTo(id);
    }

    @Test
    void theDashboardCountsRulingsAndAgreementWithTheModelsLean() {
        // thresholds 0.2 / 0.8: old-health (0.30) leans ACCEPT, mid-code (0.90) leans QUARANTINE
        desk.decide("ana", next("ana", QueueFilter.ALL), ReviewAction.ACCEPT, null);
        desk.decide("ana", next("ana", QueueFilter.ALL), ReviewAction.ACCEPT, null);
        clock.advance(Duration.ofSeconds(6));
        desk.sendDue();

        ReviewDesk.Dashboard dashboard = desk.dashboard(QueueFilter.ALL);

        assertThat(dashboard.waiting()).isEqualTo(1);
        assertThat(dashboard.oldestWaitingSeconds()).isEqualTo(106);
        assertThat(dashboard.domains()).containsExactly("code", "health");
        assertThat(dashboard.annotators()).singleElement().satisfies(a -> {
            assertThat(a.decisions()).isEqualTo(2);
            assertThat(a.lastHour()).isEqualTo(2);
            assertThat(a.agreement()).isEqualTo(0.5);
        });
    }

    @Test
    void aRulingPastItsWindowIsNotTakenBackEvenWhileTheBrokerIsDownAndLeavesOnShutdown() {
        List<ReviewDecision> delivered = new ArrayList<>();
        boolean[] brokerUp = {false};
        ReviewDesk offline = new ReviewDesk(new MapSamples(), d -> {
            if (!brokerUp[0]) {
                throw new IllegalStateException("broker unreachable");
            }
            delivered.add(d);
        }, Duration.ofSeconds(30), Duration.ofSeconds(5), clock);
        String first = offline.next("ana", QueueFilter.ALL).orElseThrow().screened().getSample().getId();
        offline.decide("ana", first, ReviewAction.ACCEPT, null);
        clock.advance(Duration.ofSeconds(6));
        offline.sendDue();

        assertThat(offline.undo("ana")).as("past its window: the sender owns it").isEmpty();
        String second = offline.next("ana", QueueFilter.ALL).orElseThrow().screened().getSample().getId();
        offline.decide("ana", second, ReviewAction.QUARANTINE, null);
        clock.advance(Duration.ofMinutes(10)); // far past every lease
        assertThat(offline.next("ben", QueueFilter.ALL)).as("ruled on, unsent: still nobody else's")
                .map(s -> s.screened().getSample().getId()).hasValueSatisfying(id -> assertThat(id).isNotIn(first, second));
        assertThat(offline.closeAndSendAll()).as("nothing reaches a broker that is down").isEqualTo(2);
        assertThatThrownBy(() -> offline.undo("ana")).as("stopping: no more changes").isInstanceOf(IllegalStateException.class);

        brokerUp[0] = true;
        assertThat(offline.closeAndSendAll()).isZero();
        assertThat(delivered).extracting(ReviewDecision::getSampleId).containsExactly(first, second);
    }

    @Test
    void theSampleAnAnnotatorMovesAwayFromGoesBackToTheQueue() {
        assertThat(next("ana", QueueFilter.ALL)).isEqualTo("old-health");
        assertThat(next("ana", QueueFilter.of("code", null, null))).as("she changed the filter").isEqualTo("mid-code");

        assertThat(next("ben", QueueFilter.ALL)).as("no longer on her screen").isEqualTo("old-health");
        desk.heartbeat("ana");
        assertThatThrownBy(() -> desk.decide("ana", "old-health", ReviewAction.ACCEPT, null)).isInstanceOf(ReviewDesk.NotYours.class);
    }

    @Test
    void anOverlongReasonIsRefused() {
        String id = next("ana", QueueFilter.ALL);
        assertThatThrownBy(() -> desk.decide("ana", id, ReviewAction.ACCEPT, "x".repeat(ReviewDesk.MAX_REASON_CHARS + 1)))
                .hasMessageContaining("at most " + ReviewDesk.MAX_REASON_CHARS);
    }

    private String next(String annotator, QueueFilter filter) {
        return desk.next(annotator, filter).orElseThrow().screened().getSample().getId();
    }

    private void put(String id, String domain, double score, Instant screenedAt) {
        TrainingSample sample = new TrainingSample(id, "test", domain,
                List.of(new ChatMessage("user", "q"), new ChatMessage("assistant", "a")), Map.of(), screenedAt);
        Verdict verdict = Verdict.newBuilder().setDecision(Decision.REVIEW).setScore(score).setToxicMass(0)
                .setThresholds(new Thresholds(0.2, 0.8)).setTopFeatures(List.of()).setTopTerms(List.of())
                .setFeatureSetVersion("fs-test").setEncoderId("e").setSaeId("s").setScreenedAt(screenedAt)
                .setDecidedBy(DecisionSource.MODEL).setAnnotator(null).setReviewReason(null).setFlags(List.of()).build();
        store.put(id, new ScreenedSample(sample, verdict));
    }

    private final class MapSamples implements WaitingSamples {
        @Override
        public void forEach(BiConsumer<String, ScreenedSample> action) {
            store.forEach(action);
        }

        @Override
        public ScreenedSample get(String sampleId) {
            return store.get(sampleId);
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
