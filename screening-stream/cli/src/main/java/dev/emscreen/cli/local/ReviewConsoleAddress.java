package dev.emscreen.cli.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Tells people where the review console is and how to sign in: the first annotator's password is
 * shown once, when the stack creates it; after that only the file that holds the annotators is named
 * (passwords do not belong in logs that outlive the terminal).
 */
final class ReviewConsoleAddress {

    private ReviewConsoleAddress() {
    }

    static void print(LocalStack stack, int httpPort) throws IOException {
        Map<String, String> annotators = stack.annotators();
        Path file = stack.annotatorsFile();
        System.out.printf("Review console: http://localhost:%d/review/", httpPort);
        if (annotators.isEmpty()) {
            System.out.printf(" (no annotators yet: add name=password lines to %s and restart)%n", file);
        } else if (stack.annotatorsCreated() && annotators.containsKey(LocalStack.FIRST_ANNOTATOR)) {
            System.out.printf(" (sign in as %s, password %s; shown only on the run that creates it; kept in %s, a line per annotator)%n",
                    LocalStack.FIRST_ANNOTATOR, annotators.get(LocalStack.FIRST_ANNOTATOR), file);
        } else {
            System.out.printf(" (sign in with a name=password line of %s)%n", file);
        }
    }
}
