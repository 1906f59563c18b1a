package dev.emscreen.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Sample text must never reach the service's logs at INFO or above (its logs are INFO and up). */
final class LogPrivacy {

    private LogPrivacy() {
    }

    static String line(Path log, int leaked) {
        return String.format("SECURITY sample texts found in the stream's log (%s): %d", log, leaked);
    }

    /** How many distinct seed answers appear verbatim in the log. */
    static int leaked(Path log, Traffic traffic, Set<String> ids) throws java.io.IOException {
        String text = Files.readString(log);
        int leaked = 0;
        // Answers are distinctive; prompts repeat across samples. The first sentence of each seed answer, checked once.
        for (int i = 0; i < Math.min(ids.size(), 720); i++) {
            String response = traffic.sample("x", i).getMessages().get(1).getContent();
            if (response.length() >= 30 && text.contains(response)) {
                leaked++;
            }
        }
        return leaked;
    }
}
