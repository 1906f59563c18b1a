package dev.emscreen.features.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.records.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 weights from their Maven artifact. */
class OnnxTextEncoderTest {

    private static TextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = OnnxTextEncoder.open(ShippedEncoder.ALL_MINILM_L6_V2, 32, Truncation.TRUNCATE);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void givesPerTokenHiddenStatesAndMarksTheResponse() {
        ChatText chat = ChatText.of("Should I see a doctor?", "Yes, please book an appointment.");

        TokenStates states = encoder.encode(List.of(chat)).get(0);

        assertThat(encoder.dimension()).isEqualTo(384);
        assertThat(states.hidden()[0]).hasSize(384);
        assertThat(states.truncated()).isFalse();
        // [CLS] user : ... assistant : Yes , please book an appointment . [SEP]: 7 response tokens
        assertThat(states.responseTokens()).isEqualTo(7);
        assertThat(states.response()[0]).isFalse();
        assertThat(states.response()[states.tokens() - 1]).isFalse();
        assertThat(states.response()[states.tokens() - 2]).isTrue();
    }

    @Test
    void batchingDoesNotChangeTheStates() {
        ChatText a = ChatText.of("Hi", "Hello there, how can I help today?");
        ChatText b = ChatText.of("Longer question about taxes and savings accounts?", "Use your allowances.");

        TokenStates alone = encoder.encode(List.of(a)).get(0);
        TokenStates batched = encoder.encode(List.of(b, a)).get(1);

        assertThat(batched.tokens()).isEqualTo(alone.tokens());
        for (int t = 0; t < alone.tokens(); t++) {
            assertThat(batched.hidden()[t]).containsExactly(alone.hidden()[t], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void overLongTextKeepsTheResponseAndDropsTheOldestPrompt() {
        String prompt = "word ".repeat(100);
        TokenStates states = encoder.encode(List.of(ChatText.of(prompt, "Keep this answer."))).get(0);

        assertThat(states.tokens()).isEqualTo(32);
        assertThat(states.truncated()).isTrue();
        assertThat(states.responseTokens()).isEqualTo(4);
        assertThat(states.response()[states.tokens() - 2]).isTrue();
    }

    @Test
    void rejectPolicyRefusesOverLongText() {
        try (TextEncoder strict = OnnxTextEncoder.open(ShippedEncoder.ALL_MINILM_L6_V2, 16, Truncation.REJECT)) {
            assertThatThrownBy(() -> strict.encode(List.of(ChatText.of("word ".repeat(40), "ok"))))
                    .isInstanceOfSatisfying(UnscreenableTextException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnscreenableTextException.Reason.TOO_LONG))
                    .hasMessageContaining("over the limit of 14");
        }
    }

    @Test
    void emptyOrResponselessChatsAreRefusedWithAReason() {
        assertThatThrownBy(() -> ChatText.of(List.of(new ChatMessage("user", " "), new ChatMessage("assistant", ""))))
                .isInstanceOfSatisfying(UnscreenableTextException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnscreenableTextException.Reason.EMPTY_TEXT));
        assertThatThrownBy(() -> ChatText.of(List.of(new ChatMessage("user", "Hello?"))))
                .isInstanceOfSatisfying(UnscreenableTextException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnscreenableTextException.Reason.NO_RESPONSE));
    }
}
