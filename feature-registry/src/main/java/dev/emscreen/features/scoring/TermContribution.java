package dev.emscreen.features.scoring;

/**
 * A word or word pair of the response and what it added to the learned readout's log-odds.
 *
 * @param count        how often the term occurs in the response
 * @param contribution the term's weight × its count, or × 1 when the set counts terms once per response
 *                     ({@link Readout.TermCounting})
 */
public record TermContribution(String term, int count, double contribution) {
}
