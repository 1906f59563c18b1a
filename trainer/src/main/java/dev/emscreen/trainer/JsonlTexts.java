package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.UnscreenableTextException;
import dev.emscreen.schemas.jsonl.SampleLine;
import dev.emscreen.schemas.jsonl.SampleLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONL samples as the trainer's labelled texts, read by the project's one reader of sample lines
 * ({@link SampleLines}: chat, prompt/response or reference text; id, domain, split, label). A bad
 * line becomes an entry with its error; the rest are read.
 */
public final class JsonlTexts {

    /** One line: a text, or why the line could not be read. */
    public record Line(int number, LabelledText text, String error) {
    }

    private JsonlTexts() {
    }

    public static List<Line> read(Path file, String defaultDomain, Boolean defaultLabel) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, defaultDomain, defaultLabel);
        }
    }

    public static List<Line> read(InputStream in, String defaultDomain, Boolean defaultLabel) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (SampleLines.Read read : SampleLines.read(in, defaultDomain)) {
            if (!read.ok()) {
                lines.add(new Line(read.number(), null, read.error()));
                continue;
            }
            try {
                lines.add(new Line(read.number(), text(read.sample(), defaultLabel), null));
            } catch (UnscreenableTextException e) {
                lines.add(new Line(read.number(), null, "line " + read.number() + ": " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return lines;
    }

    /** Only the good lines; fails naming the first bad one (for training data, which must be clean). */
    public static List<LabelledText> readAll(InputStream in, String source) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        for (Line line : read(in, null, null)) {
            if (line.error() != null) {
                throw new IllegalArgumentException(source + " " + line.error());
            }
            texts.add(line.text());
        }
        return texts;
    }

    private static LabelledText text(SampleLine line, Boolean defaultLabel) {
        Boolean label = line.label() != null ? line.label() : defaultLabel;
        LabelledText.Kind kind = line.reference() ? LabelledText.Kind.REFERENCE : LabelledText.Kind.SAMPLE;
        return new LabelledText(line.id(), kind, line.domain(), line.split(), label, ChatText.of(line.messages()),
                LabelledText.responseOf(line.messages()));
    }
}
