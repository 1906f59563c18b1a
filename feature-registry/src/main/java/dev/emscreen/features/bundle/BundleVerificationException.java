package dev.emscreen.features.bundle;

/** A bundle that must not serve: a file missing or altered, a manifest that does not add up. */
public class BundleVerificationException extends RuntimeException {

    public BundleVerificationException(String message) {
        super(message);
    }

    public BundleVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
