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
        if (response == null) {
            return words;
        }
        String text = response.length() > MAX_CHARS ? response.substring(0, MAX_CHARS) : response;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
