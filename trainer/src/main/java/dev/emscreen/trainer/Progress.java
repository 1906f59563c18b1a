package dev.emscreen.trainer;

import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SaeTrainingResult;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Long steps with a progress bar on the terminal (or none, in tests). */
public class Progress {

    /** No bars: for tests and scripts. */
    public static final Progress QUIET = new Progress(false);

    private final boolean visible;

    public Progress(boolean visible) {
        this.visible = visible;
    }

    /** Bars only when a person is watching: redrawn bars would flood a log file. */
    public static Progress onConsole() {
        return new Progress(System.console() != null);
    }

    List<TokenStates> encode(TextEncoder encoder, List<LabelledText> texts) {
        List<dev.emscreen.features.encoder.ChatText> chats = texts.stream().map(LabelledText::text).toList();
        if (!visible) {
            return TextEncoder.encodeAll(encoder, chats, n -> { });
        }
        try (ProgressBar bar = bar("Encoding", texts.size(), "texts")) {
            return TextEncoder.encodeAll(encoder, chats, bar::stepBy);
        }
    }

    SaeTrainingResult trainSae(float[][] tokens, SaeTrainer.Config config) {
        if (!visible) {
            return new SaeTrainer().train(tokens, config, (done, total, loss) -> { });
        }
        int steps = config.epochs() * ((tokens.length + config.batchSize() - 1) / config.batchSize());
        try (ProgressBar bar = bar("Training SAE", steps, "steps")) {
            return new SaeTrainer().train(tokens, config, (done, total, loss) -> {
                bar.stepTo(done);
                bar.setExtraMessage(String.format("loss %.3f", loss));
            });
        }
    }

    private static ProgressBar bar(String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }
}
