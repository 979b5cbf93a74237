package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.SessionView;
import cc.monitoring.monitor.api.Views.StartRequest;
import cc.monitoring.monitor.service.SessionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** A supervisor's monitoring sessions: start, barge, mute, coach, hang up / end. */
@Path("/api/monitoring/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService service;
    private final CurrentCaller caller;

    public SessionResource(SessionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start monitoring: voice dials the chosen extension (DIALING, then ACTIVE muted); digital is ACTIVE at once")
    public Response start(StartRequest request, UriInfo uri) {
        // ids are checked (and refusals audited) by the service, whatever their length (B41)
        SessionView session = SessionView.of(service.start(caller.get(), request == null ? null : request.interactionId(),
                request == null ? null : request.extension()));
        return Response.created(uri.getAbsolutePathBuilder().path(session.sessionId()).build()).entity(session).build();
    }

    @GET
    @Operation(summary = "The caller's sessions that have not ended")
    public List<SessionView> live() {
        return service.live(caller.get()).stream().map(SessionView::of).toList();
    }

    @GET
    @Path("{id}")
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(service.get(caller.get(), id));
    }

    @POST
    @Path("{id}/barge")
    @Operation(summary = "Unmute: agent and customer hear the supervisor (needs BARGE_ALL_CALLS)")
    public SessionView barge(@PathParam("id") String id) {
        return SessionView.of(service.barge(caller.get(), id));
    }

    @POST
    @Path("{id}/mute")
    @Operation(summary = "Back to silent monitoring")
    public SessionView mute(@PathParam("id") String id) {
        return SessionView.of(service.mute(caller.get(), id));
    }

    @POST
    @Path("{id}/coach")
    @Operation(summary = "Whisper: only the agent hears the supervisor (needs COACH_CALLS)")
    public SessionView coach(@PathParam("id") String id) {
        return SessionView.of(service.coach(caller.get(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Hang up the monitor leg (voice; the call goes on) or End Monitoring (digital)")
    public SessionView end(@PathParam("id") String id) {
        return SessionView.of(service.end(caller.get(), id));
    }
}
