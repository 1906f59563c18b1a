package dev.emscreen.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every released version of a record lives in src/main/avro-history/<Record>/vN.avsc. The current
 * schema must read data written with each of them (BACKWARD_TRANSITIVE), so producers and consumers
 * can upgrade in any order. When you release a change, add it there as the next vN.
 */
class SchemaHistoryTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(TrainingSample.getClassSchema(), ScreenedSample.getClassSchema(),
                ReviewDecision.getClassSchema(), FeatureSetVersion.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryReleasedVersion(Schema current) throws IOException {
        List<Schema> history = history(current.getName());

        assertThat(history).as("released versions of " + current.getName()).isNotEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(current, history)).isEmpty();
    }

    @Test
    void theCheckCatchesARequiredFieldAddedWithoutDefault() throws IOException {
        Schema breaking = new Schema.Parser().parse(TrainingSample.getClassSchema().toString()
                .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},"));

        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(breaking, history("TrainingSample")))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE", "tenant");
    }

    private static List<Schema> history(String record) throws IOException {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = SchemaHistoryTest.class.getResourceAsStream("/avro-history/" + record + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            }
        }
    }
}
