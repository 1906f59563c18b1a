package dev.emscreen.features.bundle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.emscreen.features.sae.SaeFiles;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.ProximityScorer;
import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.features.scoring.Routing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feature set on disk: {@code manifest.json}, the SAE weights and the proximity vector, each
 * file named with its sha256 in the manifest. Loading checks every hash and the version (a hash
 * of the manifest) before anything serves; a bundle that fails is refused whole.
 */
public final class FeatureSetBundle {

    public static final String MANIFEST = "manifest.json";
    public static final String SAE_FILE = "sae.safetensors";
    public static final String PROXIMITY_FILE = "proximity.safetensors";
    /** The learned readout's weights, in sets built from labels (scorer READOUT). */
    public static final String READOUT_FILE = "readout.json";
    /** A TorchScript encoder travels inside its bundle, so the set is whole on its own. */
    public static final String ENCODER_MODEL_FILE = "encoder-model.pt";
    public static final String ENCODER_TOKENIZER_FILE = "encoder-tokenizer.json";
    /** A language model as ONNX (kind ONNX_LM), and the weights of one over 2 GB, which ONNX keeps beside it under this name. */
    public static final String ENCODER_ONNX_FILE = "encoder-model.onnx";
    public static final String ENCODER_ONNX_DATA_FILE = "encoder-model.onnx.data";
    /** The language model's chat template and special tokens (dev.emscreen.features.encoder.ChatTemplate), if it has one. */
    public static final String ENCODER_CHAT_TEMPLATE_FILE = "encoder-chat-template.json";

    /** Sorted keys and properties: the same manifest always serialises to the same bytes. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private FeatureSetBundle() {
    }

    /** Writes the artifacts and the manifest; returns the manifest as written, with hashes and version. */
    public static FeatureSetManifest write(Path dir, FeatureSetManifest draft, SparseAutoencoder sae, FeatureGeometry geometry)
            throws IOException {
        return write(dir, draft, sae, geometry, Map.of());
    }

    /** As above, also copying {@code extraFiles} (bundle name → source) into the bundle, hashed like the rest. */
    public static FeatureSetManifest write(Path dir, FeatureSetManifest draft, SparseAutoencoder sae, FeatureGeometry geometry,
                                           Map<String, Path> extraFiles) throws IOException {
        return write(dir, draft, sae, geometry, extraFiles, null);
    }

    /** As above, with the learned readout's weights (null: a geometric scorer, no readout file). */
    public static FeatureSetManifest write(Path dir, FeatureSetManifest draft, SparseAutoencoder sae, FeatureGeometry geometry,
                                           Map<String, Path> extraFiles, Readout.Weights readout) throws IOException {
        if ((readout != null) != (draft.scorer() == ScorerKind.READOUT)) {
            throw new IllegalArgumentException("a READOUT scorer needs readout weights, and only it has them (scorer "
                    + draft.scorer() + ", readout " + (readout == null ? "none" : "given") + ")");
        }
        Files.createDirectories(dir);
        if (readout != null) {
            Files.write(dir.resolve(READOUT_FILE), JSON.writeValueAsBytes(readout));
        }
        for (var extra : extraFiles.entrySet()) {
            Files.copy(extra.getValue(), dir.resolve(extra.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SaeFiles.write(sae, dir.resolve(SAE_FILE));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             OutputStream out = Files.newOutputStream(dir.resolve(PROXIMITY_FILE))) {
            NDArray proximity = manager.create(geometry.proximity());
            proximity.setName("proximity");
            NDArray nearest = manager.create(geometry.nearestToxic());
            nearest.setName("nearest_toxic");
            new NDList(proximity, nearest).encode(out, NDList.Encoding.SAFETENSORS);
        }
        Map<String, String> files = new TreeMap<>();
        files.put(SAE_FILE, Sha256.of(dir.resolve(SAE_FILE)));
        files.put(PROXIMITY_FILE, Sha256.of(dir.resolve(PROXIMITY_FILE)));
        for (String extra : extraFiles.keySet()) {
            files.put(extra, Sha256.of(dir.resolve(extra)));
        }
        if (readout != null) {
            files.put(READOUT_FILE, Sha256.of(dir.resolve(READOUT_FILE)));
        }
        FeatureSetManifest unversioned = draft.withFiles(files).withReadoutFile(readout == null ? null : READOUT_FILE)
                .withVersion(null);
        FeatureSetManifest manifest = unversioned.withVersion(versionOf(unversioned));
        Files.write(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        return manifest;
    }

    /** Reads {@code manifest.json} alone, unverified: for listing and diffing. */
    public static FeatureSetManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BundleVerificationException(dir + " is not a feature-set bundle: no " + MANIFEST);
        }
        try {
            FeatureSetManifest manifest = JSON.readValue(file.toFile(), FeatureSetManifest.class);
            if (!FeatureSetManifest.FORMAT.equals(manifest.format())) {
                throw new BundleVerificationException(file + " has format '" + manifest.format() + "', expected "
                        + FeatureSetManifest.FORMAT);
            }
            return manifest;
        } catch (IOException e) {
            throw new BundleVerificationException(file + " is not a valid manifest: " + e.getMessage(), e);
        }
    }

    /** Verifies and loads a bundle directory, or a .zip archive of one. */
    public static FeatureSet load(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            Path dir = Files.createTempDirectory("emscreen-bundle-");
            BundleArchive.unpack(path, dir);
            return load(dir);
        }
        FeatureSetManifest manifest = verify(path);
        SparseAutoencoder sae = SaeFiles.read(path.resolve(manifest.sae().file()), manifest.sae().k());
        try {
            if (sae.dSae() != manifest.sae().dSae() || sae.dModel() != manifest.sae().dModel()) {
                throw new BundleVerificationException("SAE weights are " + sae.dModel() + "x" + sae.dSae()
                        + " but the manifest says " + manifest.sae().dModel() + "x" + manifest.sae().dSae());
            }
            FeatureGeometry geometry = readGeometry(path.resolve(manifest.proximityFile()), manifest, sae.dSae());
            Routing routing = routing(path, manifest.thresholds());
            Readout readout = manifest.readoutFile() == null ? null : readReadout(path.resolve(manifest.readoutFile()), sae.dSae(), sae.dModel());
            if ((readout != null) != (manifest.scorer() == ScorerKind.READOUT)) {
                throw new BundleVerificationException(path + ": scorer " + manifest.scorer() + " with "
                        + (readout == null ? "no readout file" : "a readout file") + "; a READOUT scorer needs one, others none");
            }
            // A readout set still computes the geometric scores (they are inputs of the readout).
            ScorerKind geometric = readout == null ? manifest.scorer() : ScorerKind.PROXIMITY;
            return new FeatureSet(path, manifest, sae, new ProximityScorer(geometry, geometric), routing, readout);
        } catch (RuntimeException e) {
            sae.close();
            throw e;
        }
    }

    /** Checks every file's hash and the version; returns the manifest. */
    public static FeatureSetManifest verify(Path dir) throws IOException {
        FeatureSetManifest manifest = readManifest(dir);
        if (manifest.files() == null || manifest.files().isEmpty()) {
            throw new BundleVerificationException(dir + ": the manifest lists no files");
        }
        for (var entry : manifest.files().entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new BundleVerificationException(dir + ": " + entry.getKey() + " is missing");
            }
            String actual = Sha256.of(file);
            if (!actual.equals(entry.getValue())) {
                throw new BundleVerificationException(dir + ": " + entry.getKey() + " has sha256 " + actual
                        + " but the manifest expects " + entry.getValue() + " (corrupt or altered)");
            }
        }
        String expected = versionOf(manifest.withVersion(null));
        if (!expected.equals(manifest.version())) {
            throw new BundleVerificationException(dir + ": version " + manifest.version()
                    + " does not match the manifest's content (" + expected + "): the manifest was altered");
        }
        return manifest;
    }

    static String versionOf(FeatureSetManifest unversioned) throws IOException {
        byte[] canonical = JSON.writeValueAsString(unversioned).getBytes(StandardCharsets.UTF_8);
        return "fs-" + Sha256.of(canonical).substring(0, 16);
    }

    /** The global thresholds with the set's audit; a manifest that states an impossible audit is refused. */
    private static Routing routing(Path path, FeatureSetManifest.Thresholds thresholds) {
        try {
            return thresholds.routing();
        } catch (IllegalArgumentException e) {
            throw new BundleVerificationException(path + ": " + e.getMessage());
        }
    }

    private static Readout readReadout(Path file, int dSae, int dModel) {
        try {
            return Readout.of(JSON.readValue(file.toFile(), Readout.Weights.class), dSae, dModel);
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleVerificationException(file + " is not a valid readout: " + e.getMessage(), e);
        }
    }

    private static FeatureGeometry readGeometry(Path file, FeatureSetManifest manifest, int dSae) throws IOException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            float[] proximity = list.get("proximity").toFloatArray();
            int[] nearest = list.get("nearest_toxic").toIntArray();
            if (proximity.length != dSae || nearest.length != dSae) {
                throw new BundleVerificationException(file + " holds " + proximity.length
                        + " proximities for an SAE of " + dSae + " features");
            }
            var toxic = manifest.toxicFeatures().stream()
                    .map(t -> new FeatureGeometry.ToxicFeature(t.id(), t.weight(), t.label())).toList();
            var benign = manifest.benignFeatures() == null ? List.<FeatureGeometry.ToxicFeature>of()
                    : manifest.benignFeatures().stream().map(b -> new FeatureGeometry.ToxicFeature(b.id(), b.weight(), b.label())).toList();
            return new FeatureGeometry(toxic, proximity, nearest, benign);
        }
    }
}
