package dev.emscreen.stream.topology;

import static dev.emscreen.schemas.DeadLetterHeaders.ERROR;
import static dev.emscreen.schemas.DeadLetterHeaders.OFFSET;
import static dev.emscreen.schemas.DeadLetterHeaders.PARTITION;
import static dev.emscreen.schemas.DeadLetterHeaders.REASON;
import static dev.emscreen.schemas.DeadLetterHeaders.TOPIC;

import dev.emscreen.stream.ops.ScreeningMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters keep the original key, value and headers, and add why and where from, so a record
 * can be inspected, fixed and replayed without guessing. The header names are in
 * {@link dev.emscreen.schemas.DeadLetterHeaders}, shared with the tools that read the dead-letter topic.
 */
public final class DeadLetters {

    /** Error texts are cut here: a header must not grow a record past the broker's size limit. */
    private static final int MAX_ERROR_CHARS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static Record<byte[], byte[]> of(PendingSample original, DeadLetterReason reason, String error) {
        Headers headers = new RecordHeaders(original.headers().toArray());
        for (String name : new String[] {REASON, ERROR, TOPIC, PARTITION, OFFSET}) {
            headers.remove(name); // a replayed dead letter gets today's reason, not yesterday's
        }
        headers.add(REASON, utf8(reason.name()));
        headers.add(ERROR, utf8(error == null ? reason.name()
                : error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "..." : error));
        headers.add(TOPIC, utf8(original.topic()));
        headers.add(PARTITION, utf8(Integer.toString(original.partition())));
        headers.add(OFFSET, utf8(Long.toString(original.offset())));
        return new Record<>(original.key(), original.value(), original.timestamp(), headers);
    }

    /**
     * Counts the dead letter, logs where it came from and why (never its text: the detail, which
     * may quote bytes, only at DEBUG), and forwards it to the dead-letter sink.
     */
    public static void send(ProcessorContext<Object, Object> context, ScreeningMetrics metrics, PendingSample original,
                     DeadLetterReason reason, String error) {
        LOG.warn("Dead-lettered {}:{}@{}: {}", original.topic(), original.partition(), original.offset(), reason);
        LOG.debug("Dead-letter detail for {}:{}@{}: {}", original.topic(), original.partition(), original.offset(), error);
        metrics.deadLettered(reason);
        context.forward(of(original, reason, error), ScreeningTopology.SINK_DLQ);
    }

    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
