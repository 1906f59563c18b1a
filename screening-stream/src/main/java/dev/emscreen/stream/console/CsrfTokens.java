package dev.emscreen.stream.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a signed-in annotator's page sends with every change (header {@value #HEADER}). Another
 * site can make the browser send the session cookie, but cannot read the token: it is served only
 * to the console's own page, as JSON, and the session cookie is SameSite=Strict as well.
 */
final class CsrfTokens {

    static final String HEADER = "X-CSRF-Token";

    private final byte[] key;

    CsrfTokens(String configuredKey) {
        if (configuredKey == null || configuredKey.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else if (configuredKey.length() < 16) {
            throw new IllegalArgumentException("emscreen.review.csrf-key must be at least 16 characters");
        } else {
            key = configuredKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    String tokenFor(String annotator) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(annotator.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean valid(String annotator, String token) {
        return token != null && MessageDigest.isEqual(tokenFor(annotator).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
