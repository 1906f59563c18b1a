package dev.emscreen.stream;

import dev.emscreen.kafka.junit.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * For @QuarkusTest: a real broker and a real (small) feature set, wired in through configuration. The
 * set routes by proximity unless the test class asks, with {@code @ResourceArg(name = SCORER, value =
 * READOUT)}, for one that routes by a learned readout (one that reads hidden states too).
 */
public class KafkaWithFeatureSet implements QuarkusTestResourceLifecycleManager {

    public static final String SCORER = "scorer";
    public static final String READOUT = "readout";
    public static final String REGISTRY = "mock://service-test";
    static volatile TestFeatureSets.Built featureSet;
    public static volatile EmbeddedKafka broker;
    public static final String ANA_PASSWORD = "ana-reviews-carefully";
    public static final String BEN_PASSWORD = "ben-reviews-quickly";
    private boolean readout;

    @Override
    public void init(Map<String, String> initArgs) {
        readout = READOUT.equals(initArgs.get(SCORER));
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("emscreen-service-test-");
            // Everything at or above -1 is reviewed and at or above 10 quarantined: routes are predictable.
            featureSet = readout ? TestFeatureSets.withReadout(dir.resolve("set"), -1.0, 10.0, null)
                    : TestFeatureSets.build(dir.resolve("set"), -1.0, 10.0);
            broker = EmbeddedKafka.start();
            return Map.ofEntries(
                    Map.entry("quarkus.kafka-streams.bootstrap-servers", broker.bootstrapServers()),
                    Map.entry("quarkus.kafka-streams.schema-registry-url", REGISTRY),
                    Map.entry("emscreen.feature-set.path", featureSet.dir().toString()),
                    Map.entry("emscreen.feature-set.cache-dir", dir.resolve("cache").toString()),
                    Map.entry("emscreen.topics.partitions", "2"),
                    Map.entry("emscreen.batch.max-wait", "50ms"),
                    Map.entry("kafka-streams.state.dir", dir.resolve("state").toString()),
                    // Two annotators for the review console's tests.
                    Map.entry("quarkus.security.users.embedded.users.ana", ANA_PASSWORD),
                    Map.entry("quarkus.security.users.embedded.roles.ana", "annotator"),
                    Map.entry("quarkus.security.users.embedded.users.ben", BEN_PASSWORD),
                    Map.entry("quarkus.security.users.embedded.roles.ben", "annotator"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    public static String featureSetVersion() {
        return featureSet.version();
    }

    /** Produces {@code record} (Avro, through the test registry) to {@code topic} under {@code key}, and waits for the ack. */
    public static <T extends SpecificRecord> void send(String topic, String key, T record) throws Exception {
        @SuppressWarnings("unchecked")
        byte[] value = serde((Class<T>) record.getClass()).serializer().serialize(topic, record);
        sendBytes(topic, key, value);
    }

    public static void sendBytes(String topic, String key, byte[] value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    public static <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        return serde;
    }
}
