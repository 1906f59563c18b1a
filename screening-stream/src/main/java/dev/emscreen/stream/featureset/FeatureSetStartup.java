package dev.emscreen.stream.featureset;

import ai.djl.engine.Engine;
import dev.emscreen.features.sae.SaeFiles;
import dev.emscreen.stream.StreamConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On start: says which device screens, and loads the configured bundle if there is one. */
@ApplicationScoped
public class FeatureSetStartup {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureSetStartup.class);

    @Inject
    StreamConfig config;
    @Inject
    FeatureSetLoader loader;

    void onStart(@Observes StartupEvent event) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        boolean cuda = ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
        LOG.info("SAE and TorchScript encoders on DJL PyTorch, device {} ({} GPU(s) visible{}); ONNX encoders on ONNX Runtime, {}",
                SaeFiles.name(SaeFiles.device()), gpus, SaeFiles.cpuForced() ? ", CPU forced by emscreen.device" : "",
                cuda && !SaeFiles.cpuForced() ? "CUDA provider present (GPU build)" : "CPU");
        config.featureSet().path().ifPresentOrElse(path -> {
            LOG.info("Loading the feature set at {}", path);
            loader.loadPath(path);
        }, () -> LOG.info("No emscreen.feature-set.path: waiting for an ACTIVE version on {}",
                config.topics().featureSetVersions()));
    }
}
