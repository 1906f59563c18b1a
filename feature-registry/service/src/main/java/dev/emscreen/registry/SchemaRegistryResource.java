package dev.emscreen.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emscreen.schemas.registry.CompatibilityLevel;
import dev.emscreen.schemas.registry.MockSchemaRegistry;
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
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The part of Confluent's schema-registry API the project's clients use, over the in-memory
 * registry this service hosts (see {@link SchemaRegistryHost}). Point a client at
 * {@code http://host:8081/ccompat}.
 */
@Path("/ccompat")
@Produces({"application/vnd.schemaregistry.v1+json", MediaType.APPLICATION_JSON})
@Consumes({"application/vnd.schemaregistry.v1+json", MediaType.APPLICATION_JSON})
public class SchemaRegistryResource {

    @Inject
    SchemaRegistryHost host;

    @POST
    @Path("/subjects/{subject}/versions")
    public Response register(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> Map.of("id", r.register(subject, schema(body))));
    }

    @POST
    @Path("/subjects/{subject}")
    public Response lookup(@PathParam("subject") String subject, JsonNode body) {
        return with(r -> view(r.lookup(subject, schema(body))));
    }

    @GET
    @Path("/schemas/ids/{id}")
    public Response byId(@PathParam("id") int id) {
        return with(r -> Map.of("schema", r.getById(id).toString()));
    }

    @GET
    @Path("/subjects/{subject}/versions/latest")
    public Response latest(@PathParam("subject") String subject) {
        return with(r -> view(r.latest(subject)));
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
            r.setCompatibility(subject, CompatibilityLevel.parse(body.path("compatibility").asText()));
            return Map.of("compatibility", r.compatibility(subject).name());
        });
    }

    @PUT
    @Path("/config")
    public Response setGlobalCompatibility(JsonNode body) {
        return setCompatibility(null, body);
    }

    private Response with(Function<MockSchemaRegistry, Object> call) {
        var registry = host.hosted();
        if (registry.isEmpty()) {
            return error(404, 40401, "this service uses an external schema registry; ask that one");
        }
        try {
            return Response.ok(call.apply(registry.get())).build();
        } catch (SchemaRegistryException e) {
            return error(e.status(), e.errorCode(), e.getMessage());
        } catch (SchemaParseException | IllegalArgumentException e) {
            return error(422, 42201, "invalid schema or setting: " + e.getMessage());
        }
    }

    private static Schema schema(JsonNode body) {
        if (body == null || !body.hasNonNull("schema")) {
            throw new IllegalArgumentException("the body needs a \"schema\" field");
        }
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    private static Map<String, Object> view(RegisteredSchema s) {
        return Map.of("subject", s.subject(), "version", s.version(), "id", s.id(), "schema", s.schema().toString());
    }

    private static Response error(int status, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error_code", code, "message", message))
                .build();
    }
}
