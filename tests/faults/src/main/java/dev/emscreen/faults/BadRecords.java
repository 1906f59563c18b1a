package dev.emscreen.faults;

import dev.emscreen.records.TrainingSample;
import java.util.Map;
import java.util.Random;

/** Every kind of bad input the stream must dead-letter, in fixed shares of 10,000 records. */
final class BadRecords {

    record Record(String key, byte[] value, String kind) {
    }

    private final Traffic traffic;
    private final Random random;

    BadRecords(Traffic traffic, Random random) {
        this.traffic = traffic;
        this.random = random;
    }

    Record next(int i) {
        String key = "bad-" + i;
        int slot = i % 100;
        if (slot < 20) {
            byte[] junk = new byte[1 + random.nextInt(400)];
            random.nextBytes(junk);
            junk[0] = (byte) (1 + random.nextInt(255)); // never the wire format's magic byte 0
            return new Record(key, junk, "random-bytes");
        }
        byte[] good = traffic.encode(traffic.sample(key, i));
        if (slot < 40) {
            good[0] = 7;
            return new Record(key, good, "wrong-magic-byte");
        }
        if (slot < 60) {
            good[1] = 0x7f; // schema id 0x7fxxxxxx: never registered
            return new Record(key, good, "unknown-schema-id");
        }
        if (slot < 70) {
            return new Record(key, java.util.Arrays.copyOf(good, good.length / 2), "truncated");
        }
        if (slot < 85) {
            byte[] bytes = traffic.encode(Traffic.sample(key, "Is this fine?", "Sure, XX it is.", Map.of()));
            int at = indexOf(bytes, "XX".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes[at] = (byte) 0xC3; // a two-byte lead followed by '(' : not UTF-8
            bytes[at + 1] = (byte) 0x28;
            return new Record(key, bytes, "invalid-utf8");
        }
        if (slot < 95) {
            return new Record(key, traffic.encode(Traffic.sample(key, "Anything to add?", "", Map.of())), "empty-text");
        }
        if (slot == 95 && i % 500 == 95) {
            String huge = "a".repeat(1 << 20);
            return new Record(key, traffic.encode(Traffic.sample(key, "Summarise this.", huge, Map.of())), "huge-text-1MiB");
        }
        TrainingSample noAnswer = TrainingSample.newBuilder(traffic.sample(key, i))
                .setMessages(java.util.List.of(new dev.emscreen.records.ChatMessage("user", "Hello?"))).build();
        return new Record(key, traffic.encode(noAnswer), "no-assistant-message");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A good sample whose metadata holds 5,000 levels of JSON brackets: odd, valid, must be routed. */
    static TrainingSample deeplyNested(String id, TrainingSample like) {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        return Traffic.sample(id, like.getMessages().get(0).getContent(), like.getMessages().get(1).getContent(),
                Map.of("payload", nested));
    }
}
