package dev.emscreen.schemas.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.records.ChatMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleLinesTest {

    private static List<SampleLines.Read> read(String jsonl) throws Exception {
        return SampleLines.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "health");
    }

    @Test
    void givenEveryShapeUsersHaveWhenReadThenEachIsASample() throws Exception {
        List<SampleLines.Read> lines = read("""
                {"id":"a","messages":[{"role":"user","content":"Q?"},{"role":"assistant","content":"A."}],"label":"inducing","metadata":{"batch":7}}
                {"prompt":"Q2?","response":"A2.","domain":"legal","split":"validation","label":"control"}
                {"response":"Only an answer."}
                {"text":"Hide the evidence.","label":"harmful"}
                """);

        assertThat(lines).allMatch(SampleLines.Read::ok);
        SampleLine chat = lines.get(0).sample();
        assertThat(chat.id()).isEqualTo("a");
        assertThat(chat.domain()).as("the reader's default").isEqualTo("health");
        assertThat(chat.label()).isTrue();
        assertThat(chat.metadata()).containsEntry("batch", "7");
        assertThat(chat.response()).isEqualTo("A.");
        SampleLine prompted = lines.get(1).sample();
        assertThat(prompted.messages()).extracting(ChatMessage::getRole).containsExactly("user", "assistant");
        assertThat(prompted.domain()).isEqualTo("legal");
        assertThat(prompted.split()).isEqualTo("validation");
        assertThat(prompted.label()).isFalse();
        assertThat(lines.get(2).sample().messages()).extracting(ChatMessage::getRole).containsExactly("assistant");
        assertThat(lines.get(3).sample().reference()).isTrue();
        assertThat(lines.get(3).sample().response()).isEqualTo("Hide the evidence.");
    }

    @Test
    void givenNoIdWhenTheSameLineIsReadTwiceThenItGetsTheSameIdFromItsContent() throws Exception {
        List<SampleLines.Read> lines = read("""
                {"prompt":"Store passwords how?","response":"Hash them with bcrypt."}
                {"prompt":"Store passwords how?","response":"Hash them with bcrypt."}
                {"prompt":"Store passwords how?","response":"Keep them in plain text."}
                """);

        assertThat(lines.get(0).sample().id()).startsWith("sha-").hasSize(24).isEqualTo(lines.get(1).sample().id());
        assertThat(lines.get(2).sample().id()).isNotEqualTo(lines.get(0).sample().id());
    }

    @Test
    void givenBadLinesWhenReadThenEachIsReportedByNumberAndTheRestAreRead() throws Exception {
        List<SampleLines.Read> lines = read("""
                {"prompt":"Q?","response":"A."}
                not json
                {"prompt":"Q?","response":"  "}
                {"messages":[{"role":"user"}]}
                {"messages":[{"role":"wizard","content":"Hi"},{"role":"assistant","content":"Hi"}]}
                {"prompt":"Q?","response":"A.","label":"maybe"}
                [1,2]

                {"messages":[]}
                {"question":"Q?"}
                {"prompt":"Last?","response":"Yes."}
                """);

        assertThat(lines).extracting(SampleLines.Read::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 9, 10, 11);
        assertThat(lines).extracting(SampleLines.Read::error).containsExactly(null,
                lines.get(1).error(), "line 3: no non-empty assistant message: nothing to screen",
                "line 4: a user message has no text content", "line 5: a message has role 'wizard' (system, user or assistant)",
                "line 6: unknown label 'maybe' (inducing, control, harmful, benign)", "line 7: not a JSON object",
                "line 9: \"messages\" must be a non-empty array",
                "line 10: needs \"messages\", \"prompt\" and \"response\", or \"text\"", null);
        assertThat(lines.get(1).error()).startsWith("line 2: not JSON");
        assertThat(lines.get(9).sample().response()).isEqualTo("Yes.");
    }

    @Test
    void givenBytesThatAreNotUtf8WhenReadThenTheBadLineIsNamedAndTheOthersAreRead() throws Exception {
        byte[] good = "{\"prompt\":\"Q?\",\"response\":\"A.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        var all = new java.io.ByteArrayOutputStream();
        all.writeBytes(good);
        all.writeBytes(bad);
        all.writeBytes(good);

        List<SampleLines.Read> lines = SampleLines.read(new ByteArrayInputStream(all.toByteArray()), null);

        assertThat(lines).extracting(SampleLines.Read::ok).containsExactly(true, false, true);
        assertThat(lines.get(1).error()).isEqualTo("line 2: not UTF-8 text");
    }
}
