package dev.emscreen.schemas.serde;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing: magic byte 0, the writer schema's registry id as 4 big-endian bytes, then
 * the Avro binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed record; the buffer is left at the start of the Avro payload. */
    public static int readHeader(ByteBuffer buffer, String topic) {
        if (buffer.remaining() < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': it is "
                    + buffer.remaining() + " bytes long, shorter than the " + HEADER_SIZE
                    + "-byte Confluent wire-format header (magic byte + schema id)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("Cannot deserialize a record of topic '" + topic + "': unknown magic byte 0x"
                    + HexFormat.of().toHexDigits(magic) + " (expected 0x00 of the Confluent wire format); first bytes: "
                    + preview(buffer.duplicate().position(buffer.position() - 1)));
        }
        return buffer.getInt();
    }

    public static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE).putInt(schemaId);
    }

    private static String preview(ByteBuffer buffer) {
        byte[] head = new byte[Math.min(16, buffer.remaining())];
        buffer.get(head);
        return HexFormat.ofDelimiter(" ").formatHex(head);
    }
}
