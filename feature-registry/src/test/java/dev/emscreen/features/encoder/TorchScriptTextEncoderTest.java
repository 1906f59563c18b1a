package dev.emscreen.features.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own model through DJL's PyTorch engine: a tiny TorchScript LM shipped with the tests
 * (made by src/test/torchscript/make_tiny_lm.py), tokenized with MiniLM's tokenizer.json.
 */
class TorchScriptTextEncoderTest {

    @TempDir
    static Path dir;
    private static Path model;
    private static Path tokenizer;

    @BeforeAll
    static void files() throws Exception {
        model = Path.of(TorchScriptTextEncoderTest.class.getResource("/tiny-lm/model.pt").toURI());
        tokenizer = dir.resolve("tokenizer.json");
        try (InputStream in = TorchScriptTextEncoderTest.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
    }

    @Test
    void givesTheChosenLayersStatesPerTokenWithTheResponseMarked() {
        ChatText chat = ChatText.of("Is this safe?", "Yes, it is safe.");
        try (TorchScriptTextEncoder last = TorchScriptTextEncoder.load(model, tokenizer, -1, 64, Truncation.TRUNCATE);
             TorchScriptTextEncoder first = TorchScriptTextEncoder.load(model, tokenizer, 0, 64, Truncation.TRUNCATE)) {
            TokenStates states = last.encode(List.of(chat)).get(0);
            TokenStates embeddings = first.encode(List.of(chat)).get(0);

            assertThat(last.dimension()).isEqualTo(16);
            assertThat(last.id()).startsWith("torchscript:sha256:");
            // user : is this safe ? assistant : yes , it is safe .  -> 6 response tokens
            assertThat(states.responseTokens()).isEqualTo(6);
            assertThat(states.response()[states.tokens() - 1]).isTrue();
            assertThat(states.response()[0]).isFalse();
            assertThat(states.hidden()[0]).isNotEqualTo(embeddings.hidden()[0]);
        }
    }

    @Test
    void laterLayersSeeContextSoTheSameWordDiffersByWhatCameBefore() {
        try (TorchScriptTextEncoder encoder = TorchScriptTextEncoder.load(model, tokenizer, 2, 64, Truncation.TRUNCATE)) {
            float[][] a = encoder.encode(List.of(ChatText.of("one", "safe"))).get(0).hidden();
            float[][] b = encoder.encode(List.of(ChatText.of("two words", "safe"))).get(0).hidden();

            assertThat(a[a.length - 1]).isNotEqualTo(b[b.length - 1]);
        }
    }

    @Test
    void aLayerTheModelDoesNotHaveOrAMissingFileIsAClearError() throws URISyntaxException {
        assertThatThrownBy(() -> TorchScriptTextEncoder.load(model, tokenizer, 7, 64, Truncation.TRUNCATE))
                .hasMessageContaining("Layer 7 is outside the model's 3 outputs");
        assertThatThrownBy(() -> TorchScriptTextEncoder.load(dir.resolve("none.pt"), tokenizer, 0, 64, Truncation.TRUNCATE))
                .hasMessageContaining("none.pt");
    }
}
