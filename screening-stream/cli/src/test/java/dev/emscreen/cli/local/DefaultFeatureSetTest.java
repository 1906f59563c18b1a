package dev.emscreen.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultFeatureSetTest {

    @TempDir
    Path root;
    @TempDir
    Path home;

    @Test
    void givenASetBuiltBeforeRecipesWereRecordedWhenItIsCheckedThenItIsOutdatedAndSetAsideWithItsZip() throws IOException {
        recipe("# how the default set is built\n\n2 readout from the seed\n");
        Path dir = defaultSet("fs-0123456789abcdef");
        Files.writeString(home.resolve("feature-sets/default.zip"), "zip bytes");

        DefaultFeatureSet set = DefaultFeatureSet.of(root, home);

        assertThat(set.outdated()).contains("built by an earlier recipe (unrecorded; now: 2 readout from the seed)");
        Path kept = set.setAside();
        assertThat(kept).isEqualTo(home.resolve("feature-sets/default-fs-0123456789abcdef"));
        assertThat(kept.resolve("manifest.json")).exists();
        assertThat(home.resolve("feature-sets/default-fs-0123456789abcdef.zip")).hasContent("zip bytes");
        assertThat(dir).doesNotExist();
        assertThat(set.built()).isFalse();
    }

    @Test
    void givenASetBuiltByTheCurrentRecipeWhenItIsCheckedThenItIsReused() throws IOException {
        recipe("2 readout from the seed\n");
        defaultSet("fs-0123456789abcdef");
        DefaultFeatureSet set = DefaultFeatureSet.of(root, home);

        set.recordBuilt();

        assertThat(set.built()).isTrue();
        assertThat(set.outdated()).isEmpty();
        assertThat(DefaultFeatureSet.of(root, home).outdated()).isEmpty();
    }

    @Test
    void givenARecipeChangedSinceTheBuildWhenItIsCheckedThenItNamesBothRecipes() throws IOException {
        recipe("1 geometric\n");
        defaultSet("fs-0123456789abcdef");
        DefaultFeatureSet.of(root, home).recordBuilt();

        recipe("2 readout from the seed\n");

        assertThat(DefaultFeatureSet.of(root, home).outdated()).contains("built by an earlier recipe (1 geometric; now: 2 readout from the seed)");
    }

    @Test
    void givenNoSetYetWhenItIsCheckedThenItIsToBeBuiltNotSetAside() throws IOException {
        recipe("2 readout from the seed\n");
        DefaultFeatureSet set = DefaultFeatureSet.of(root, home);

        assertThat(set.built()).isFalse();
        assertThat(set.outdated()).isEmpty();
    }

    @Test
    void givenARecipeFileWithOnlyCommentsWhenItIsReadThenItIsRefusedWithTheFile() throws IOException {
        recipe("# nothing here\n");

        assertThatThrownBy(() -> DefaultFeatureSet.of(root, home)).isInstanceOf(IOException.class).hasMessageContaining("names no recipe");
    }

    private void recipe(String text) throws IOException {
        Path file = root.resolve(DefaultFeatureSet.RECIPE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Path defaultSet(String version) throws IOException {
        Path dir = Files.createDirectories(home.resolve("feature-sets/default"));
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"sae\" : {\n    \"dSae\" : 1024\n  },\n  \"version\" : \"" + version + "\"\n}\n");
        return dir;
    }
}
