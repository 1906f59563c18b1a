package dev.emscreen.stream.topology;

import dev.emscreen.features.encoder.UnscreenableTextException;

/** Why a record went to the dead-letter topic; the value of its {@value DeadLetters#REASON} header. */
public enum DeadLetterReason {
    /** Not a record of the expected type: wrong magic byte, truncated or corrupt Avro, invalid UTF-8. */
    UNDECODABLE,
    /** Names a schema id the registry does not know. */
    UNKNOWN_SCHEMA,
    /** No text at all. */
    EMPTY_TEXT,
    /** No assistant message: nothing a fine-tune would learn, nothing to screen. */
    NO_RESPONSE,
    /** Over the character limit, or over the token limit when the policy is REJECT. */
    TOO_LONG,
    /** The encoder failed on this record alone. */
    ENCODER_FAILURE,
    /** A sample without an id cannot be traced or reviewed. */
    MISSING_ID,
    /** A review decision for a sample that is not waiting for review. */
    UNKNOWN_SAMPLE,
    /** A second review decision that contradicts the first. */
    CONFLICTING_DECISION;

    /** Why bytes could not be decoded: a schema id the registry lacks, or anything else wrong with them. */
    public static DeadLetterReason of(org.apache.kafka.common.errors.SerializationException decodeFailure) {
        return decodeFailure instanceof dev.emscreen.schemas.serde.UnknownSchemaException ? UNKNOWN_SCHEMA : UNDECODABLE;
    }

    static DeadLetterReason of(UnscreenableTextException.Reason reason) {
        return switch (reason) {
            case EMPTY_TEXT -> EMPTY_TEXT;
            case NO_RESPONSE -> NO_RESPONSE;
            case TOO_LONG -> TOO_LONG;
            case ENCODER_FAILURE -> ENCODER_FAILURE;
        };
    }
}
