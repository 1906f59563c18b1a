package dev.emscreen.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record names a schema id the registry does not have. Kept apart from other bad bytes so a
 * dead-letter queue can say which it was; a registry that cannot be reached is not this (that is
 * a transient failure and must not dead-letter good records).
 */
public class UnknownSchemaException extends SerializationException {

    public UnknownSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
