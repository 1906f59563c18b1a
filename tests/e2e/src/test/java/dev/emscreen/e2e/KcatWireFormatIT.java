package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project writes a topic on the standalone broker ({@code ./emscreen broker}); kcat, an
 * independent client (librdkafka), reads it back, and every record it sees is in the Confluent wire
 * format: magic byte 0, the registered schema id, then Avro that a plain generic reader decodes.
 */
class KcatWireFormatIT {

    private static final String SCOPE = "kcat";
    private static final int COUNT = 50;

    @TempDir
    Path data;

    @AfterAll
    static void dropRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void kcatSeesConfluentFramedAvroWrittenByTheProject() throws Exception {
        try (StandaloneBroker broker = StandaloneBroker.start(data)) {
            // Given samples written through the project's serde to the standalone broker
            String topic = Topics.SAMPLES.name();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + SCOPE);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), Topics.SAMPLES.valueSerde(serdeConfig).serializer())) {
                for (int n = 0; n < COUNT; n++) {
                    producer.send(new ProducerRecord<>(topic, "sample-" + n, Samples.numbered(n)));
                }
            }
            int schemaId = InMemorySchemaRegistry.scope(SCOPE).latest(topic + "-value").id();
            Schema writerSchema = InMemorySchemaRegistry.scope(SCOPE).getById(schemaId);

            // When kcat reads the topic, each value prefixed by its length (%R: 4-byte big-endian)
            byte[] raw = kcat("-b", broker.bootstrapServers(), "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                    "-f", "%R%s");

            // Then every record is magic byte 0 + the registered id + Avro of the registered schema
            List<String> ids = new ArrayList<>();
            ByteBuffer frames = ByteBuffer.wrap(raw);
            while (frames.hasRemaining()) {
                byte[] value = new byte[frames.getInt()];
                frames.get(value);
                ByteBuffer record = ByteBuffer.wrap(value);
                assertThat(record.get()).as("magic byte").isZero();
                assertThat(record.getInt()).as("schema id").isEqualTo(schemaId);
                GenericRecord decoded = new GenericDatumReader<GenericRecord>(writerSchema).read(null,
                        DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
                ids.add(decoded.get("id").toString());
            }
            assertThat(ids).hasSize(COUNT).startsWith("sample-0", "sample-1").endsWith("sample-" + (COUNT - 1));

            // And the broker stops cleanly on SIGTERM, as on Ctrl-C
            assertThat(broker.stop()).isZero();
            assertThat(broker.output()).anyMatch(line -> line.contains("Kafka broker stopped."));
        }
    }

    private static byte[] kcat(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("kcat is not installed: ./emscreen test installs it (apt-get install kcat)", e);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        process.getInputStream().transferTo(stdout);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kcat exit code; stderr: " + stderr).isZero();
        return stdout.toByteArray();
    }
}
