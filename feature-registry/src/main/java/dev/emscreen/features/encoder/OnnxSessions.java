package dev.emscreen.features.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.emscreen.features.sae.SaeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime sessions on the GPU where there is one. The CUDA provider exists only in the
 * {@code onnxruntime_gpu} build (the {@code gpu} Maven profile, the CUDA image); with the CPU build,
 * no GPU, or {@code emscreen.device=cpu}, sessions run on the CPU, as before.
 */
final class OnnxSessions {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);

    /** A session and the device it runs on ("cpu" or "cuda:0"). */
    record Opened(OrtSession session, String device) {
    }

    /** A model's source: bytes (shipped encoders) or a file (a user's model, with any weights file beside it). */
    interface Source {
        OrtSession open(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;
    }

    private OnnxSessions() {
    }

    static Opened open(Source source) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        if (!SaeFiles.cpuForced() && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            try (OrtSession.SessionOptions options = options()) {
                options.addCUDA(0);
                return new Opened(source.open(environment, options), "cuda:0");
            } catch (OrtException e) {
                // The GPU build without a usable GPU (no driver, no device), or a model it cannot run: the CPU is
                // tried next, and a model that is bad there too fails with the CPU's own error.
                LOG.warn("ONNX Runtime's CUDA provider could not open the model ({}); trying the CPU", e.getMessage());
            }
        }
        try (OrtSession.SessionOptions options = options()) {
            return new Opened(source.open(environment, options), "cpu");
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        return options;
    }
}
