package dev.emscreen.trainer;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people type them on a command line: 30m, 24h, 7d, or ISO-8601 (PT30M, P7D). */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30m, 24h, 7d or PT30M", e);
        }
    }
}
