package dev.emscreen.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries beside its original key and value: why it was refused and
 * where it came from. The stream writes them; the tools read them.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "emscreen.dlq.reason";
    public static final String ERROR = "emscreen.dlq.error";
    public static final String TOPIC = "emscreen.dlq.topic";
    public static final String PARTITION = "emscreen.dlq.partition";
    public static final String OFFSET = "emscreen.dlq.offset";

    private DeadLetterHeaders() {
    }

    /** The topic the dead letter was read from, or null when the header is missing. */
    public static String sourceTopic(Headers headers) {
        return text(headers, TOPIC);
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
