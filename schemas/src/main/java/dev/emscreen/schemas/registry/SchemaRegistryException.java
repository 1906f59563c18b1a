package dev.emscreen.schemas.registry;

/**
 * A refusal or failure of the schema registry, with Confluent's HTTP status and error code
 * (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema...).
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE = 409;
    public static final int UNREACHABLE = -1;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
