package dev.emscreen.registry;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The errors that JAX-RS raises before a method of {@link SchemaRegistryResource} runs (no such
 * path, wrong method, unreadable body...), in Confluent's shape when the request is for /ccompat:
 * schema-registry clients read {@code error_code} from every failure. As Confluent's server does
 * for these, the code is the HTTP status. Other paths keep what JAX-RS answers by default.
 */
public class SchemaRegistryErrors {

    @ServerExceptionMapper
    public Response map(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (!isSchemaRegistryPath(uri.getPath())) {
            // Without this mapper the runtime answers with the exception's own response: so do we.
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return SchemaRegistryResource.error(status.getStatusCode(), status.getStatusCode(),
                "HTTP " + status.getStatusCode() + " " + status.getReasonPhrase());
    }

    static boolean isSchemaRegistryPath(String path) {
        return path.equals(SchemaRegistryResource.ROOT) || path.startsWith(SchemaRegistryResource.ROOT + "/");
    }
}
