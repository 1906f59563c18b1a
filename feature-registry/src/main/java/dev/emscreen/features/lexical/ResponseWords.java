package dev.emscreen.features.lexical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and word pairs of a response, as the learned readout and the naive Bayes baseline both
 * read them: lower-cased runs of letters, digits and underscores, then every adjacent pair joined by
 * a space. One definition, so the trainer fits on exactly the terms the stream scores.
 */
public final class ResponseWords {

    /** Responses longer than this are read up to it: a megabyte of text must not stall scoring. */
    public static final int MAX_CHARS = 20_000;

    private ResponseWords() {
    }

    /** Unigrams then bigrams, in text order, with repeats (counts matter to naive Bayes). */
    public static List<String> terms(String response) {
        List<String> words = words(response);
        List<String> terms = new ArrayList<>(words.size() * 2);
        terms.addAll(words);
        for (int i = 1; i < words.size(); i++) {
            terms.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return terms;
    }

    static List<String> words(String response) {
        List<String> words = new ArrayList<>();
        for (int[] span : wordSpans(response)) {
            words.add(response.substring(span[0], span[1]).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Where each word of {@link #terms} lies in the response, [start, end), in order: the console highlights by them. */
    public static List<int[]> wordSpans(String response) {
        List<int[]> spans = new ArrayList<>();
        if (response == null) {
            return spans;
        }
        int limit = Math.min(response.length(), MAX_CHARS);
        int start = -1;
        for (int i = 0; i < limit; ) {
            int cp = response.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(cp) || cp == '_';
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                spans.add(new int[] {start, i});
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            spans.add(new int[] {start, limit});
        }
        return spans;
    }
}
