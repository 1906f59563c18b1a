package dev.emscreen.features.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every encoder this build ships opens from its Maven artifact and gives states a score can rely on. */
class ShippedEncoderTest {

    @ParameterizedTest
    @EnumSource(ShippedEncoder.class)
    void opensFromItsArtifactAndEncodesATextTheSameAloneOrInABatch(ShippedEncoder model) {
        ChatText a = ChatText.of("Should I see a doctor?", "Yes, please book an appointment.");
        ChatText b = ChatText.of("A much longer question about taxes, pensions and savings accounts?", "Use your allowances.");
        try (TextEncoder encoder = OnnxTextEncoder.open(model, 64, Truncation.TRUNCATE)) {
            TokenStates alone = encoder.encode(List.of(a)).get(0);
            TokenStates batched = encoder.encode(List.of(b, a)).get(1);

            assertThat(encoder.id()).isEqualTo(model.id());
            assertThat(encoder.dimension()).isEqualTo(384);
            // The three share BERT's uncased word pieces: "yes , please book an appointment ."
            assertThat(alone.responseTokens()).isEqualTo(7);
            assertThat(batched.tokens()).isEqualTo(alone.tokens());
            for (int t = 0; t < alone.tokens(); t++) {
                assertThat(batched.hidden()[t]).containsExactly(alone.hidden()[t], Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void theShippedEncodersAreDifferentModels() {
        ChatText chat = ChatText.of("Is it safe?", "Yes.");
        float[][] first = new float[ShippedEncoder.values().length][];
        for (ShippedEncoder model : ShippedEncoder.values()) {
            try (TextEncoder encoder = OnnxTextEncoder.open(model, 16, Truncation.TRUNCATE)) {
                first[model.ordinal()] = encoder.encode(List.of(chat)).get(0).hidden()[1];
            }
        }
        assertThat(first[0]).isNotEqualTo(first[1]);
        assertThat(first[1]).isNotEqualTo(first[2]);
        assertThat(first[0]).isNotEqualTo(first[2]);
    }

    @Test
    void namesAndCoordinatesFindTheirEncoderAndAnUnknownOneSaysWhatIsShipped() {
        assertThat(ShippedEncoder.byShortName("E5-small-v2")).isSameAs(ShippedEncoder.E5_SMALL_V2);
        assertThat(ShippedEncoder.byId(ShippedEncoder.BGE_SMALL_EN_V15.id())).isSameAs(ShippedEncoder.BGE_SMALL_EN_V15);

        assertThatThrownBy(() -> ShippedEncoder.byShortName("gpt-2"))
                .hasMessage("Unknown encoder 'gpt-2'; this build ships e5-small-v2, bge-small-en-v1.5, all-minilm-l6-v2");
        assertThatThrownBy(() -> ShippedEncoder.byId("org.example:bert-large:1.0"))
                .hasMessageContaining("ONNX encoder org.example:bert-large:1.0 is not in this build")
                .hasMessageContaining(ShippedEncoder.ALL_MINILM_L6_V2.id());
    }
}
