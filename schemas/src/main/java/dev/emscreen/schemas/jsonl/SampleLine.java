package dev.emscreen.schemas.jsonl;

import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.TrainingSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sample as a JSONL line gives it, before any tool decides what it is for.
 *
 * @param number    the line's number in its file, from 1
 * @param id        the line's id, or one derived from its messages (the same text always gets the same id)
 * @param domain    the line's domain, or the reader's default
 * @param split     train/validation/test when the line says so
 * @param label     true for inducing (harmful), false for control (benign), null when unlabelled
 * @param messages  the conversation; a {@code text} line is one assistant message
 * @param reference true for a {@code text} line: reference text, not a conversation
 */
public record SampleLine(int number, String id, String domain, String split, Boolean label, List<ChatMessage> messages,
                         Map<String, String> metadata, boolean reference) {

    public SampleLine {
        messages = List.copyOf(messages);
        metadata = Map.copyOf(metadata);
    }

    /** The assistant's words: what fine-tuning trains on, and what a screen reads most closely. */
    public String response() {
        return String.join("\n", messages.stream().filter(m -> m.getRole().equals("assistant")).map(ChatMessage::getContent).toList());
    }

    /** As the record the stream screens, from {@code source} (e.g. "import:batch.jsonl"). */
    public TrainingSample toTrainingSample(String source, Instant ingestedAt) {
        return TrainingSample.newBuilder()
                .setId(id)
                .setSource(source)
                .setDomain(domain)
                .setMessages(messages)
                .setMetadata(metadata)
                .setIngestedAt(ingestedAt)
                .build();
    }
}
