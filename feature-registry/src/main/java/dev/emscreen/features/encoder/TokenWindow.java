package dev.emscreen.features.encoder;

import java.util.Arrays;

/** Applies the token limit: see {@link Truncation} for the rule. */
record TokenWindow(int limit, Truncation truncation) {

    /** @param spans each token's [start, end) in the chat text; null for the specials the encoder adds */
    record Tokens(long[] ids, boolean[] response, boolean truncated, int[][] spans) {

        Tokens withSpecials(long cls, long sep) {
            long[] framed = new long[ids.length + 2];
            framed[0] = cls;
            System.arraycopy(ids, 0, framed, 1, ids.length);
            framed[framed.length - 1] = sep;
            boolean[] flags = new boolean[framed.length];
            System.arraycopy(response, 0, flags, 1, response.length);
            int[][] framedSpans = new int[framed.length][];
            System.arraycopy(spans, 0, framedSpans, 1, spans.length);
            return new Tokens(framed, flags, truncated, framedSpans);
        }
    }

    /** As {@link #fit(long[], boolean[], int[][])} for tokens whose places in the text are not needed. */
    Tokens fit(long[] ids, boolean[] response) {
        return fit(ids, response, new int[ids.length][]);
    }

    Tokens fit(long[] ids, boolean[] response, int[][] spans) {
        if (ids.length == 0) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.EMPTY_TEXT, "the text has no tokens");
        }
        if (ids.length <= limit) {
            return new Tokens(ids, response, false, spans);
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
        return new Tokens(Arrays.copyOfRange(ids, start, end), Arrays.copyOfRange(response, start, end), true,
                Arrays.copyOfRange(spans, start, end));
    }
}
