package dev.emscreen.schemas.registry;

import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Confluent's compatibility levels, with the check each one makes. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    public static CompatibilityLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + text + "'; expected one of "
                    + List.of(values()), e);
        }
    }

    /**
     * Problems that stop {@code candidate} following {@code registered} (oldest first); empty when it may.
     * Non-transitive levels compare with the newest registered version only, as the registry does.
     */
    public List<String> problems(Schema candidate, List<Schema> registered) {
        if (this == NONE || registered.isEmpty()) {
            return List.of();
        }
        boolean transitive = name().endsWith("_TRANSITIVE");
        List<Schema> against = transitive ? registered : List.of(registered.get(registered.size() - 1));
        boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
        boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
        return against.stream().flatMap(old -> {
            var found = new java.util.ArrayList<String>();
            if (backward) {
                found.addAll(incompatibilities(candidate, old, "new schema cannot read data written with"));
            }
            if (forward) {
                found.addAll(incompatibilities(old, candidate, "data written with the new schema cannot be read by"));
            }
            return found.stream();
        }).toList();
    }

    private static List<String> incompatibilities(Schema reader, Schema writer, String what) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream()
                .map(i -> what + " an earlier version: " + i.getType() + " at " + i.getLocation()
                        + " (" + i.getMessage() + ")")
                .toList();
    }
}
