package dev.emscreen.stream.review;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The current verdict of a sample. Verdicts are spread over the instances by sample id; an
 * instance that does not hold the id redirects to the one that does.
 */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictResource {

    @Inject
    KafkaStreams streams;

    @GET
    @Path("/{id}/verdict")
    public Response verdict(@PathParam("id") String id) {
        VerdictLocator.Location location = new VerdictLocator(streams).locate(id);
        if (location instanceof VerdictLocator.Here here) {
            return here.verdict() == null
                    ? Response.status(Response.Status.NOT_FOUND)
                            .entity(Map.of("error", "no verdict for sample '" + id + "' (not screened yet, or unknown)")).build()
                    : Response.ok(VerdictView.of(id, here.verdict())).build();
        }
        if (location instanceof VerdictLocator.Elsewhere elsewhere) {
            return Response.temporaryRedirect(URI.create("http://" + elsewhere.owner().host() + ":" + elsewhere.owner().port()
                    + "/samples/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/verdict")).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .entity(Map.of("error", ((VerdictLocator.Unavailable) location).why())).build();
    }
}
