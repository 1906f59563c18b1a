package dev.emscreen.features.encoder;

import java.util.Arrays;

/** Applies the token limit: see {@link Truncation} for the rule. */
record TokenWindow(int limit, Truncation truncation) {

    record Tokens(long[] ids, boolean[] response, boolean truncated) {

        Tokens withSpecials(long cls, long sep) {
            long[] framed = new long[ids.length + 2];
            framed[0] = cls;
            System.arraycopy(ids, 0, framed, 1, ids.length);
            framed[framed.length - 1] = sep;
            boolean[] flags = new boolean[framed.length];
            System.arraycopy(response, 0, flags, 1, response.length);
            return new Tokens(framed, flags, truncated);
        }
    }

    Tokens fit(long[] ids, boolean[] response) {
        if (ids.length == 0) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.EMPTY_TEXT, "the text has no tokens");
        }
        if (ids.length <= limit) {
            return new Tokens(ids, response, false);
        }
        if (truncation == Truncation.REJECT) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.TOO_LONG,
                    ids.length + " tokens, over the limit of " + limit);
        }
        int firstResponse = 0;
        while (firstResponse < response.length && !response[firstResponse]) {
            firstResponse++;
        }
        // Drop the oldest prompt tokens first; the response starts the window if it is too long itself.
        int start = Math.min(firstResponse, ids.length - limit);
        int end = start + limit;
        return new Tokens(Arrays.copyOfRange(ids, start, end), Arrays.copyOfRange(response, start, end), true);
    }
}
