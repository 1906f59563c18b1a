package dev.emscreen.schemas;

import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** A topic whose values are Avro records of one type, keyed by a string (the sample id or version). */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    /** A value serde for this topic, configured from serde properties ({@code schema.registry.url}...). */
    public SpecificAvroSerde<V> valueSerde(Map<String, ?> serdeConfig) {
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(valueType);
        serde.configure(serdeConfig, false);
        return serde;
    }

    /** The same record type on a topic of another name (topic names are configurable per deployment). */
    public Topic<V> renamed(String newName) {
        return new Topic<>(newName, valueType);
    }
}
