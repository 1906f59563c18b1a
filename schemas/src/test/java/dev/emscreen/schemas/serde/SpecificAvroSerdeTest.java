package dev.emscreen.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.SampleRecords;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

    private static final String TOPIC = "screening.samples";
    private final String scope = "serde-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    @Test
    void everyRecordTypeSurvivesTheRoundTrip() {
        TrainingSample sample = SampleRecords.sample("s-1");
        ScreenedSample screened = SampleRecords.screened("s-2");
        ReviewDecision decision = SampleRecords.decision("s-3");

        assertThat(roundTrip(TrainingSample.class, TOPIC, sample)).isEqualTo(sample);
        assertThat(roundTrip(ScreenedSample.class, "screening.quarantined", screened)).isEqualTo(screened);
        assertThat(roundTrip(ReviewDecision.class, "screening.review-decisions", decision)).isEqualTo(decision);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(Class<T> type, String topic, T value) {
        SpecificAvroSerde<T> serde = serde(type);
        return serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, value));
    }

    @Test
    void framesTheRecordWithMagicByteAndTheRegisteredSchemaId() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));

        int registeredId = InMemorySchemaRegistry.scope(scope).latest(TOPIC + "-value").id();
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    }

    @Test
    void keySerdeRegistersUnderTheKeySubject() {
        SpecificAvroSerde<ReviewDecision> serde = new SpecificAvroSerde<>(ReviewDecision.class);
        serde.configure(config, true);
        serde.serializer().serialize("decisions", SampleRecords.decision("x"));

        assertThat(InMemorySchemaRegistry.scope(scope).latest("decisions-key").schema()).isEqualTo(ReviewDecision.getClassSchema());
    }

    @Test
    void nullIsATombstoneBothWays() {
        SpecificAvroSerde<TrainingSample> serde = serde(TrainingSample.class);
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, (byte[]) null)).isNull();
    }

    @Test
    void wrongMagicByteIsAClearError() {
        byte[] json = "{\"id\":\"s-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'screening.samples'")
                .hasMessageContaining("unknown magic byte 0x7b")
                .hasMessageContaining("7b 22 69 64");
    }

    @Test
    void recordShorterThanTheHeaderIsAClearError() {
        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes long, shorter than the 5-byte");
    }

    @Test
    void unknownSchemaIdIsAClearError() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        ByteBuffer.wrap(bytes).putInt(1, 4242);

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("schema id 4242 is unknown to the schema registry mock://" + scope)
                .hasMessageContaining("topic 'screening.samples'");
    }

    @Test
    void anUnreachableRegistryIsNotABadRecord() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        var deserializer = new SpecificAvroDeserializer<>(TrainingSample.class);
        // Nothing listens on port 1: the registry is down, which says nothing about the record.
        deserializer.configure(java.util.Map.of("schema.registry.url", "http://127.0.0.1:1"), false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(dev.emscreen.schemas.registry.SchemaRegistryException.class)
                .isNotInstanceOf(SerializationException.class);
    }

    @Test
    void truncatedPayloadIsAClearError() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated record")
                .hasMessageContaining("topic 'screening.samples'");
    }

    @Test
    void bytesAfterTheRecordAreAClearError() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over after the record");
    }

    @Test
    void recordOfAnIncompatibleSchemaIsAClearError() {
        // Another producer registered a schema of the same name that lacks most required fields.
        Schema foreign = SchemaBuilder.record("TrainingSample").namespace("dev.emscreen.records")
                .fields().requiredString("id").endRecord();
        int id = InMemorySchemaRegistry.scope(scope).register("other-value", foreign);
        GenericRecord record = new GenericData.Record(foreign);
        record.put("id", "s-1");

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, frame(id, foreign, record)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("written with schema id " + id)
                .hasMessageContaining("cannot be read as dev.emscreen.records.TrainingSample")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void invalidUtf8InATextFieldIsAClearError() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        int at = indexOf(bytes, "Doctors".getBytes(StandardCharsets.UTF_8));
        bytes[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        bytes[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("invalid UTF-8");
    }

    @Test
    void forgedHugeStringLengthIsAnErrorNotAnOutOfMemory() {
        byte[] bytes = serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1"));
        // The id field's zig-zag length follows the header: claim about a gigabyte instead of 3 bytes.
        byte[] forged = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, forged, 0, 5);
        byte[] hugeLength = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        System.arraycopy(hugeLength, 0, forged, 5, hugeLength.length);
        System.arraycopy(bytes, 6, forged, 10, bytes.length - 6);

        assertThatThrownBy(() -> serde(TrainingSample.class).deserializer().deserialize(TOPIC, forged))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'screening.samples'")
                .hasMessageContaining("claims 1073741823 bytes in a payload of");
    }

    @Test
    void registeringAnIncompatibleSchemaIsAClearError() {
        Schema old = SchemaBuilder.record("TrainingSample").namespace("dev.emscreen.records")
                .fields().requiredString("id").requiredString("tenant").endRecord();
        InMemorySchemaRegistry.scope(scope).register(TOPIC + "-value", old);

        assertThatThrownBy(() -> serde(TrainingSample.class).serializer().serialize(TOPIC, SampleRecords.sample("s-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject screening.samples-value")
                .hasMessageContaining("incompatible");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAClearError() {
        SpecificAvroSerializer<TrainingSample> serializer = new SpecificAvroSerializer<>(TrainingSample.class);
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.sample("s-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsNewestSchema() {
        // The registry already holds a newer TrainingSample with one more optional field.
        Schema newer = new Schema.Parser().parse(TrainingSample.getClassSchema().toString()
                .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":3},"));
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(scope);
        registry.register(TOPIC + "-value", TrainingSample.getClassSchema());
        int newerId = registry.register(TOPIC + "-value", newer);
        SpecificAvroSerializer<TrainingSample> serializer = new SpecificAvroSerializer<>(TrainingSample.class);
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope,
                "auto.register.schemas", false, "use.latest.version", true), false);
        TrainingSample sample = SampleRecords.sample("s-1");

        byte[] bytes = serializer.serialize(TOPIC, sample);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(newerId);
        assertThat(serde(TrainingSample.class).deserializer().deserialize(TOPIC, bytes)).isEqualTo(sample);
    }

    @Test
    void contradictoryOrMissingSettingsAreConfigErrors() {
        SpecificAvroSerde<TrainingSample> serde = new SpecificAvroSerde<>(TrainingSample.class);
        assertThatThrownBy(() -> serde.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url is required");
        assertThatThrownBy(() -> serde.configure(Map.of("schema.registry.url", "ftp://x"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected an http://, https:// or mock:// URL");
        assertThatThrownBy(() -> serde.configure(Map.of("schema.registry.url", "mock://a", "use.latest.version", "true"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs auto.register.schemas=false");
        assertThatThrownBy(() -> serde.configure(Map.of("schema.registry.url", "mock://a", "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected true or false");
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
