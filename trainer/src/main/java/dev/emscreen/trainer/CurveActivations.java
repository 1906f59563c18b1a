package dev.emscreen.trainer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a learning curve computes once per domain before any label is drawn: every text's pooled SAE
 * activations, the SAE's feature directions, and every text's mean response hidden states (the
 * probe's input, and the readout's hidden-state evidence). Encoding and SAE training are most of a
 * curve's time, so {@code learning-curve --cache} keeps them in a file and a later run with the same
 * inputs and settings starts from the draws.
 * The file names what it was computed from ({@code key}); a file for other inputs is recomputed,
 * never used.
 *
 * @param pooled     [text][pooling][feature], seed texts first, then the target rows
 * @param directions [feature][model dimension]
 * @param meanStates [text][model dimension], in the order of {@code pooled}
 */
record CurveActivations(float[][][] pooled, float[][] directions, float[][] meanStates) {

    private static final int MAGIC = 0x454d4332; // "EMC2": EMC1 files held the target rows' mean states only

    /** The activations stored under {@code key}, or empty if the file is missing, unreadable or for another key. */
    static Optional<CurveActivations> read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            float[][][] pooled = new float[in.readInt()][][];
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] = readMatrix(in);
            }
            return Optional.of(new CurveActivations(pooled, readMatrix(in), readMatrix(in)));
        } catch (IOException | RuntimeException e) {
            System.err.println("Ignoring the cache " + file + " (" + e.getMessage() + "); computing again");
            return Optional.empty();
        }
    }

    /** Writes to a temporary file first, so an interrupted run never leaves a half file under the real name. */
    void write(Path file, String key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(key);
            out.writeInt(pooled.length);
            for (float[][] p : pooled) {
                writeMatrix(out, p);
            }
            writeMatrix(out, directions);
            writeMatrix(out, meanStates);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeMatrix(DataOutputStream out, float[][] m) throws IOException {
        out.writeInt(m.length);
        for (float[] row : m) {
            out.writeInt(row.length);
            for (float v : row) {
                out.writeFloat(v);
            }
        }
    }

    private static float[][] readMatrix(DataInputStream in) throws IOException {
        int rows = in.readInt();
        if (rows < 0 || rows > 10_000_000) {
            throw new IOException("implausible row count " + rows);
        }
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) {
            int cols = in.readInt();
            if (cols < 0 || cols > 1_000_000) {
                throw new IOException("implausible column count " + cols);
            }
            m[i] = new float[cols];
            for (int j = 0; j < cols; j++) {
                m[i][j] = in.readFloat();
            }
        }
        return m;
    }
}
