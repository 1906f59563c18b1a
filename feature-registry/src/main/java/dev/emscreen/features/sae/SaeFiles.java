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

    /**
     * The device model work runs on: the first GPU if the engine sees one, else the CPU; the CPU always
     * when the system property {@value #DEVICE_PROPERTY} (or the environment's EMSCREEN_DEVICE) is "cpu",
     * so the same scores can be computed on both and compared ({@code evaluate --compare-cpu}).
     */
    public static Device device() {
        return !cpuForced() && Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** Forces model work onto the CPU: "cpu"; anything else lets a GPU be used where there is one. */
    public static final String DEVICE_PROPERTY = "emscreen.device";

    public static boolean cpuForced() {
        String forced = System.getProperty(DEVICE_PROPERTY, System.getenv().getOrDefault("EMSCREEN_DEVICE", ""));
        return "cpu".equalsIgnoreCase(forced.trim());
    }

    /** A device as logs, readiness data and metrics name it: "cpu" or "cuda:N". */
    public static String name(Device device) {
        return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
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
        return read(file, (manager, w) -> assemble(manager, w, k, file));
    }

    /** What an SAE is made of once its arrays are read: the arrays by name, on the SAE's manager. */
    interface Assembler {
        SparseAutoencoder assemble(NDManager manager, Map<String, NDArray> byName);
    }

    /**
     * Reads the arrays of {@code file} (npz or safetensors, any float type, as float32) and hands them
     * to {@code assembler}; on any failure the arrays are freed and the error names the file.
     */
    static SparseAutoencoder read(Path file, Assembler assembler) throws IOException {
        NDManager manager = NDManager.newBaseManager(device(), "PyTorch");
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray array : list) {
                byName.put(array.getName(), array.toType(DataType.FLOAT32, false));
            }
            return assembler.assemble(manager, byName);
        } catch (RuntimeException | IOException e) {
            manager.close();
            if (e instanceof SaeFormatException) {
                throw e;
            }
            throw new SaeFormatException("Cannot read SAE weights from " + file + ": " + e.getMessage(), e);
        }
    }

    private static SparseAutoencoder assemble(NDManager manager, Map<String, NDArray> w, int k, Path file) {
        long[] shape = checkShapes(w, file);
        long dSae = shape[1];
        NDArray threshold = w.get("threshold");
        if (threshold != null) {
            return new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, w.get("W_enc"), w.get("b_enc"),
                    w.get("W_dec"), w.get("b_dec"), threshold);
        }
        if (k <= 0 || k > dSae) {
            throw new SaeFormatException(file + " is a TopK SAE (no threshold) and needs k in 1.." + dSae + ", got " + k);
        }
        return new SparseAutoencoder(manager, SaeArchitecture.TOPK, k, w.get("W_enc"), w.get("b_enc"),
                w.get("W_dec"), w.get("b_dec"), null);
    }

    /** Checks the four arrays every SAE has (and threshold, if present) fit together; returns {d_model, d_sae}. */
    static long[] checkShapes(Map<String, NDArray> w, Path file) {
        for (String name : new String[] {"W_enc", "W_dec", "b_enc", "b_dec"}) {
            if (!w.containsKey(name)) {
                throw new SaeFormatException(file + " has no '" + name + "' array (found " + w.keySet()
                        + "); expected W_enc [d_model, d_sae], W_dec [d_sae, d_model], b_enc [d_sae], b_dec [d_model]");
            }
        }
        if (w.get("W_enc").getShape().dimension() != 2) {
            throw new SaeFormatException(file + ": 'W_enc' has shape " + w.get("W_enc").getShape() + ", expected [d_model, d_sae]");
        }
        long dModel = w.get("W_enc").getShape().get(0);
        long dSae = w.get("W_enc").getShape().get(1);
        expect(file, "W_dec", w.get("W_dec"), dSae, dModel);
        expect(file, "b_enc", w.get("b_enc"), dSae);
        expect(file, "b_dec", w.get("b_dec"), dModel);
        if (w.containsKey("threshold")) {
            expect(file, "threshold", w.get("threshold"), dSae);
        }
        return new long[] {dModel, dSae};
    }

    private static void expect(Path file, String name, NDArray array, long... shape) {
        if (!java.util.Arrays.equals(array.getShape().getShape(), shape)) {
            throw new SaeFormatException(file + ": '" + name + "' has shape " + array.getShape() + ", expected "
                    + java.util.Arrays.toString(shape) + " to match W_enc " + "[d_model, d_sae]");
        }
    }
}
