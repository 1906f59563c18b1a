package dev.emscreen.stream.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A sample waiting in the batch buffer, exactly as it arrived: the original bytes (so a dead
 * letter can carry them), headers and where it came from. Stored in a changelogged store, so a
 * buffered sample survives a crash with its offset already committed.
 */
public record PendingSample(byte[] key, byte[] value, Headers headers, String topic, int partition, long offset,
                            long timestamp) {

    /** The record being processed, as it arrived. */
    public static PendingSample of(org.apache.kafka.streams.processor.api.Record<byte[], byte[]> record,
                            org.apache.kafka.streams.processor.api.RecordMetadata meta) {
        return new PendingSample(record.key(), record.value(), record.headers(), meta.topic(), meta.partition(), meta.offset(),
                record.timestamp());
    }

    public static Serde<PendingSample> serde() {
        Serializer<PendingSample> serializer = (topic, pending) -> pending == null ? null : pending.toBytes();
        Deserializer<PendingSample> deserializer = (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1); // format version
            writeBytes(out, key);
            writeBytes(out, value);
            Header[] all = headers.toArray();
            out.writeInt(all.length);
            for (Header header : all) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
            out.writeUTF(topic);
            out.writeInt(partition);
            out.writeLong(offset);
            out.writeLong(timestamp);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PendingSample fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format != 1) {
                throw new IllegalStateException("Buffered sample in unknown format " + format);
            }
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            int count = in.readInt();
            List<Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add(new RecordHeader(in.readUTF(), readBytes(in)));
            }
            return new PendingSample(key, value, new RecordHeaders(headers), in.readUTF(), in.readInt(), in.readLong(),
                    in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
