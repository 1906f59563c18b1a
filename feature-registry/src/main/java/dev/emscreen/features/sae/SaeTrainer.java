package dev.emscreen.features.sae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.emscreen.records.SaeArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a TopK SAE with DJL autograd on the PyTorch engine, on the GPU when there is one.
 *
 * <p>Decoder rows are unit length by construction (the forward pass divides each row by its
 * norm), so activations carry the scale and directions stay comparable by cosine. Dead latents
 * (silent for {@code deadAfterTokens} tokens) are revived with the AuxK loss of Gao et al. (2024):
 * the top {@code auxK} dead latents are asked to reconstruct what the live ones missed, which
 * gives them gradient again without touching the weights by hand.
 */
public final class SaeTrainer {

    public record Config(int dSae, int k, int epochs, int batchSize, float learningRate, long seed,
                         int auxK, float auxCoefficient, long deadAfterTokens) {

        public static Config of(int dSae, int k, int epochs) {
            return new Config(dSae, k, epochs, 512, 3e-3f, 42, Math.min(256, dSae / 2), 1f / 32, 20_000);
        }
    }

    /** Reports one optimisation step. */
    public interface Progress {
        void step(int done, int total, double loss);
    }

    public SaeTrainingResult train(float[][] tokens, Config config, Progress progress) {
        int dModel = tokens[0].length;
        long started = System.nanoTime();
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        NDManager manager = NDManager.newBaseManager(SaeFiles.device(), "PyTorch");
        Random random = new Random(config.seed());

        NDArray data = manager.create(tokens);
        NDArray wDecRaw = manager.randomNormal(0f, 1f, new Shape(config.dSae(), dModel), ai.djl.ndarray.types.DataType.FLOAT32);
        NDArray wEnc;
        try (NDManager init = manager.newSubManager()) {
            wEnc = unitRows(init, wDecRaw).transpose().duplicate(); // tied start: encoder = decoder transposed
            wEnc.attach(manager);
        }
        NDArray bEnc = manager.zeros(new Shape(config.dSae()));
        NDArray bDec = data.mean(new int[] {0});
        NDArray[] params = {wEnc, bEnc, wDecRaw, bDec};
        String[] names = {"W_enc", "b_enc", "W_dec", "b_dec"};
        for (NDArray p : params) {
            p.setRequiresGradient(true);
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build();

        long[] silentFor = new long[config.dSae()];
        int batches = (tokens.length + config.batchSize() - 1) / config.batchSize();
        int total = batches * config.epochs();
        List<Double> lossPerEpoch = new ArrayList<>();
        int[] order = java.util.stream.IntStream.range(0, tokens.length).toArray();
        for (int epoch = 0, step = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, random);
            double epochLoss = 0;
            for (int b = 0; b < batches; b++, step++) {
                float[][] rows = new float[Math.min(config.batchSize(), tokens.length - b * config.batchSize())][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = tokens[order[b * config.batchSize() + i]];
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(rows);
                    double loss;
                    try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                        collector.zeroGradients();
                        NDArray pre = SparseAutoencoder.preActivations(x, wEnc, bEnc, bDec);
                        NDArray f = SparseAutoencoder.activate(pre, SaeArchitecture.TOPK, config.k(), null);
                        NDArray wDec = unitRows(scope, wDecRaw);
                        NDArray residual = x.sub(f.matMul(wDec).add(bDec));
                        NDArray objective = residual.square().sum(new int[] {1}).mean();
                        loss = objective.getFloat();
                        objective = objective.add(auxLoss(pre, residual, wDec, silentFor, config));
                        collector.backward(objective);
                        markFiring(f, silentFor, rows.length);
                    }
                    for (int p = 0; p < params.length; p++) {
                        NDArray gradient = params[p].getGradient();
                        gradient.attach(scope);
                        adam.update(names[p], params[p], gradient);
                    }
                    epochLoss += loss;
                    progress.step(step + 1, total, loss);
                }
            }
            lossPerEpoch.add(epochLoss / batches);
        }
        for (NDArray p : params) {
            p.setRequiresGradient(false);
        }
        NDArray wDec;
        try (NDManager finish = manager.newSubManager()) {
            wDec = unitRows(finish, wDecRaw);
            wDec.attach(manager);
        }
        wDecRaw.close();
        SparseAutoencoder sae = new SparseAutoencoder(manager, SaeArchitecture.TOPK, config.k(),
                wEnc, bEnc, wDec, bDec, null);
        SaeMetrics metrics = SaeMetrics.measure(sae, data, lossPerEpoch, (System.nanoTime() - started) / 1e9);
        data.close();
        return new SaeTrainingResult(sae, metrics);
    }

    /** Rows scaled to unit length; the temporaries (and the result) belong to {@code scope}. */
    private static NDArray unitRows(NDManager scope, NDArray matrix) {
        NDArray norms = matrix.norm(new int[] {1}, true);
        norms.attach(scope);
        NDArray safe = norms.maximum(1e-12f);
        NDArray unit = matrix.div(safe);
        unit.attach(scope);
        return unit;
    }

    /** The AuxK term: zero while no latent is dead. */
    private static NDArray auxLoss(NDArray pre, NDArray residual, NDArray wDec, long[] silentFor, Config config) {
        float[] deadMask = new float[silentFor.length];
        int dead = 0;
        for (int i = 0; i < silentFor.length; i++) {
            if (silentFor[i] > config.deadAfterTokens()) {
                deadMask[i] = 1f;
                dead++;
            }
        }
        NDManager manager = pre.getManager();
        if (dead == 0) {
            return manager.create(0f);
        }
        NDArray mask = manager.create(deadMask);
        // Live latents are pushed far below any dead one, so TopK picks among the dead only.
        NDArray deadPre = pre.add(mask.sub(1f).mul(1e9f));
        NDArray fAux = SparseAutoencoder.activate(deadPre, SaeArchitecture.TOPK, Math.min(config.auxK(), dead), null);
        NDArray target = residual.stopGradient();
        NDArray miss = fAux.matMul(wDec).sub(target).square().sum(new int[] {1}).mean();
        NDArray scale = target.sub(target.mean(new int[] {0})).square().sum(new int[] {1}).mean().add(1e-6f);
        return miss.div(scale).mul(config.auxCoefficient());
    }

    private static void markFiring(NDArray f, long[] silentFor, int batch) {
        float[] fired = f.stopGradient().gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .sum(new int[] {0}).toFloatArray();
        for (int i = 0; i < silentFor.length; i++) {
            silentFor[i] = fired[i] > 0 ? 0 : silentFor[i] + batch;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
