package dev.emscreen.cli;

import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.jsonl.SampleLines;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./emscreen import --in FILE.jsonl}: produces samples for the stream to screen. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Produce the samples of a JSONL file (chat format or prompt/response) to the samples topic. "
                + "Malformed lines are reported by number and skipped.")
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "JSONL file, one sample per line.")
    Path in;

    @Option(names = "--topic", description = "Topic (default: the samples topic, emscreen.topics.samples, screening.samples unless set).")
    String topic;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.producerConfig();
        String topic = this.topic != null ? this.topic : kafka.topics().samples();
        SpecificAvroSerde<TrainingSample> serde = Topics.SAMPLES.valueSerde(config);
        List<String> malformed = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        String source = "import:" + in.getFileName();
        try (KafkaProducer<String, TrainingSample> producer = new KafkaProducer<>(config, new StringSerializer(), serde.serializer());
             InputStream lines = Files.newInputStream(in);
             ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("Importing")
                     .setInitialMax(lineCount(in)).setUnit(" lines", 1).setStyle(ProgressBarStyle.ASCII).build()) {
            // The one reader of sample lines, streamed: a line that is not UTF-8 is reported like any malformed line.
            SampleLines.forEach(lines, null, read -> {
                if (bar != null) {
                    bar.stepTo(read.number());
                }
                if (read.ok()) {
                    TrainingSample sample = read.sample().toTrainingSample(source, Instant.now());
                    sent.add(producer.send(new ProducerRecord<>(topic, sample.getId(), sample)));
                } else {
                    malformed.add(read.error());
                }
            });
            producer.flush();
        }
        for (Future<RecordMetadata> future : sent) {
            future.get(); // a send that failed fails the command: never report a sample as imported that is not
        }
        malformed.forEach(m -> System.err.println("skipped " + m));
        System.out.printf("imported %d samples from %s to %s; skipped %d malformed line(s)%n", sent.size(), in, topic,
                malformed.size());
        return malformed.isEmpty() ? 0 : 3;
    }

    /** Lines in the file, counted in bytes (no decoding: a bad byte is the reader's to report, not the counter's). */
    private static long lineCount(Path file) throws java.io.IOException {
        long lines = 0;
        int last = '\n';
        try (InputStream bytes = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            for (int b = bytes.read(); b != -1; b = bytes.read()) {
                lines += b == '\n' ? 1 : 0;
                last = b;
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
