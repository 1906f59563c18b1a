package dev.emscreen.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void givenNoSettingWhenReadThenEveryTopicHasItsDefaultName() {
        TopicNames names = TopicNames.from(key -> Optional.empty());

        assertThat(names).isEqualTo(TopicNames.defaults());
        assertThat(names.samples()).isEqualTo(Topics.SAMPLES.name());
        assertThat(names.deadLetters()).isEqualTo(Topics.DLQ);
    }

    @Test
    void givenTheStreamsKeysWhenReadThenEachNamesItsTopic() {
        Map<String, String> settings = Map.of("emscreen.topics.samples", "team-a.in",
                "emscreen.topics.review-decisions", "team-a.rulings", "emscreen.topics.dead-letters", "team-a.dlq");

        TopicNames names = TopicNames.from(key -> Optional.ofNullable(settings.get(key)));

        assertThat(names.samples()).isEqualTo("team-a.in");
        assertThat(names.reviewDecisions()).isEqualTo("team-a.rulings");
        assertThat(names.deadLetters()).isEqualTo("team-a.dlq");
        assertThat(names.accepted()).isEqualTo(Topics.ACCEPTED.name());
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertThat(TopicNames.envName("emscreen.topics.review-decisions")).isEqualTo("EMSCREEN_TOPICS_REVIEW_DECISIONS");
    }

    @Test
    void aBlankNameIsRefusedNamingTheKeys() {
        assertThatThrownBy(() -> TopicNames.from(key -> key.endsWith("review") ? Optional.of(" ") : Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emscreen.topics.");
    }
}
