package dev.emscreen.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of Confluent's schema-registry REST API. Ids are immutable, so schemas by id and ids by
 * (subject, schema) are cached forever; "latest" is always asked afresh. With several URLs, the
 * next is tried when one cannot be reached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (config.tls().isCustom()) {
            builder.sslContext(config.tls().sslContext());
        }
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<String, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema.toString());
        if (cached != null) {
            return cached;
        }
        int id = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
        ids.put(schema.toString(), id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        RegisteredSchema found = registered(call("POST", "/subjects/" + encode(subject), schemaBody(schema)), subject);
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema.toString(), found.id());
        return found;
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id,
                key -> new Schema.Parser().parse(call("GET", "/schemas/ids/" + key, null).get("schema").asText()));
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        JsonNode body = call("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
        return CompatibilityLevel.parse(body.path("compatibilityLevel").asText());
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        call("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    @Override
    public String describe() {
        return config.urls().stream().map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .reduce((a, b) -> a + "," + b).orElse("");
    }

    private RegisteredSchema registered(JsonNode body, String subject) {
        int id = body.get("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, key -> new Schema.Parser().parse(body.get("schema").asText()));
        return new RegisteredSchema(subject, id, body.path("version").asInt(), schema);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : config.urls()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(base).resolve(stripTrailingSlash(base) + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            config.basicAuthHeader().ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return parse(method, path, response);
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
                        "Interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
                "Schema registry " + describe() + " cannot be reached: " + lastFailure, lastFailure);
    }

    private JsonNode parse(String method, String path, HttpResponse<String> response) throws IOException {
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : readOrWrap(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        int code = json.path("error_code").asInt(response.statusCode());
        String message = json.path("message").asText(response.body());
        throw new SchemaRegistryException(response.statusCode(), code,
                "Schema registry " + describe() + " refused " + method + " " + path + ": HTTP " + response.statusCode()
                        + " (error " + code + "): " + message);
    }

    private static JsonNode readOrWrap(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static URI withoutUserInfo(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/");
    }

    private static String stripTrailingSlash(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
