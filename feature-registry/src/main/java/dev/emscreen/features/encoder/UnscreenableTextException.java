package dev.emscreen.features.encoder;

/** A sample the encoder cannot screen, with a reason a router can act on (dead-letter, flag...). */
public class UnscreenableTextException extends RuntimeException {

    public enum Reason { EMPTY_TEXT, NO_RESPONSE, TOO_LONG, ENCODER_FAILURE }

    private final Reason reason;

    public UnscreenableTextException(Reason reason, String message) {
        this(reason, message, null);
    }

    public UnscreenableTextException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
