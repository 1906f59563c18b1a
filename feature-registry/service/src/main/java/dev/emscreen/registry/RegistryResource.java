package dev.emscreen.registry;

import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Feature-set versions: list, read, upload (as CANDIDATE), promote, roll back, diff. */
@Path("/versions")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    @Inject
    FeatureSetCatalog catalog;
    @Inject
    ArtifactStore store;
    @Inject
    BundleVerifier verifier;
    @Inject
    RegistryConfig config;

    @GET
    public List<VersionView> list() {
        return catalog.all().stream().map(VersionView::of).toList();
    }

    @GET
    @Path("/active")
    public Response active() {
        return catalog.active().map(v -> Response.ok(VersionView.of(v)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "no feature set is active yet"));
    }

    @GET
    @Path("/{version}")
    public Response get(@PathParam("version") String version) {
        return catalog.get(version).map(v -> Response.ok(VersionView.of(v)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "no feature set " + version + " in this registry"));
    }

    /** A bundle archive (the .zip ./emscreen train writes): verified whole before anything is stored or announced. */
    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body, @Context UriInfo request) throws IOException {
        java.nio.file.Path received;
        try {
            received = store.receive(body);
        } catch (ArtifactStore.TooLargeException e) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
        FeatureSetManifest manifest;
        try {
            manifest = verifier.verify(received);
        } catch (BundleVerifier.InvalidBundleException e) {
            Files.deleteIfExists(received);
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String sha = store.keep(received);
        // Unconfigured, the address the uploader reached: it is where this service really listens
        // (a port the OS picked included), where a configured default could only guess.
        String base = config.publicUrl().orElseGet(() -> request.getBaseUri().toString());
        URI uri = URI.create(base.replaceAll("/+$", "") + "/artifacts/" + sha);
        FeatureSetVersion registered = catalog.register(FeatureSetVersions.of(manifest, FeatureSetStatus.CANDIDATE, uri, sha));
        return Response.created(URI.create("/versions/" + registered.getVersion())).entity(VersionView.of(registered)).build();
    }

    @POST
    @Path("/{version}/promote")
    public Response promote(@PathParam("version") String version) {
        try {
            return Response.ok(VersionView.of(catalog.promote(version))).build();
        } catch (FeatureSetLifecycle.UnknownVersionException e) {
            return error(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @POST
    @Path("/rollback")
    public Response rollback() {
        try {
            return Response.ok(VersionView.of(catalog.rollback())).build();
        } catch (IllegalStateException e) {
            return error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @GET
    @Path("/diff")
    public Response diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || to == null) {
            return error(Response.Status.BAD_REQUEST, "give both versions: /versions/diff?from=A&to=B");
        }
        var a = catalog.get(from);
        var b = catalog.get(to);
        if (a.isEmpty() || b.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "no feature set " + (a.isEmpty() ? from : to) + " in this registry");
        }
        return Response.ok(VersionDiff.of(a.get(), b.get())).build();
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
