package dev.emscreen.trainer;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.selection.Auroc;
import java.util.List;

/** The AUROC a set gives the seed's validation samples when served (the Screener the stream uses), to hold to the build's. */
final class ServedAuroc {

    private ServedAuroc() {
    }

    static double onValidation(FeatureSet set, TextEncoder encoder, SeedData data) {
        List<LabelledText> validation = data.samples().stream().filter(t -> !t.isTrain()).toList();
        double[] scores = new Screener(encoder, set, 3).screen(validation.stream().map(LabelledText::text).toList())
                .stream().mapToDouble(r -> r.score().value()).toArray();
        double[][] split = Baselines.split(scores, Baselines.labels(validation.stream().map(LabelledText::positive).toList()));
        return Auroc.of(split[0], split[1]);
    }
}
