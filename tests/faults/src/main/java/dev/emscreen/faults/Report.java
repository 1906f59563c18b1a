package dev.emscreen.faults;

import java.util.List;

/** A scenario's outcome: its FAULT line first, details after, and whether every check held. */
record Report(List<String> lines, boolean passed) {

    String faultLine() {
        return lines.get(0);
    }
}
