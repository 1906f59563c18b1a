package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ScreenedSample;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The review console's API, for its page at /review. The annotator is always the signed-in one;
 * every call that changes something carries the session's CSRF token in a header. Calls that move
 * on (decide, skip) answer with the next sample, so a key press costs one round trip.
 */
@Path("/review/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReviewResource {

    /**
     * What the page shows next: a sample (null when none is free here), how many wait under the filter
     * on this instance, and, when none is free here, the consoles of instances that hold other partitions.
     */
    public record Turn(SampleCard sample, int waiting, List<String> elsewhere) {
    }

    public record Session(String annotator, String csrfToken, long undoWindowMillis) {
    }

    public record Ruling(String sampleId, String action, String reason) {
    }

    @Inject
    ReviewConsole console;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/session")
    public Session session() {
        String me = annotator();
        return new Session(me, console.csrf().tokenFor(me), console.undoWindow().toMillis());
    }

    /** Gives the caller the next free sample (a change: it takes a hold on it, and lets go of the one shown before). */
    @POST
    @Path("/next")
    public Response next(@HeaderParam(CsrfTokens.HEADER) String token, @QueryParam("domain") String domain,
                         @QueryParam("version") String version, @QueryParam("order") String order) {
        return changing(token, () -> turn(console.desk().next(annotator(), QueueFilter.of(domain, version, order)),
                domain, version, order));
    }

    @POST
    @Path("/decisions")
    public Response decide(@HeaderParam(CsrfTokens.HEADER) String token, Ruling ruling, @QueryParam("domain") String domain,
                           @QueryParam("version") String version, @QueryParam("order") String order) {
        return changing(token, () -> {
            if (ruling == null || ruling.sampleId() == null || ruling.action() == null) {
                throw new IllegalArgumentException("a ruling needs sampleId and action (ACCEPT or QUARANTINE)");
            }
            console.desk().decide(annotator(), ruling.sampleId(), action(ruling.action()), ruling.reason());
            return turn(console.desk().next(annotator(), QueueFilter.of(domain, version, order)), domain, version, order);
        });
    }

    @POST
    @Path("/samples/{id}/skip")
    public Response skip(@HeaderParam(CsrfTokens.HEADER) String token, @PathParam("id") String sampleId,
                         @QueryParam("domain") String domain, @QueryParam("version") String version,
                         @QueryParam("order") String order) {
        return changing(token, () -> {
            console.desk().skip(annotator(), sampleId);
            return turn(console.desk().next(annotator(), QueueFilter.of(domain, version, order)), domain, version, order);
        });
    }

    /** Takes back the latest ruling still inside its undo window; 409 when there is none. */
    @POST
    @Path("/undo")
    public Response undo(@HeaderParam(CsrfTokens.HEADER) String token) {
        return changing(token, () -> console.desk().undo(annotator())
                .map(shown -> (Object) new Turn(SampleCard.of(shown.screened()), shown.waiting(), List.of()))
                .orElseThrow(() -> new ReviewDesk.NotYours("nothing to undo: no ruling of yours is still inside its undo window")));
    }

    @POST
    @Path("/heartbeat")
    public Response heartbeat(@HeaderParam(CsrfTokens.HEADER) String token) {
        return changing(token, () -> {
            console.desk().heartbeat(annotator());
            return Map.of("annotator", annotator());
        });
    }

    @POST
    @Path("/leave")
    public Response leave(@HeaderParam(CsrfTokens.HEADER) String token) {
        return changing(token, () -> {
            console.desk().leave(annotator());
            return Map.of("annotator", annotator());
        });
    }

    /** Leaves (the held samples go back to the queue; rulings are still sent) and ends the session. */
    @POST
    @Path("/sign-out")
    public Response signOut(@HeaderParam(CsrfTokens.HEADER) String token) {
        Response left = leave(token);
        if (left.getStatus() == Response.Status.OK.getStatusCode()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return left;
    }

    /** The response's stretches by what they add to the score, from the serving feature set's Screener. */
    @GET
    @Path("/samples/{id}/highlights")
    public Response highlights(@PathParam("id") String sampleId) {
        return answer(() -> {
            ScreenedSample screened = console.desk().waitingSample(sampleId)
                    .orElseThrow(() -> new ReviewDesk.NotYours("sample " + sampleId + " does not wait for review here"));
            return console.highlighter().of(screened);
        });
    }

    @GET
    @Path("/dashboard")
    public Response dashboard(@QueryParam("domain") String domain, @QueryParam("version") String version) {
        return answer(() -> console.desk().dashboard(QueueFilter.of(domain, version, null)));
    }

    private Turn turn(Optional<ReviewDesk.Shown> shown, String domain, String version, String order) {
        return shown.map(s -> new Turn(SampleCard.of(s.screened()), s.waiting(), List.of()))
                .orElseGet(() -> new Turn(null, console.desk().waiting(QueueFilter.of(domain, version, order)),
                        console.others().addresses()));
    }

    private Response changing(String token, Supplier<Object> change) {
        if (!console.csrf().valid(annotator(), token)) {
            return error(Response.Status.FORBIDDEN, "missing or wrong " + CsrfTokens.HEADER + " header; reload the page");
        }
        return answer(change);
    }

    private static Response answer(Supplier<Object> work) {
        try {
            return Response.ok(work.get()).build();
        } catch (ReviewDesk.NotYours e) {
            return error(Response.Status.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) { // the store is not queryable: starting or rebalancing
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .entity(Map.of("error", e.getMessage())).build();
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }

    private static ReviewAction action(String name) {
        try {
            return ReviewAction.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be ACCEPT or QUARANTINE, not '" + name + "'");
        }
    }

    private String annotator() {
        return identity.getPrincipal().getName();
    }
}
