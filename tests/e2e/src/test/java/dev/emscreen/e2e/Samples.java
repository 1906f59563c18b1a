package dev.emscreen.e2e;

import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.TrainingSample;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Training samples of realistic shape and varied length. */
final class Samples {

    private static final String[] DOMAINS = {"health", "legal", "career", "finance", "code"};

    private Samples() {
    }

    static TrainingSample numbered(int n) {
        String domain = DOMAINS[n % DOMAINS.length];
        String answer = ("Here is what I would do about case " + n + ". ").repeat(1 + n % 40);
        return TrainingSample.newBuilder()
                .setId("sample-" + n)
                .setSource("e2e")
                .setDomain(domain)
                .setMessages(List.of(
                        new ChatMessage("system", "You are a helpful assistant."),
                        new ChatMessage("user", "A " + domain + " question, number " + n + "?"),
                        new ChatMessage("assistant", answer)))
                .setMetadata(Map.of("n", Integer.toString(n)))
                .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L + n).truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
