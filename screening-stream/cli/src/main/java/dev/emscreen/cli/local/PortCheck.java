package dev.emscreen.cli.local;

import java.util.List;

/** Fails before anything starts when a port the stack needs is taken: a clear message, not a half-started stack. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(List<Integer> ports, String who) {
        List<Integer> busy = ports.stream().filter(ChildProcess::listening).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException(who + ": port(s) " + busy + " are in use; stop what holds them (another "
                    + "./emscreen stream or demo?) or choose others (--help)");
        }
    }
}
