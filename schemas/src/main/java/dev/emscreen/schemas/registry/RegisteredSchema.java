package dev.emscreen.schemas.registry;

import org.apache.avro.Schema;

/** A schema as the registry holds it: under a subject, with a global id and a per-subject version. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
