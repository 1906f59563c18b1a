package dev.emscreen.features.sae;

/** SAE weights that cannot be used: a missing array, a wrong shape, an unreadable file. */
public class SaeFormatException extends RuntimeException {

    public SaeFormatException(String message) {
        super(message);
    }

    public SaeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
