package dev.emscreen.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.schemas.registry.CompatibilityLevel;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.registry.RegisteredSchema;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Confluent's schema-registry API over the in-memory registry this service hosts (see
 * {@link SchemaRegistryHost}): what the project's clients write and look up, and the read side
 * that registry browsers and Confluent's own tools use. Point a client at
 * {@code http://host:8081/ccompat}. Every error, paths and methods this API does not have included
 * (see {@link SchemaRegistryErrors}), is Confluent's {@code {"error_code", "message"}}.
 */
@Path(SchemaRegistryResource.ROOT)
@Produces({SchemaRegistryResource.CONTENT_TYPE, MediaType.APPLICATION_JSON})
@Consumes({SchemaRegistryResource.CONTENT_TYPE, MediaType.APPLICATION_JSON})
public class SchemaRegistryResource {

    static final String ROOT = "/ccompat";
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    // Confluent's error codes that the in-memory registry itself has no reason to know.
    static final int INVALID_SCHEMA = 42201;
    static final int INVALID_VERSION = 42202;
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A version of a subject, as Confluent shows it (no schemaType: it is left out for Avro). */
    public record SchemaView(String subject, int version, int id, String schema) {
        static SchemaView of(RegisteredSchema s) {
            return new SchemaView(s.subject(), s.version(), s.id(), s.schema().toString());
        }
    }

    public record SubjectVersion(String subject, int version) {
    }

    /** Confluent's error body. */
    public record Error(@JsonProperty("error_code") int errorCode, String message) {
    }

    @Inject
    SchemaRegistryHost host;

    @GET
    @Path("/subjects")
    public Response subjects() {
        return with(InMemorySchemaRegistry::subjects);
    }

    @GET
    @Path("/subjects/{subject}/versions")
    public Response versions(@PathParam("subject") String subject) {
        return with(r -> r.versions(subject));
    }

    @POST
    @Path("/subjects/{subject}/versions")
    public Response register(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> Map.of("id", r.register(subject, schema(body))));
    }

    @GET
    @Path("/subjects/{subject}/versions/{version}")
    public Response version(@PathParam("subject") String subject, @PathParam("version") String version) {
        return with(r -> SchemaView.of(find(r, subject, version)));
    }

    /** The schema alone, as the JSON it was registered as. */
    @GET
    @Path("/subjects/{subject}/versions/{version}/schema")
    public Response versionSchema(@PathParam("subject") String subject, @PathParam("version") String version) {
        return with(r -> json(find(r, subject, version).schema()));
    }

    @POST
    @Path("/subjects/{subject}")
    public Response lookup(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> SchemaView.of(r.lookup(subject, schema(body))));
    }

    @GET
    @Path("/schemas/ids/{id}")
    public Response byId(@PathParam("id") int id) {
        return with(r -> Map.of("schema", r.getById(id).toString()));
    }

    @GET
    @Path("/schemas/ids/{id}/subjects")
    public Response subjectsOf(@PathParam("id") int id) {
        return with(r -> r.usesOf(id).stream().map(RegisteredSchema::subject).distinct().toList());
    }

    @GET
    @Path("/schemas/ids/{id}/versions")
    public Response versionsOf(@PathParam("id") int id) {
        return with(r -> r.usesOf(id).stream().map(s -> new SubjectVersion(s.subject(), s.version())).toList());
    }

    /** The in-memory registry holds Avro only. */
    @GET
    @Path("/schemas/types")
    public Response types() {
        return with(r -> List.of("AVRO"));
    }

    @POST
    @Path("/compatibility/subjects/{subject}/versions/latest")
    public Response compatible(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> Map.of("is_compatible", r.isCompatible(subject, schema(body))));
    }

    @GET
    @Path("/config/{subject}")
    public Response compatibility(@PathParam("subject") String subject) {
        return with(r -> Map.of("compatibilityLevel", r.compatibility(subject).name()));
    }

    @GET
    @Path("/config")
    public Response globalCompatibility() {
        return with(r -> Map.of("compatibilityLevel", r.compatibility(null).name()));
    }

    @PUT
    @Path("/config/{subject}")
    public Response setCompatibility(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> {
            r.setCompatibility(subject, level(body));
            return Map.of("compatibility", r.compatibility(subject).name());
        });
    }

    @PUT
    @Path("/config")
    public Response setGlobalCompatibility(JsonNode body) {
        return setCompatibility(null, body);
    }

    /** Always read-write: the in-memory registry has no import or read-only modes. */
    @GET
    @Path("/mode")
    public Response mode() {
        return with(r -> Map.of("mode", "READWRITE"));
    }

    @GET
    @Path("/mode/{subject}")
    public Response subjectMode(@PathParam("subject") String subject) {
        return mode();
    }

    private Response with(Function<InMemorySchemaRegistry, Object> call) {
        var registry = host.hosted();
        if (registry.isEmpty()) {
            return error(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "this service uses an external schema registry; ask that one");
        }
        try {
            return Response.ok(call.apply(registry.get())).build();
        } catch (SchemaRegistryException e) {
            return error(e.status(), e.errorCode(), e.getMessage());
        } catch (InvalidVersionException e) {
            return error(422, INVALID_VERSION, e.getMessage());
        } catch (InvalidLevelException e) {
            return error(422, INVALID_COMPATIBILITY_LEVEL, e.getMessage());
        } catch (SchemaParseException | IllegalArgumentException e) {
            return error(422, INVALID_SCHEMA, "invalid schema: " + e.getMessage());
        }
    }

    /** {@code version} as Confluent reads it: 1 and up, or "latest" (also -1). */
    private static RegisteredSchema find(InMemorySchemaRegistry registry, String subject, String version) {
        if (version.equals("latest") || version.equals("-1")) {
            return registry.latest(subject);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new InvalidVersionException(version);
        }
        return registry.version(subject, number);
    }

    private static Schema schema(JsonNode body) {
        if (body == null || !body.hasNonNull("schema")) {
            throw new IllegalArgumentException("the body needs a \"schema\" field");
        }
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    private static CompatibilityLevel level(JsonNode body) {
        try {
            return CompatibilityLevel.parse(body == null ? "" : body.path("compatibility").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidLevelException(e.getMessage());
        }
    }

    private static JsonNode json(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON: " + e.getMessage(), e);
        }
    }

    static Response error(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Error(code, message)).build();
    }

    private static final class InvalidVersionException extends RuntimeException {
        InvalidVersionException(String version) {
            super("The specified version '" + version + "' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
    }

    private static final class InvalidLevelException extends RuntimeException {
        InvalidLevelException(String message) {
            super(message);
        }
    }
}
