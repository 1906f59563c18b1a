package dev.emscreen.trainer;

import dev.emscreen.features.bundle.BundleArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./emscreen publish --feature-set DIR --to URL}: register a bundle already built, and promote it if asked. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Register a feature-set bundle (folder or .zip) with the registry service as a candidate; "
                + "--promote makes it active, --promote-if-better only if it beats the active set on the seed validation samples.")
final class PublishCommand implements Callable<Integer> {

    @Option(names = "--feature-set", required = true, description = "Bundle folder or .zip archive.")
    Path featureSet;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "The registry service, e.g. http://localhost:8081.")
    String url;

    @Option(names = "--token", defaultValue = "${env:EMSCREEN_REGISTRY_TOKEN}",
            description = "The registry service's write token (default: $EMSCREEN_REGISTRY_TOKEN).")
    String token;

    @Option(names = "--promote", description = "Make it the active set whatever the active set is.")
    boolean promote;

    @Option(names = "--promote-if-better", description = "Make it active only if it beats the active set.")
    boolean promoteIfBetter;

    @Override
    public Integer call() throws Exception {
        Path archive = featureSet;
        Path bundle = featureSet;
        if (Files.isDirectory(featureSet)) {
            archive = Files.createTempFile("emscreen-publish-", ".zip");
            BundleArchive.pack(featureSet, archive);
        }
        try {
            RegistryClient registry = new RegistryClient(url, token);
            SeedData seed = SeedData.load(null);
            var outcome = new Publisher(registry, System.out)
                    .publish(archive, bundle, seed.validation(), seed.validationName(), promoteIfBetter);
            if (promote && !outcome.promoted()) {
                registry.promote(outcome.candidate());
                outcome = new Publisher.Outcome(outcome.candidate(), true, "asked to (--promote)");
            }
            System.out.println(outcome.line());
            return 0;
        } finally {
            if (archive != featureSet) {
                Files.deleteIfExists(archive);
            }
        }
    }
}
