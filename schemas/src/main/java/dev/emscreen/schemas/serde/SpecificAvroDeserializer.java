package dev.emscreen.schemas.serde;

import dev.emscreen.schemas.registry.SchemaRegistryClient;
import dev.emscreen.schemas.registry.SchemaRegistryClients;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format records into generated Avro classes, resolving the writer's schema
 * (looked up by id) against this class's schema. Anything that is not a whole, valid record of a
 * compatible schema is a {@link SerializationException} that names the topic and the cause; the
 * consumer adds partition and offset when it wraps it.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();
    private final SpecificData model;

    public SpecificAvroDeserializer(Class<T> type) {
        this(type, null);
    }

    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.model = modelFor(type);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : deserialize(topic, ByteBuffer.wrap(data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return data == null ? null : deserialize(topic, data.duplicate());
    }

    private T deserialize(String topic, ByteBuffer buffer) {
        if (registry == null) {
            throw new IllegalStateException("Deserializer used before configure()");
        }
        int id = WireFormat.readHeader(buffer, topic);
        SpecificDatumReader<T> reader = readersById.computeIfAbsent(id, key -> readerFor(topic, key));
        int length = buffer.remaining();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(buffer.array(),
                buffer.arrayOffset() + buffer.position(), length, null);
        try {
            T record = reader.read(null, new StrictUtf8Decoder(decoder, length));
            if (!decoder.isEnd()) {
                throw new SerializationException(prefix(topic, id) + "bytes left over after the record: the payload is not "
                        + "one " + readerSchema.getName() + " of schema id " + id);
            }
            return record;
        } catch (SerializationException e) {
            throw e;
        } catch (EOFException e) {
            throw new SerializationException(prefix(topic, id) + "the Avro payload ends early (" + length
                    + " bytes after the header): truncated record", e);
        } catch (Exception | OutOfMemoryError e) {
            // Corrupt bytes surface from Avro as many exception types (negative lengths, bad union
            // indexes, invalid UTF-8...); all mean the same thing to the caller.
            throw new SerializationException(prefix(topic, id) + "corrupt Avro payload: " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(String topic, int id) {
        Schema writerSchema;
        try {
            writerSchema = registry.getById(id);
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e; // unreachable or failing registry: the record may be fine, so it must be retried, not dead-lettered
            }
            throw new UnknownSchemaException(prefix(topic, id) + "schema id " + id + " is unknown to the schema registry "
                    + registry.describe() + " (" + e.getMessage() + ")", e);
        }
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException(prefix(topic, id) + "it was written with schema id " + id + " ("
                    + writerSchema.getFullName() + "), which cannot be read as " + readerSchema.getFullName() + ": "
                    + compatibility.getResult().getIncompatibilities().stream()
                            .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")").toList());
        }
        return new SpecificDatumReader<>(writerSchema, readerSchema, model);
    }

    private String prefix(String topic, int id) {
        return "Cannot deserialize a " + readerSchema.getName() + " from topic '" + topic + "' (schema id " + id + "): ";
    }

    /**
     * The generated class's own model (its logical-type conversions), but resolving record classes
     * through the class's loader rather than the thread's: under a framework with its own class
     * loaders (Quarkus tests, application servers) the thread's loader can hold a second copy of
     * the class, and Avro would then build records the caller cannot use.
     */
    private static SpecificData modelFor(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }
}
