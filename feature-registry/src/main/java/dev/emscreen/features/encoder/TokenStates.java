package dev.emscreen.features.encoder;

/**
 * Hidden states of one text, a row per token, with which tokens belong to the response.
 *
 * @param hidden    [tokens][d_model]
 * @param response  true where the token lies inside an assistant message
 * @param truncated true when tokens were dropped to fit the encoder's limit
 * @param responseText the assistant's words in full ({@link ChatText#response()}), for lexical evidence
 * @param spans     each token's [start, end) in {@link ChatText#text()}, null for special tokens; the
 *                  console highlights a response's tokens by them
 */
public record TokenStates(float[][] hidden, boolean[] response, boolean truncated, String responseText, int[][] spans) {

    /** States whose tokens' places in the text are not known (cached states, tests). */
    public TokenStates(float[][] hidden, boolean[] response, boolean truncated, String responseText) {
        this(hidden, response, truncated, responseText, new int[hidden.length][]);
    }

    public int tokens() {
        return hidden.length;
    }

    public int responseTokens() {
        int n = 0;
        for (boolean r : response) {
            n += r ? 1 : 0;
        }
        return n;
    }
}
