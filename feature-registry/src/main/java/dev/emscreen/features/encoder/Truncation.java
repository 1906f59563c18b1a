package dev.emscreen.features.encoder;

/**
 * What happens to a text longer than the encoder's token limit.
 * TRUNCATE keeps the response whole and drops the oldest prompt tokens first; if the response
 * alone is too long, its tail is dropped. The result is flagged as truncated. REJECT refuses it.
 */
public enum Truncation { TRUNCATE, REJECT }
