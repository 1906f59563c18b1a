package dev.emscreen.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJournalTest {

    private static final Schema SAMPLE = SchemaBuilder.record("Sample").fields().requiredString("id").endRecord();

    @TempDir
    Path dir;

    @Test
    void changesComeBackInTheOrderTheyWereWritten() throws Exception {
        // Given a registration, a global and a subject level, written in that order
        SchemaJournal journal = SchemaJournal.open(dir.resolve("schemas.jsonl"));
        journal.registered("a-value", SAMPLE);
        journal.compatibilitySet(null, CompatibilityLevel.FULL);
        journal.compatibilitySet("a-value", CompatibilityLevel.NONE);

        // Then the journal opened afresh reads them back in that order
        assertThat(SchemaJournal.open(dir.resolve("schemas.jsonl")).entries()).containsExactly(
                new SchemaJournal.Registration("a-value", SAMPLE),
                new SchemaJournal.CompatibilityChange(null, CompatibilityLevel.FULL),
                new SchemaJournal.CompatibilityChange("a-value", CompatibilityLevel.NONE));
    }

    @Test
    void aJournalNotWrittenYetHasNoEntriesAndAFolderForItsFirstChange() throws Exception {
        // Given a path whose folders do not exist
        Path file = dir.resolve("not/there/yet/schemas.jsonl");

        // When it is opened
        SchemaJournal journal = SchemaJournal.open(file);

        // Then it is empty, and the first change can be written
        assertThat(journal.entries()).isEmpty();
        assertThat(file.getParent()).isDirectory();
        journal.registered("a-value", SAMPLE);
        assertThat(journal.entries()).hasSize(1);
    }

    @Test
    void journalsAlreadyOnDiskStayReadable() throws Exception {
        // Given a journal in the line format written before this class existed, a blank line and a null subject included
        Path file = dir.resolve("schemas.jsonl");
        Files.writeString(file, "{\"op\":\"register\",\"subject\":\"a-value\",\"schema\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SAMPLE.toString()) + "}\n"
                + "\n"
                + "{\"op\":\"config\",\"subject\":null,\"level\":\"FORWARD\"}\n");

        assertThat(SchemaJournal.open(file).entries()).containsExactly(
                new SchemaJournal.Registration("a-value", SAMPLE),
                new SchemaJournal.CompatibilityChange(null, CompatibilityLevel.FORWARD));
    }

    @Test
    void anEntryOfUnknownKindRefusesTheWholeJournal() throws Exception {
        Path file = dir.resolve("schemas.jsonl");
        Files.writeString(file, "{\"op\":\"delete\",\"subject\":\"a-value\"}\n");

        assertThatThrownBy(() -> SchemaJournal.open(file).entries())
                .isInstanceOf(IOException.class).hasMessageContaining("unknown journal entry");
    }
}
