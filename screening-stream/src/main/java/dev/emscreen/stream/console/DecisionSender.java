package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewDecision;

/** Publishes a ruling on the decisions topic, where the stream's join routes the sample. */
public interface DecisionSender {

    /** Returns once the broker has the decision; throws if it could not be sent (the desk retries). */
    void send(ReviewDecision decision) throws Exception;
}
