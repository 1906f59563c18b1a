package dev.emscreen.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's wire behaviour: TLS with a configured trust store, basic auth, Confluent's paths and
 * error bodies, caching and URL fail-over. The server here answers like Confluent's does for the
 * calls made; the real server is exercised by ConfluentSchemaRegistryIT wherever Docker runs.
 */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Sample").fields().requiredString("id").endRecord();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path truststore;
    private HttpsServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Map<String, Object> config;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keystore = dir.resolve("server.p12");
        truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "secret1");
        keytool("-exportcert", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-file", dir.resolve("server.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", dir.resolve("server.crt").toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", "secret2");
    }

    @BeforeEach
    void startTlsServer() throws Exception {

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        server.createContext("/", this::answer);
        server.start();
        config = Map.of(
                "schema.registry.url", "https://localhost:" + server.getAddress().getPort(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:pa55",
                "schema.registry.ssl.truststore.location", truststore.toString(),
                "schema.registry.ssl.truststore.password", "secret2",
                "schema.registry.ssl.truststore.type", "PKCS12");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void speaksConfluentsApiOverTlsWithBasicAuth() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(config);

        assertThat(client.register("samples-value", SCHEMA)).isEqualTo(7);
        assertThat(client.getById(7)).isEqualTo(SCHEMA);
        assertThat(client.latest("samples-value").version()).isEqualTo(3);
        assertThat(client.isCompatible("samples-value", SCHEMA)).isTrue();
        assertThat(client.compatibility("samples-value")).isEqualTo(CompatibilityLevel.FULL);

        assertThat(requests).containsExactly(
                "POST /subjects/samples-value/versions auth=ok",
                "GET /subjects/samples-value/versions/latest auth=ok",
                "POST /compatibility/subjects/samples-value/versions/latest auth=ok",
                "GET /config/samples-value?defaultToGlobal=true auth=ok");
    }

    @Test
    void idsAreCachedSoRepeatedLookupsStayLocal() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(config);
        client.register("samples-value", SCHEMA);
        client.register("samples-value", SCHEMA);
        client.getById(8);
        client.getById(8);

        assertThat(requests).containsExactly("POST /subjects/samples-value/versions auth=ok", "GET /schemas/ids/8 auth=ok");
    }

    @Test
    void refusalsCarryConfluentsErrorCodeAndMessage() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(config);

        assertThatThrownBy(() -> client.getById(404))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("Schema 404 not found");
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        Map<String, Object> wrong = new java.util.HashMap<>(config);
        wrong.put("basic.auth.user.info", "svc:guess");

        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(wrong).getById(7))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void withoutTheTrustStoreTheServerIsNotTrusted() {
        Map<String, Object> untrusted = new java.util.HashMap<>(config);
        untrusted.remove("schema.registry.ssl.truststore.location");

        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(untrusted).getById(7))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.UNREACHABLE))
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void nextUrlIsTriedWhenOneIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> failover = new java.util.HashMap<>(config);
        failover.put("schema.registry.url", "https://localhost:" + closedPort + ",https://localhost:" + server.getAddress().getPort());

        assertThat(SchemaRegistryClients.fromConfig(failover).getById(7)).isEqualTo(SCHEMA);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        boolean ok = ("Basic " + java.util.Base64.getEncoder().encodeToString("svc:pa55".getBytes(StandardCharsets.UTF_8))).equals(auth);
        String uri = exchange.getRequestURI().toString();
        requests.add(exchange.getRequestMethod() + " " + uri + " auth=" + (ok ? "ok" : "missing"));
        exchange.getRequestBody().readAllBytes();
        if (!ok) {
            reply(exchange, 401, Map.of("error_code", 401, "message", "Unauthorized"));
        } else if (uri.equals("/schemas/ids/404")) {
            reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema 404 not found"));
        } else if (uri.startsWith("/schemas/ids/")) {
            reply(exchange, 200, Map.of("schema", SCHEMA.toString()));
        } else if (uri.endsWith("/versions")) {
            reply(exchange, 200, Map.of("id", 7));
        } else if (uri.startsWith("/compatibility/")) {
            reply(exchange, 200, Map.of("is_compatible", true));
        } else if (uri.startsWith("/config/")) {
            reply(exchange, 200, Map.of("compatibilityLevel", "FULL"));
        } else {
            reply(exchange, 200, Map.of("subject", "samples-value", "id", 7, "version", 3, "schema", SCHEMA.toString()));
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "secret1".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "secret1".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
