package dev.emscreen.registry;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Writes need {@code Authorization: Bearer <emscreen.registry.token>}; reads too when
 * {@code emscreen.registry.protect-reads=true}. Missing → 401, wrong → 403, each with a body that
 * says which. Health and OpenAPI stay open.
 */
@Provider
public class BearerTokenFilter implements ContainerRequestFilter {

    // A provider, not the mapping itself: filters are built while Quarkus is still at static init,
    // before runtime configuration exists.
    @Inject
    jakarta.inject.Provider<RegistryConfig> configuration;

    @Override
    public void filter(ContainerRequestContext request) {
        RegistryConfig config = configuration.get();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && !config.protectReads()) {
            return;
        }
        if (config.token().isEmpty() || config.token().get().isBlank()) {
            abort(request, Response.Status.FORBIDDEN, "this registry has no emscreen.registry.token configured, so it is "
                    + "read-only; set one to allow " + (read ? "reads" : "writes"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = presentedToken(header, request.getUriInfo().getPath());
        if (presented == null) {
            abort(request, Response.Status.UNAUTHORIZED, "missing bearer token: send 'Authorization: Bearer <token>'");
            return;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.token().get().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) { // constant time: no timing hint about the token
            abort(request, Response.Status.FORBIDDEN, "the bearer token is not valid for this registry");
        }
    }

    /**
     * The bearer token; on /ccompat also the password of HTTP basic auth, since schema-registry
     * clients (the project's serde, Confluent's) authenticate that way (basic.auth.user.info=any:TOKEN).
     */
    private static String presentedToken(String header, String path) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (path.startsWith("/ccompat") && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String userInfo = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = userInfo.indexOf(':');
                return colon < 0 ? null : userInfo.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private static void abort(ContainerRequestContext request, Response.Status status, String error) {
        // Schema-registry clients read Confluent's error body, the rest of the API has its own.
        Object body = SchemaRegistryErrors.isSchemaRegistryPath(request.getUriInfo().getPath())
                ? new SchemaRegistryResource.Error(status.getStatusCode(), error) : Map.of("error", error);
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == Response.Status.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"emscreen-registry\"");
        }
        request.abortWith(response.build());
    }
}
