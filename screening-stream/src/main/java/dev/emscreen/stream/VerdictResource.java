package dev.emscreen.stream;

import dev.emscreen.records.Verdict;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

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
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return unavailable("the stream is " + streams.state() + "; verdicts can be queried once it is RUNNING");
        }
        try {
            KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.VERDICTS, id, new StringSerializer());
            if (where == null || KeyQueryMetadata.NOT_AVAILABLE.equals(where)) {
                return unavailable("the verdict store is not available (the stream is starting or rebalancing)");
            }
            Verdict verdict;
            try {
                // Asked of the one partition that holds the id: it answers only if that partition is active here.
                verdict = streams.store(StoreQueryParameters.fromNameAndType(StoreNames.VERDICTS,
                        QueryableStoreTypes.<String, Verdict>keyValueStore()).withPartition(where.partition())).get(id);
            } catch (InvalidStateStoreException notHere) {
                HostInfo owner = where.activeHost();
                return Response.temporaryRedirect(URI.create("http://" + owner.host() + ":" + owner.port()
                        + "/samples/" + encode(id) + "/verdict")).build();
            }
            if (verdict == null) {
                return Response.status(Response.Status.NOT_FOUND)
                        .entity(Map.of("error", "no verdict for sample '" + id + "' (not screened yet, or unknown)")).build();
            }
            return Response.ok(VerdictView.of(id, verdict)).build();
        } catch (InvalidStateStoreException e) {
            return unavailable("the verdict store is not queryable right now: " + e.getMessage());
        }
    }

    private static Response unavailable(String why) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .entity(Map.of("error", why)).build();
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
