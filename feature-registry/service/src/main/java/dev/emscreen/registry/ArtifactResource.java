package dev.emscreen.registry;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Bundle archives by sha256: what streams fetch when a version is promoted. */
@Path("/artifacts")
public class ArtifactResource {

    @Inject
    ArtifactStore store;

    @GET
    @Path("/{sha256}")
    public Response get(@PathParam("sha256") String sha256) {
        return store.find(sha256)
                .map(path -> Response.ok(path.toFile(), "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"" + sha256 + ".zip\"").build())
                .orElseGet(() -> RegistryResource.error(Response.Status.NOT_FOUND, "no artifact " + sha256));
    }
}
