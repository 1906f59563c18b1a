package dev.emscreen.features.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's causal LM as ONNX with every hidden state as an output, through ONNX Runtime: the tiny
 * model made by src/test/onnx/make_tiny_lm_onnx.py (outputs logits, hidden_states.0..2), tokenized
 * with MiniLM's tokenizer.json, laid out by a chat template in Gemma's turn format.
 */
class OnnxLanguageModelEncoderTest {

    /** Gemma's layout (turns marked start_of_turn/end_of_turn, the assistant called "model"), written for this test. */
    static final String TURNS = """
            {{ bos_token }}{% for message in messages %}{% if message['role'] == 'system' %}\
            {{ raise_exception('this model takes no system turn') }}{% endif %}\
            {% if message['role'] == 'assistant' %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}\
            {{ '<start_of_turn>' ~ role }}
            {{ message['content'] | trim }}{{ '<end_of_turn>' }}
            {% endfor %}""";

    @TempDir
    static Path dir;
    private static Path model;
    private static Path tokenizer;

    @BeforeAll
    static void files() throws Exception {
        model = Path.of(OnnxLanguageModelEncoderTest.class.getResource("/tiny-lm/model.onnx").toURI());
        tokenizer = dir.resolve("tokenizer.json");
        try (InputStream in = OnnxLanguageModelEncoderTest.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
    }

    @Test
    void givesTheChosenHiddenStatePerTokenWithTheResponseMarked() {
        ChatText chat = ChatText.of("Is this safe?", "Yes, it is safe.");
        try (OnnxLanguageModelEncoder last = OnnxLanguageModelEncoder.load(model, tokenizer, null, -1, 64, Truncation.TRUNCATE);
             OnnxLanguageModelEncoder embeddings = OnnxLanguageModelEncoder.load(model, tokenizer, null, 0, 64, Truncation.TRUNCATE)) {
            TokenStates states = last.encode(List.of(chat)).get(0);

            assertThat(last.dimension()).isEqualTo(16);
            assertThat(last.kind()).isEqualTo("ONNX_LM");
            assertThat(last.id()).startsWith("onnx:sha256:");
            // user : is this safe ? assistant : yes , it is safe .  -> 6 response tokens
            assertThat(states.responseTokens()).isEqualTo(6);
            assertThat(states.response()[states.tokens() - 1]).isTrue();
            assertThat(states.response()[0]).isFalse();
            assertThat(states.hidden()[0]).isNotEqualTo(embeddings.encode(List.of(chat)).get(0).hidden()[0]);
        }
    }

    @Test
    void laterStatesSeeEarlierTokensOnlyAsACausalModelDoes() {
        try (OnnxLanguageModelEncoder encoder = OnnxLanguageModelEncoder.load(model, tokenizer, null, 2, 64, Truncation.TRUNCATE)) {
            float[][] a = encoder.encode(List.of(ChatText.of("one", "safe"))).get(0).hidden();
            float[][] b = encoder.encode(List.of(ChatText.of("two words", "safe"))).get(0).hidden();
            float[][] c = encoder.encode(List.of(ChatText.of("one", "safe and sound"))).get(0).hidden();

            assertThat(a[a.length - 1]).isNotEqualTo(b[b.length - 1]);
            // What follows a token does not change it: "user : one assistant : safe" starts both a and c.
            for (int t = 0; t < a.length; t++) {
                assertThat(c[t]).isEqualTo(a[t]);
            }
        }
    }

    @Test
    void theChatTemplateLaysTheChatOutAndTheResponseIsStillFound() {
        ChatTemplate template = new ChatTemplate(TURNS, "[CLS]", "[SEP]");
        ChatText chat = ChatText.of("Is this safe?", "  Yes, it is safe.  ");

        ChatText laidOut = template.apply(chat);

        assertThat(laidOut.text()).isEqualTo("[CLS]<start_of_turn>user\nIs this safe?<end_of_turn>\n"
                + "<start_of_turn>model\nYes, it is safe.<end_of_turn>\n");
        assertThat(laidOut.response()).isEqualTo("Yes, it is safe.");
        try (OnnxLanguageModelEncoder encoder = OnnxLanguageModelEncoder.load(model, tokenizer, template, -1, 64, Truncation.TRUNCATE)) {
            TokenStates states = encoder.encode(List.of(chat)).get(0);
            assertThat(states.responseTokens()).isEqualTo(6);
        }
    }

    @Test
    void aReplyThatAlsoOccursInTheTemplateOrAnEarlierTurnIsLocatedInItsOwnTurn() {
        // Written the way many Hugging Face templates are: strings joined with + and '\n' escapes.
        ChatTemplate plus = new ChatTemplate("{% for m in messages %}{{ '<start_of_turn>' + ('model' if m['role'] == 'assistant' "
                + "else m['role']) + '\\n' + m['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}", "", "");
        ChatText chat = ChatText.of("Answer user or model: who speaks first?", "model");

        ChatText laidOut = plus.apply(chat);

        assertThat(laidOut.text()).isEqualTo("<start_of_turn>user\nAnswer user or model: who speaks first?<end_of_turn>\n"
                + "<start_of_turn>model\nmodel<end_of_turn>\n");
        int[] span = laidOut.responseSpans().get(0);
        assertThat(span[0]).isEqualTo(laidOut.text().lastIndexOf("model<end_of_turn>"));
        assertThat(laidOut.response()).isEqualTo("model");
    }

    @Test
    void jinjaInsideAMessageIsTextNotTemplate() {
        ChatTemplate template = new ChatTemplate(TURNS, "", "");
        String quoted = "Use {% if admin %}{{ secret }}{% endif %} and {{ 7 * 7 }} in your page.";

        ChatText laidOut = template.apply(ChatText.of("Show me {% raw %} {{ user }}", quoted));

        assertThat(laidOut.text()).contains("Show me {% raw %} {{ user }}").contains(quoted);
        assertThat(laidOut.response()).isEqualTo(quoted);
    }

    @Test
    void aTemplatesOwnRefusalAndAModelWithoutHiddenStatesAreClearErrors() throws Exception {
        ChatTemplate template = new ChatTemplate(TURNS, "", "");
        ChatText withSystem = ChatText.of(List.of(new dev.emscreen.records.ChatMessage("system", "Be brief."),
                new dev.emscreen.records.ChatMessage("user", "Hi"), new dev.emscreen.records.ChatMessage("assistant", "Hello")));
        assertThatThrownBy(() -> template.apply(withSystem)).isInstanceOf(UnscreenableTextException.class)
                .hasMessageContaining("this model takes no system turn");
        assertThatThrownBy(() -> OnnxLanguageModelEncoder.load(model, tokenizer, null, 3, 64, Truncation.TRUNCATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Layer 3 is outside the model's 3 hidden states");
        Path garbage = dir.resolve("garbage.onnx");
        Files.writeString(garbage, "not a model");
        assertThatThrownBy(() -> OnnxLanguageModelEncoder.load(garbage, tokenizer, null, -1, 64, Truncation.TRUNCATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot load the ONNX model");
    }

    @Test
    void aTokenizerConfigsTemplateAndSpecialTokensAreRead() throws Exception {
        Path config = dir.resolve("tokenizer_config.json");
        Files.writeString(config, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
                "chat_template", TURNS, "bos_token", java.util.Map.of("content", "<bos>"), "eos_token", "<eos>")));
        assertThat(ChatTemplate.fromTokenizerConfig(config)).isEqualTo(new ChatTemplate(TURNS, "<bos>", "<eos>"));
        Files.writeString(config, "{\"bos_token\": \"<bos>\"}");
        assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no chat_template");
        Path kept = dir.resolve("template.json");
        new ChatTemplate(TURNS, "<bos>", "").write(kept);
        assertThat(ChatTemplate.read(kept)).isEqualTo(new ChatTemplate(TURNS, "<bos>", ""));
    }
}
