package dev.emscreen.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A decoder that refuses strings that are not valid UTF-8 and lengths longer than the payload.
 * Avro on its own replaces bad bytes with U+FFFD, which would let corrupt text reach the encoder
 * looking like real text (a damaged sample must go to the dead-letter topic instead), and allocates
 * whatever length a corrupt record claims before finding the bytes missing.
 */
final class StrictUtf8Decoder extends Decoder {

    private final Decoder in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final int payloadLength;

    StrictUtf8Decoder(Decoder in, int payloadLength) {
        this.in = in;
        this.payloadLength = payloadLength;
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        byte[] bytes = new byte[checkedLength("string")];
        in.readFixed(bytes, 0, bytes.length);
        try {
            utf8.reset().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AvroTypeException("String field holds invalid UTF-8 (" + bytes.length + " bytes)");
        }
        return new Utf8(bytes);
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        byte[] bytes = new byte[checkedLength("bytes")];
        in.readFixed(bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes);
    }

    /** Strings and bytes are a varint length then the bytes, so no length can exceed the payload. */
    private int checkedLength(String what) throws IOException {
        long length = in.readLong();
        if (length < 0 || length > payloadLength) {
            throw new AvroTypeException("A " + what + " field claims " + length + " bytes in a payload of "
                    + payloadLength + ": corrupt record");
        }
        return (int) length;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    // Everything else passes straight through.

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    @Override
    public void skipString() throws IOException {
        in.skipString();
    }

    @Override
    public void skipBytes() throws IOException {
        in.skipBytes();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        in.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        in.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return in.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return in.readArrayStart();
    }

    @Override
    public long arrayNext() throws IOException {
        return in.arrayNext();
    }

    @Override
    public long skipArray() throws IOException {
        return in.skipArray();
    }

    @Override
    public long readMapStart() throws IOException {
        return in.readMapStart();
    }

    @Override
    public long mapNext() throws IOException {
        return in.mapNext();
    }

    @Override
    public long skipMap() throws IOException {
        return in.skipMap();
    }

    @Override
    public int readIndex() throws IOException {
        return in.readIndex();
    }
}
