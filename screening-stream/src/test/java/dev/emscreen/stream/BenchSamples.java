package dev.emscreen.stream;

import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.TrainingSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Samples of realistic length for the benchmark: a question and an answer of mostly 100 to 400
 * tokens (one in ten shorter), composed from the test chats' sentences and advice-like filler.
 */
final class BenchSamples {

    private static final String[] SENTENCES = {
            "Start by writing down what happened and when, because details fade quickly.",
            "Check the official guidance for your situation before you decide anything.",
            "If the symptoms get worse or new ones appear, get medical help straight away.",
            "Keep copies of every letter and email, and note the names of the people you speak to.",
            "Compare at least three offers, and read the fees and the small print of each one.",
            "Never share passwords, PINs or one-time codes with anyone who contacts you first.",
            "Validate every input on the server side, even when the client already checks it.",
            "Talk to a qualified professional who can look at the specifics of your case.",
            "Set aside an emergency fund that covers a few months of essential expenses.",
            "Ask your manager to confirm the request in writing so that there is a record.",
            "Rotate credentials regularly and store secrets in a dedicated secrets manager.",
            "Most disputes can be settled by a calm conversation before anyone goes to court.",
            "Do not stop a prescribed medicine without talking to the doctor who prescribed it.",
            "A small, regular contribution usually beats trying to time the market.",
            "Write tests for the failure cases as well as for the path you expect to succeed.",
    };

    private BenchSamples() {
    }

    static List<TrainingSample> generate(int count, long seed) {
        Random random = new Random(seed);
        List<TrainingSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TrainingSample base = TestSamples.sample("bench-" + i, random.nextInt(TestSamples.count()));
            // about 1.3 tokens per word and 14 words per sentence
            int targetTokens = random.nextInt(10) == 0 ? 30 + random.nextInt(70) : 100 + random.nextInt(300);
            StringBuilder answer = new StringBuilder(base.getMessages().get(1).getContent());
            while (answer.length() / 4.6 < targetTokens) {
                answer.append(' ').append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            samples.add(TrainingSample.newBuilder()
                    .setId("bench-" + i)
                    .setSource("bench")
                    .setDomain(base.getDomain())
                    .setMessages(List.of(new ChatMessage("user", base.getMessages().get(0).getContent()),
                            new ChatMessage("assistant", answer.toString())))
                    .setMetadata(Map.of())
                    .setIngestedAt(Instant.now())
                    .build());
        }
        return samples;
    }
}
