package dev.emscreen.features.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one scoring implementation: the trainer calibrates and evaluates with it and the stream
 * serves with it, so a sample gets the same score everywhere. Cost per sample: one pass over the
 * pooled activations.
 */
public final class ProximityScorer {

    private final FeatureGeometry geometry;
    private final ScorerKind kind;
    private final boolean[] isToxic;
    private final boolean[] isBenign;

    public ProximityScorer(FeatureGeometry geometry, ScorerKind kind) {
        this.geometry = geometry;
        this.kind = kind;
        this.isToxic = new boolean[geometry.features()];
        geometry.toxic().forEach(t -> isToxic[t.id()] = true);
        this.isBenign = new boolean[geometry.features()];
        geometry.benign().forEach(b -> isBenign[b.id()] = true);
        if (kind == ScorerKind.READOUT) {
            throw new IllegalArgumentException("READOUT is not a geometric scorer: a FeatureSet applies its Readout");
        }
        if (kind == ScorerKind.CONTRAST && geometry.benign().isEmpty()) {
            throw new IllegalArgumentException("The CONTRAST scorer needs benign features");
        }
    }

    public ScorerKind kind() {
        return kind;
    }

    public FeatureGeometry geometry() {
        return geometry;
    }

    /** Scores pooled activations (one per SAE feature); a sample with no active feature scores 0. */
    public Score score(float[] pooled, int topN) {
        if (pooled.length != geometry.features()) {
            throw new IllegalArgumentException("Expected " + geometry.features() + " activations, got " + pooled.length);
        }
        double total = 0;
        double weighted = 0;
        double toxic = 0;
        double benign = 0;
        for (int i = 0; i < pooled.length; i++) {
            double a = Math.max(0, pooled[i]);
            total += a;
            weighted += a * geometry.proximity()[i];
            toxic += isToxic[i] ? a : 0;
            benign += isBenign[i] ? a : 0;
        }
        double proximity = total > 0 ? weighted / total : 0;
        double toxicMass = total > 0 ? toxic / total : 0;
        double contrast = total > 0 ? (toxic - benign) / total : 0;
        double value = switch (kind) {
            case PROXIMITY -> proximity;
            case TOXIC_MASS -> toxicMass;
            case CONTRAST -> contrast;
            case READOUT -> throw new IllegalStateException("unreachable: refused in the constructor");
        };
        return new Score(value, proximity, toxicMass, contrast, top(pooled, topN), List.of());
    }

    /**
     * Each feature's part of the {@code kind} score of {@code pooled}: its share of the activation mass
     * times its proximity, toxic (1 or 0) or contrast (+1 toxic, -1 benign) value. They add up to
     * the score, so the console can say which tokens made it.
     */
    public double[] contributions(float[] pooled, ScorerKind kind) {
        double total = 0;
        for (float a : pooled) {
            total += Math.max(0, a);
        }
        double[] contribution = new double[pooled.length];
        for (int i = 0; i < pooled.length && total > 0; i++) {
            double share = Math.max(0, pooled[i]) / total;
            contribution[i] = share * switch (kind) {
                case PROXIMITY -> geometry.proximity()[i];
                case TOXIC_MASS -> isToxic[i] ? 1 : 0;
                case CONTRAST -> isToxic[i] ? 1 : isBenign[i] ? -1 : 0;
                case READOUT -> throw new IllegalArgumentException("READOUT is not a geometric score");
            };
        }
        return contribution;
    }

    private List<FeatureContribution> top(float[] pooled, int n) {
        List<FeatureContribution> top = new ArrayList<>(n);
        IntStream.range(0, pooled.length).filter(i -> pooled[i] > 0).boxed()
                .sorted(Comparator.comparingDouble(i -> -pooled[i] * (double) geometry.proximity()[i]))
                .limit(n)
                .forEach(i -> {
                    int nearest = geometry.nearestToxic()[i];
                    top.add(new FeatureContribution(i, pooled[i], nearest, geometry.proximity()[i], geometry.labelOf(nearest),
                            pooled[i] * (double) geometry.proximity()[i]));
                });
        return top;
    }
}
