package dev.emscreen.schemas.serde;

import dev.emscreen.schemas.registry.RegisteredSchema;
import dev.emscreen.schemas.registry.SchemaRegistryClient;
import dev.emscreen.schemas.registry.SchemaRegistryClients;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes generated Avro records in the Confluent wire format. */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    private final Map<String, Integer> lookedUpIds = new ConcurrentHashMap<>();

    public SpecificAvroSerializer(Class<T> type) {
        this(type, null);
    }

    /** With a client given here, {@code schema.registry.url} is not needed in the configuration. */
    public SpecificAvroSerializer(Class<T> type, SchemaRegistryClient registry) {
        this.schema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("Serializer used before configure()");
        }
        String subject = SubjectNames.of(topic, isKey);
        try {
            if (config.useLatestVersion()) {
                RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, registry::latest);
                return frame(latest.id(), latest.schema().equals(schema) ? encode(data) : encodeAs(data, latest));
            }
            int id = config.autoRegisterSchemas()
                    ? registry.register(subject, schema)
                    : lookedUpIds.computeIfAbsent(subject, s -> registry.lookup(s, schema).id());
            return frame(id, encode(data));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic '" + topic
                    + "' (subject " + subject + "): " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    private byte[] encode(T data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Re-encodes a record with the subject's latest schema, resolving fields by name as a reader would. */
    private byte[] encodeAs(T data, RegisteredSchema latest) {
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("use.latest.version: the latest schema of " + latest.subject() + " (id "
                    + latest.id() + ") cannot hold a " + schema.getFullName() + ": " + compatibility.getDescription());
        }
        try {
            byte[] own = encode(data);
            Object resolved = new GenericDatumReader<>(schema, latest.schema())
                    .read(null, DecoderFactory.get().binaryDecoder(own, null));
            ByteArrayOutputStream out = new ByteArrayOutputStream(own.length + 16);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<>(latest.schema()).write(resolved, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("Cannot re-encode with the latest schema: " + e.getMessage(), e);
        }
    }

    private static byte[] frame(int id, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(WireFormat.HEADER_SIZE + payload.length);
        WireFormat.writeHeader(buffer, id);
        return buffer.put(payload).array();
    }
}
