package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlTextsTest {

    private static List<JsonlTexts.Line> read(String jsonl) throws Exception {
        return JsonlTexts.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "health", null);
    }

    @Test
    void readsChatPromptResponseAndReferenceLines() throws Exception {
        List<JsonlTexts.Line> lines = read("""
                {"messages":[{"role":"user","content":"Q?"},{"role":"assistant","content":"A."}],"label":"inducing"}
                {"prompt":"Q2?","response":"A2.","domain":"legal"}
                {"text":"Hide the evidence.","label":"harmful"}
                """);

        assertThat(lines).extracting(JsonlTexts.Line::error).containsOnlyNulls();
        assertThat(lines.get(0).text().response()).isEqualTo("A.");
        assertThat(lines.get(0).text().positive()).isTrue();
        assertThat(lines.get(0).text().domain()).isEqualTo("health");
        assertThat(lines.get(1).text().domain()).isEqualTo("legal");
        assertThat(lines.get(1).text().text().text()).isEqualTo("user: Q2?\\nassistant: A2.".replace("\\n", "\n"));
        assertThat(lines.get(2).text().kind()).isEqualTo(LabelledText.Kind.REFERENCE);
    }

    @Test
    void holdingOutADomainNeverLearnsFromItNorChoosesOnIt() throws Exception {
        SeedData seed = SeedData.load(null);
        long legal = seed.samples().stream().filter(t -> "legal".equals(t.domain())).count();

        SeedData lodo = seed.holdingOut("legal");

        assertThat(legal).isGreaterThan(100);
        assertThat(lodo.samples()).filteredOn(t -> LabelledText.HELD_OUT_DOMAIN.equals(t.split()))
                .extracting(LabelledText::domain).containsOnly("legal").hasSize((int) legal);
        assertThat(lodo.samples()).filteredOn(LabelledText::isTrain).extracting(LabelledText::domain).doesNotContain("legal");
        // The scorer is chosen on the other domains' validation samples, never on the held-out domain's.
        List<LabelledText> all = FeatureSetBuilder.texts(lodo);
        FeatureSetBuilder.Selection basis = FeatureSetBuilder.Selection.of(all);
        assertThat(basis.target()).isFalse();
        assertThat(basis.rows()).isNotEmpty();
        assertThat(java.util.Arrays.stream(basis.rows()).mapToObj(all::get)).allSatisfy(t -> {
            assertThat(t.domain()).isNotEqualTo("legal");
            assertThat(t.split()).isEqualTo("validation");
        });
        // ... and the held-out domain is still reported: the build's validation figures read every non-training sample.
        double[] scores = new double[all.size()];
        assertThat(FeatureSetBuilder.pick(all, scores, true, "legal")).hasSize((int) lodo.samples().stream()
                .filter(t -> "legal".equals(t.domain()) && Boolean.TRUE.equals(t.positive())).count());
        assertThatThrownBy(() -> lodo.holdingOut("astrology"))
                .hasMessageContaining("No samples of domain 'astrology'");
    }

    @Test
    void holdingOutTheOnlyDomainWithValidationSamplesIsRefusedWithTheReason() throws Exception {
        LabelledText validation = new LabelledText("v", LabelledText.Kind.SAMPLE, "legal", "validation", true,
                SeedData.load(null).samples().get(0).text(), "A.");
        LabelledText training = new LabelledText("t", LabelledText.Kind.SAMPLE, "health", "train", false, validation.text(), "B.");
        SeedData seed = new SeedData(List.of(validation, training), List.of(), "two samples");

        assertThatThrownBy(() -> seed.holdingOut("legal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves no validation samples in two samples");
    }

    @Test
    void badLinesAreReportedByNumberAndTheRestAreRead() throws Exception {
        List<JsonlTexts.Line> lines = read("""
                {"prompt":"Q?","response":"A."}
                not json
                {"prompt":"Q?","response":""}
                {"messages":[{"role":"user"}]}
                {"prompt":"Q?","response":"A.","label":"maybe"}
                [1,2]

                {"prompt":"Last?","response":"Yes."}
                """);

        assertThat(lines).extracting(JsonlTexts.Line::number).containsExactly(1, 2, 3, 4, 5, 6, 8);
        assertThat(lines.get(0).error()).isNull();
        assertThat(lines.get(1).error()).startsWith("line 2: ");
        assertThat(lines.get(2).error()).contains("line 3", "no non-empty assistant message");
        assertThat(lines.get(3).error()).contains("line 4", "a user message has no text content");
        assertThat(lines.get(4).error()).contains("unknown label 'maybe'");
        assertThat(lines.get(5).error()).contains("line 6", "not a JSON object");
        assertThat(lines.get(6).text().response()).isEqualTo("Yes.");
    }
}
