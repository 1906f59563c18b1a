package dev.emscreen.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@QuarkusTestResource(value = KafkaForRegistry.class, restrictToAnnotatedClass = true)
class RegistryServiceTest {

    private static final String AUTH = "Bearer " + KafkaForRegistry.TOKEN;

    @TempDir
    Path tmp;
    @Inject
    FeatureSetCatalog catalog;
    @Inject
    RegistryConfig config;
    @Inject
    @io.smallrye.common.annotation.Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void writesNeedTheTokenAndSayWhatIsWrong() throws Exception {
        byte[] bundle = Files.readAllBytes(TestBundles.zip(tmp, 1, List.of(1), 0.3, 0.6, 0.8));

        given().contentType("application/zip").body(bundle).when().post("/versions").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("missing bearer token"));
        given().header("Authorization", "Bearer wrong").contentType("application/zip").body(bundle)
                .when().post("/versions").then().statusCode(403).body("error", containsString("not valid"));
        given().header("Authorization", "Bearer wrong").when().post("/versions/rollback").then().statusCode(403);
        given().when().get("/versions").then().statusCode(200);
        assertThat(catalog.all()).noneMatch(v -> v.getBundle().getSha256().equals(Sha256.of(bundle)));
    }

    @Test
    void anUploadIsVerifiedStoredAndAnnouncedAsACandidate() throws Exception {
        Path zip = TestBundles.zip(tmp, 2, List.of(3), 0.3, 0.6, 0.8);
        String sha = Sha256.of(zip);

        Response created = upload(Files.readAllBytes(zip));

        created.then().statusCode(201).body("status", equalTo("CANDIDATE")).body("bundleSha256", equalTo(sha))
                .body("bundleUri", equalTo("http://localhost:" + RestAssured.port + "/artifacts/" + sha));
        String version = created.jsonPath().getString("version");
        byte[] served = given().when().get("/artifacts/" + sha).then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(Files.readAllBytes(zip));
        assertThat(feed().get(version).getStatus()).isEqualTo(FeatureSetStatus.CANDIDATE);
        upload(Files.readAllBytes(zip)).then().statusCode(201).body("version", equalTo(version)); // same bundle: same entry
    }

    @Test
    void promotionRetiresTheSetItReplacesAndRollbackBringsItBack() throws Exception {
        String first = upload(Files.readAllBytes(TestBundles.zip(tmp, 3, List.of(1, 2), 0.3, 0.6, 0.81)))
                .jsonPath().getString("version");
        String second = upload(Files.readAllBytes(TestBundles.zip(tmp, 4, List.of(2, 5), 0.35, 0.7, 0.86)))
                .jsonPath().getString("version");

        promote(first).then().statusCode(200).body("status", equalTo("ACTIVE"));
        promote(second).then().statusCode(200).body("status", equalTo("ACTIVE"));

        Map<String, FeatureSetVersion> feed = feed();
        assertThat(feed.get(first).getStatus()).isEqualTo(FeatureSetStatus.RETIRED);
        assertThat(feed.get(second).getStatus()).isEqualTo(FeatureSetStatus.ACTIVE);
        assertThat(feed.values()).filteredOn(v -> v.getStatus() == FeatureSetStatus.ACTIVE).hasSize(1);

        given().header("Authorization", AUTH).when().post("/versions/rollback").then().statusCode(200)
                .body("version", equalTo(first)).body("status", equalTo("ACTIVE"));
        given().when().get("/versions/active").then().statusCode(200).body("version", equalTo(first));
        assertThat(feed().get(second).getStatus()).isEqualTo(FeatureSetStatus.RETIRED);

        FeatureSetCatalog replayed = new FeatureSetCatalog();
        replayed.config = config;
        replayed.kafka = kafka;
        replayed.load();
        assertThat(replayed.active().orElseThrow().getVersion()).isEqualTo(first);
        assertThat(replayed.all()).extracting(FeatureSetVersion::getVersion).containsAll(List.of(first, second));
    }

    @Test
    void aDiffShowsToxicFeaturesThresholdsAndMetrics() throws Exception {
        String from = upload(Files.readAllBytes(TestBundles.zip(tmp, 5, List.of(1, 2), 0.3, 0.6, 0.81)))
                .jsonPath().getString("version");
        String to = upload(Files.readAllBytes(TestBundles.zip(tmp, 6, List.of(2, 7), 0.35, 0.7, 0.86)))
                .jsonPath().getString("version");

        given().queryParam("from", from).queryParam("to", to).when().get("/versions/diff").then().statusCode(200)
                .body("toxicAdded.id", equalTo(List.of(7))).body("toxicRemoved.id", equalTo(List.of(1)))
                .body("review.from", equalTo(0.3f)).body("review.to", equalTo(0.35f))
                .body("quarantine.to", equalTo(0.7f))
                .body("metrics.'validation.auroc'.from", equalTo(0.81f)).body("metrics.'validation.auroc'.to", equalTo(0.86f));
        given().queryParam("from", from).queryParam("to", "fs-nope").when().get("/versions/diff").then().statusCode(404);
    }

    @Test
    void badUploadsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        byte[] good = Files.readAllBytes(TestBundles.zip(tmp, 7, List.of(1), 0.3, 0.6, 0.8));
        int versionsBefore = catalog.all().size();
        List<Path> artifactsBefore = listArtifacts();

        upload("not a zip at all".getBytes()).then().statusCode(400).body("error", containsString("not a valid feature-set bundle"));
        upload(tamper(good, "sae.safetensors")).then().statusCode(400).body("error", containsString("sha256"));
        upload(tamper(good, "manifest.json")).then().statusCode(400).body("error", containsString("not a valid"));
        upload(new byte[2_100_000]).then().statusCode(413).body("error", containsString("max-upload-bytes"));
        given().header("Authorization", AUTH).when().post("/versions/fs-unknown/promote").then().statusCode(404);

        assertThat(catalog.all()).hasSize(versionsBefore);
        assertThat(listArtifacts()).isEqualTo(artifactsBefore);
    }

    @Test
    void theInMemorySchemaRegistryIsServedToOtherProcessesWithTheToken() throws Exception {
        upload(Files.readAllBytes(TestBundles.zip(tmp, 8, List.of(1), 0.3, 0.6, 0.8))).then().statusCode(201);
        String url = "http://localhost:" + RestAssured.port + "/ccompat";
        var client = dev.emscreen.schemas.registry.SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", url,
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "importer:" + KafkaForRegistry.TOKEN));
        org.apache.avro.Schema v1 = org.apache.avro.SchemaBuilder.record("Probe").fields().requiredString("id").endRecord();
        org.apache.avro.Schema breaking = org.apache.avro.SchemaBuilder.record("Probe").fields()
                .requiredString("id").requiredInt("n").endRecord();

        // The registry's own change-feed schema, registered in-process, is visible over HTTP with the same id.
        var feedSchema = client.latest("feature-registry.versions-value");
        assertThat(feedSchema.schema().getFullName()).isEqualTo("dev.emscreen.records.FeatureSetVersion");
        int id = client.register("probe-value", v1);
        assertThat(client.getById(id)).isEqualTo(v1);
        assertThat(client.lookup("probe-value", v1).id()).isEqualTo(id);
        assertThat(client.isCompatible("probe-value", breaking)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.register("probe-value", breaking))
                .isInstanceOfSatisfying(dev.emscreen.schemas.registry.SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        var anonymous = dev.emscreen.schemas.registry.SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", url));
        assertThat(anonymous.getById(id)).isEqualTo(v1); // reads are open
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> anonymous.register("other-value", v1))
                .isInstanceOfSatisfying(dev.emscreen.schemas.registry.SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        assertThat(Files.readString(KafkaForRegistry.journal)).contains("probe-value");
    }

    @Test
    void theSchemaRegistryListsItsSubjectsAndTheirVersions() {
        // Given a subject with two versions
        String subject = "listed-" + UUID.randomUUID() + "-value";
        registerSchema(subject, PROBE_V1);
        registerSchema(subject, PROBE_V2);

        // Then it is listed among the subjects, the change feed's own included, with versions 1 and 2
        List<String> subjects = ccompat().get("/ccompat/subjects").then().statusCode(200).extract().jsonPath().getList(".");
        assertThat(subjects).contains(subject, "feature-registry.versions-value");
        ccompat().get("/ccompat/subjects/" + subject + "/versions").then().statusCode(200).body("", equalTo(List.of(1, 2)));
    }

    @Test
    void aVersionIsReadByNumberOrAsLatestAndItsSchemaAlone() {
        // Given a subject with two versions
        String subject = "versions-" + UUID.randomUUID() + "-value";
        int first = registerSchema(subject, PROBE_V1);
        int second = registerSchema(subject, PROBE_V2);

        // Then each version is read by number, the newest also as latest (or -1), with Confluent's fields
        ccompat().get("/ccompat/subjects/" + subject + "/versions/1").then().statusCode(200)
                .body("subject", equalTo(subject)).body("version", equalTo(1)).body("id", equalTo(first))
                .body("schema", equalTo(PROBE_V1.toString()));
        ccompat().get("/ccompat/subjects/" + subject + "/versions/latest").then().statusCode(200)
                .body("version", equalTo(2)).body("id", equalTo(second));
        ccompat().get("/ccompat/subjects/" + subject + "/versions/-1").then().statusCode(200).body("version", equalTo(2));
        // and the schema alone is the schema's own JSON, not a string inside another object
        String raw = ccompat().get("/ccompat/subjects/" + subject + "/versions/1/schema").then().statusCode(200)
                .body("type", equalTo("record")).body("name", equalTo("Probe")).extract().asString();
        assertThat(new org.apache.avro.Schema.Parser().parse(raw)).isEqualTo(PROBE_V1);
    }

    @Test
    void aSchemaIdNamesEverySubjectAndVersionItIsRegisteredAs() {
        // Given a schema no other test registers, under two subjects, as the second version of one of them
        String a = "ids-a-" + UUID.randomUUID() + "-value";
        String b = "ids-b-" + UUID.randomUUID() + "-value";
        org.apache.avro.Schema shared = org.apache.avro.SchemaBuilder.record("Shared" + UUID.randomUUID().toString().replace("-", ""))
                .fields().requiredString("id").endRecord();
        registerSchema(a, shared);
        registerSchema(b, PROBE_OTHER);
        ccompat().header("Authorization", AUTH).body(Map.of("compatibility", "NONE")).put("/ccompat/config/" + b)
                .then().statusCode(200);
        int id = registerSchema(b, shared);
        assertThat(registerSchema(a, shared)).isEqualTo(id);

        // Then the id reads back its schema, its subjects, and the version it is under each
        ccompat().get("/ccompat/schemas/ids/" + id).then().statusCode(200).body("schema", equalTo(shared.toString()));
        ccompat().get("/ccompat/schemas/ids/" + id + "/subjects").then().statusCode(200).body("", equalTo(List.of(a, b)));
        ccompat().get("/ccompat/schemas/ids/" + id + "/versions").then().statusCode(200)
                .body("", equalTo(List.of(Map.of("subject", a, "version", 1), Map.of("subject", b, "version", 2))));
    }

    @Test
    void theSchemaRegistrySaysItHoldsAvroInReadWriteModeAndItsLevels() {
        ccompat().get("/ccompat/schemas/types").then().statusCode(200).body("", equalTo(List.of("AVRO")));
        ccompat().get("/ccompat/mode").then().statusCode(200).body("mode", equalTo("READWRITE"));
        ccompat().get("/ccompat/mode/any-value").then().statusCode(200).body("mode", equalTo("READWRITE"));
        ccompat().get("/ccompat/config").then().statusCode(200).body("compatibilityLevel", equalTo("BACKWARD"));
        ccompat().get("/ccompat/config/any-value").then().statusCode(200).body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void whatTheSchemaRegistryCannotFindOrReadIsAConfluentErrorWithItsCode() {
        // Given a subject with one version
        String subject = "errors-" + UUID.randomUUID() + "-value";
        registerSchema(subject, PROBE_V1);

        // Then what is missing or malformed is refused with Confluent's status and error code
        assertConfluentError(ccompat().get("/ccompat/subjects/nope-" + subject + "/versions"), 404, 40401);
        assertConfluentError(ccompat().get("/ccompat/subjects/nope-" + subject + "/versions/latest"), 404, 40401);
        assertConfluentError(ccompat().get("/ccompat/subjects/" + subject + "/versions/2"), 404, 40402);
        assertConfluentError(ccompat().get("/ccompat/subjects/" + subject + "/versions/2/schema"), 404, 40402);
        assertConfluentError(ccompat().get("/ccompat/subjects/" + subject + "/versions/first"), 422, 42202);
        assertConfluentError(ccompat().get("/ccompat/subjects/" + subject + "/versions/0"), 422, 42202);
        assertConfluentError(ccompat().get("/ccompat/schemas/ids/999999"), 404, 40403);
        assertConfluentError(ccompat().get("/ccompat/schemas/ids/999999/subjects"), 404, 40403);
        assertConfluentError(ccompat().get("/ccompat/schemas/ids/999999/versions"), 404, 40403);
        assertConfluentError(ccompat().header("Authorization", AUTH).body("{\"schema\": \"{not avro\"}")
                .post("/ccompat/subjects/" + subject + "/versions"), 422, 42201);
        assertConfluentError(ccompat().header("Authorization", AUTH).body("{\"compatibility\": \"SIDEWAYS\"}")
                .put("/ccompat/config/" + subject), 422, 42203);
        // and so is a write without the token
        assertConfluentError(ccompat().body(Map.of("schema", PROBE_V1.toString()))
                .post("/ccompat/subjects/" + subject + "/versions"), 401, 401);
    }

    @Test
    void pathsAndMethodsTheSchemaRegistryDoesNotHaveAreConfluentErrorsThereOnly() {
        // Unknown paths and methods under /ccompat answer JSON that schema-registry clients read
        assertConfluentError(ccompat().get("/ccompat/nothing/here"), 404, 404);
        assertConfluentError(ccompat().get("/ccompat/schemas/ids/not-a-number"), 404, 404);
        assertConfluentError(ccompat().header("Authorization", AUTH).delete("/ccompat/schemas/types"), 405, 405);

        // while the rest of the service answers as it did
        given().when().get("/versions/fs-nope").then().statusCode(404).body("error", containsString("fs-nope"));
        assertThat(given().when().get("/nothing/here").then().statusCode(404).extract().asString()).doesNotContain("error_code");
        assertThat(given().header("Authorization", AUTH).when().delete("/versions").then().statusCode(405).extract().asString())
                .doesNotContain("error_code");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/versions/{version}/promote'.post", org.hamcrest.Matchers.notNullValue());
    }

    private static final org.apache.avro.Schema PROBE_V1 = org.apache.avro.SchemaBuilder.record("Probe").fields()
            .requiredString("id").endRecord();
    private static final org.apache.avro.Schema PROBE_V2 = org.apache.avro.SchemaBuilder.record("Probe").fields()
            .requiredString("id").name("lang").type().stringType().stringDefault("en").endRecord();
    private static final org.apache.avro.Schema PROBE_OTHER = org.apache.avro.SchemaBuilder.record("Other").fields()
            .requiredLong("n").endRecord();

    /** A request as schema-registry clients send them. */
    private static io.restassured.specification.RequestSpecification ccompat() {
        return given().contentType(SchemaRegistryResource.CONTENT_TYPE).accept(SchemaRegistryResource.CONTENT_TYPE).when();
    }

    private static int registerSchema(String subject, org.apache.avro.Schema schema) {
        return ccompat().header("Authorization", AUTH).body(Map.of("schema", schema.toString()))
                .post("/ccompat/subjects/" + subject + "/versions").then().statusCode(200).extract().path("id");
    }

    private static void assertConfluentError(Response response, int status, int errorCode) {
        response.then().statusCode(status).contentType(containsString("json"))
                .body("error_code", equalTo(errorCode)).body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    private static Response upload(byte[] bytes) {
        return given().header("Authorization", AUTH).contentType("application/zip").body(bytes).when().post("/versions");
    }

    private static Response promote(String version) {
        return given().header("Authorization", AUTH).when().post("/versions/" + version + "/promote");
    }

    /** The bundle with one byte of one entry flipped. */
    private static byte[] tamper(byte[] zip, String entryName) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content[content.length / 2] ^= 0x21;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<Path> listArtifacts() throws Exception {
        try (var files = Files.list(KafkaForRegistry.artifacts)) {
            return files.sorted().toList();
        }
    }

    /** The change feed as a stream reads it: committed records, last one per version. */
    private static Map<String, FeatureSetVersion> feed() {
        SpecificAvroSerde<FeatureSetVersion> serde = new SpecificAvroSerde<>(FeatureSetVersion.class);
        serde.configure(Map.of("schema.registry.url", "mock://registry-test"), false);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaForRegistry.broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "feed-reader-" + UUID.randomUUID());
        Map<String, FeatureSetVersion> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            dev.emscreen.schemas.TopicSnapshot.read(consumer, "feature-registry.versions", r -> latest.put(r.key(), r.value()));
        }
        return latest;
    }
}
