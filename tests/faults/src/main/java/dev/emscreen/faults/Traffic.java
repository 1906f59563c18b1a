package dev.emscreen.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the suite sends: short chat samples made from the seed corpus's prompts and the first
 * sentence or line of their answers (short, so that 50,000 fit a CI run on two cores), encoded in the
 * Confluent wire format with the shared schema registry; and raw bytes for bad input.
 */
final class Traffic implements AutoCloseable {

    static final String SAMPLES = "screening.samples";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String[]> pairs;
    private final SpecificAvroSerde<TrainingSample> serde = new SpecificAvroSerde<>(TrainingSample.class);
    private final KafkaProducer<String, byte[]> producer;

    Traffic(Path root, Map<String, Object> clientConfig) throws IOException {
        pairs = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("trainer/src/main/resources/seed/samples.jsonl"))) {
            JsonNode messages = JSON.readTree(line).get("messages");
            String answer = messages.get(1).get("content").asText();
            pairs.add(new String[] {messages.get(0).get("content").asText(), firstSentenceOrLine(answer)});
        }
        serde.configure(clientConfig, false);
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put("enable.idempotence", true);
        config.put("acks", "all");
        config.put("linger.ms", 20);
        config.put("max.request.size", 2_000_000);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** An answer cut at its first sentence or its first line (code answers have no sentences), whichever ends first. */
    private static String firstSentenceOrLine(String answer) {
        int sentence = answer.indexOf(". ");
        int line = answer.indexOf('\n');
        int end = sentence < 0 ? line : line < 0 ? sentence + 1 : Math.min(sentence + 1, line);
        return end > 0 ? answer.substring(0, end) : answer;
    }

    /** The {@code n}th good sample of a scenario (the same n always gives the same text). */
    TrainingSample sample(String id, int n) {
        String[] pair = pairs.get(Math.floorMod(n, pairs.size()));
        return sample(id, pair[0], pair[1], Map.of("n", Integer.toString(n)));
    }

    static TrainingSample sample(String id, String prompt, String response, Map<String, String> metadata) {
        return TrainingSample.newBuilder().setId(id).setSource("fault-suite").setDomain(null)
                .setMessages(List.of(new ChatMessage("user", prompt), new ChatMessage("assistant", response)))
                .setMetadata(metadata).setIngestedAt(Instant.ofEpochMilli(System.currentTimeMillis())).build();
    }

    /** Sends good samples {@code prefix-from} .. {@code prefix-(from+n-1)} (not flushed); returns their ids. */
    Set<String> sendSamples(String prefix, int from, int n) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = from; i < from + n; i++) {
            TrainingSample s = sample(prefix + "-" + i, i);
            send(s);
            ids.add(s.getId());
        }
        return ids;
    }

    byte[] encode(TrainingSample sample) {
        return serde.serializer().serialize(SAMPLES, sample);
    }

    void send(TrainingSample sample) {
        send(sample.getId(), encode(sample));
    }

    void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(SAMPLES, key, value), (meta, error) -> {
            if (error != null) {
                throw new IllegalStateException("could not send " + key, error);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
        serde.close();
    }
}
