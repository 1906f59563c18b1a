package dev.emscreen.features.sae;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.emscreen.records.SaeArchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes SAE weights. Reads Gemma Scope's {@code params.npz} and SAELens-style
 * {@code .safetensors} (names W_enc, W_dec, b_enc, b_dec, and threshold for JumpReLU); writes
 * safetensors. A missing name or a shape that does not fit is an error naming both.
 */
public final class SaeFiles {

    private SaeFiles() {
    }

    /** The device SAE work runs on: the first GPU if the engine sees one, else the CPU. */
    public static Device device() {
        return Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public static void write(SparseAutoencoder sae, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            sae.namedWeights().encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    /**
     * Loads an SAE. A file with a threshold is JumpReLU; one without is TopK and needs {@code k} > 0.
     */
    public static SparseAutoencoder read(Path file, int k) throws IOException {
        NDManager manager = NDManager.newBaseManager(device(), "PyTorch");
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray array : list) {
                byName.put(array.getName(), array.toType(DataType.FLOAT32, false));
            }
            return assemble(manager, byName, k, file);
        } catch (RuntimeException | IOException e) {
            manager.close();
            if (e instanceof SaeFormatException) {
                throw e;
            }
            throw new SaeFormatException("Cannot read SAE weights from " + file + ": " + e.getMessage(), e);
        }
    }

    private static SparseAutoencoder assemble(NDManager manager, Map<String, NDArray> w, int k, Path file) {
        for (String name : new String[] {"W_enc", "W_dec", "b_enc", "b_dec"}) {
            if (!w.containsKey(name)) {
                throw new SaeFormatException(file + " has no '" + name + "' array (found " + w.keySet()
                        + "); expected W_enc [d_model, d_sae], W_dec [d_sae, d_model], b_enc [d_sae], b_dec [d_model]");
            }
        }
        long dModel = w.get("W_enc").getShape().get(0);
        long dSae = w.get("W_enc").getShape().get(1);
        expect(file, "W_dec", w.get("W_dec"), dSae, dModel);
        expect(file, "b_enc", w.get("b_enc"), dSae);
        expect(file, "b_dec", w.get("b_dec"), dModel);
        NDArray threshold = w.get("threshold");
        if (threshold != null) {
            expect(file, "threshold", threshold, dSae);
            return new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, w.get("W_enc"), w.get("b_enc"),
                    w.get("W_dec"), w.get("b_dec"), threshold);
        }
        if (k <= 0 || k > dSae) {
            throw new SaeFormatException(file + " is a TopK SAE (no threshold) and needs k in 1.." + dSae + ", got " + k);
        }
        return new SparseAutoencoder(manager, SaeArchitecture.TOPK, k, w.get("W_enc"), w.get("b_enc"),
                w.get("W_dec"), w.get("b_dec"), null);
    }

    private static void expect(Path file, String name, NDArray array, long... shape) {
        if (!java.util.Arrays.equals(array.getShape().getShape(), shape)) {
            throw new SaeFormatException(file + ": '" + name + "' has shape " + array.getShape() + ", expected "
                    + java.util.Arrays.toString(shape) + " to match W_enc " + "[d_model, d_sae]");
        }
    }
}
