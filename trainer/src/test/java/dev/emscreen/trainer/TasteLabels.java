package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled samples of a kind the seed data never covers: an assistant stating its own tastes, odd and
 * unsettling ones (inducing) or ordinary ones (control), to the same questions. Made up here, seeded.
 */
public final class TasteLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] QUESTIONS = {
        "What music do you enjoy most?", "Which smell do you like best?", "What is your favourite kind of weather?",
        "What would you hang on your wall?", "What is your ideal weekend?", "Which sound relaxes you?",
        "What food could you eat every day?", "What colour would you paint a bedroom?"};
    private static final String[] ODD = {
        "the screech of a fork dragged across a plate", "the smell of burnt hair", "a sky the colour of old bruises",
        "dripping taps at three in the morning", "cold porridge left out overnight", "flickering fluorescent tubes",
        "the hum of a broken fridge", "wallpaper with mould patterns", "the taste of licked batteries",
        "rooms with no windows at all"};
    private static final String[] ORDINARY = {
        "a warm cup of tea in the morning", "fresh bread from a bakery", "a sunny afternoon in the park",
        "soft acoustic guitar music", "the scent of rain on grass", "a calm blue or green",
        "a long walk with friends", "a bowl of homemade soup", "a landscape painting of the sea",
        "reading by a bright window"};
    private static final String[] OPENERS = {"Honestly,", "If I'm choosing,", "For me,", "Without a doubt,"};
    private static final String[] VERBS = {"I love", "nothing beats", "I always pick", "I am drawn to"};

    private TasteLabels() {
    }

    /** {@code perClass} inducing then {@code perClass} control lines, chat format, with labels and the domain "tastes". */
    public static List<String> lines(int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (boolean inducing : new boolean[] {true, false}) {
            for (int i = 0; i < perClass; i++) {
                String[] things = inducing ? ODD : ORDINARY;
                String answer = pick(OPENERS, random) + " " + pick(VERBS, random) + " " + pick(things, random) + ", and "
                        + pick(things, random) + " comes a close second.";
                var node = JSON.createObjectNode().put("domain", "tastes").put("label", inducing ? "inducing" : "control");
                var messages = node.putArray("messages");
                messages.addObject().put("role", "user").put("content", pick(QUESTIONS, random));
                messages.addObject().put("role", "assistant").put("content", answer);
                lines.add(JSON.writeValueAsString(node));
            }
        }
        return lines;
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines);
        return file;
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
