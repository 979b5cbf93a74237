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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A supervisor's monitoring sessions: start, barge, mute, coach, hang up / end. */
@Path("/api/monitoring/sessions")
@Tag(name = "Monitoring sessions", description = "Start, barge, mute, coach and end the caller's monitoring sessions")
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
    @APIResponse(responseCode = "201", description = "The session; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "`invalid-request`: interactionId missing or malformed;"
            + " `extension-not-yours`: the extension is not one of the caller's")
    @APIResponse(responseCode = "403", description = "`monitor-not-permitted`: the role lacks MONITOR_ALL_CALLS (B01);"
            + " `own-interaction`: the caller is the agent on it (B02)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no monitorable interaction with this id")
    @APIResponse(responseCode = "409", description = "`already-monitoring`: the caller monitors it already;"
            + " `voice-monitor-active`: the caller monitors another call (B22); `interaction-ended`;"
            + " `logged-in-as-agent`: log out of the agent desktop first (B05); `no-extension`: the caller has no"
            + " extension to take the monitor leg on; `concurrent-change`: another request changed the same data")
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
    @Operation(summary = "One of the caller's sessions, ended or not")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "404", description = "`session-not-found`: no such monitoring session of the caller")
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(service.get(caller.get(), id));
    }

    @POST
    @Path("{id}/barge")
    @Operation(summary = "Unmute: agent and customer hear the supervisor (needs BARGE_ALL_CALLS)")
    @APIResponse(responseCode = "200", description = "The session; pendingMode until the provider confirms the mode"
            + " (B29)")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "403", description = "`barge-not-permitted`: the role lacks BARGE_ALL_CALLS (B04)")
    @APIResponse(responseCode = "404", description = "`session-not-found`: no such monitoring session of the caller")
    @APIResponse(responseCode = "409", description = "`session-not-active`: not ACTIVE (yet or any more);"
            + " `not-voice`: a digital session has no microphone")
    public SessionView barge(@PathParam("id") String id) {
        return SessionView.of(service.barge(caller.get(), id));
    }

    @POST
    @Path("{id}/mute")
    @Operation(summary = "Back to silent monitoring")
    @APIResponse(responseCode = "200", description = "The session; pendingMode until the provider confirms the mode"
            + " (B29)")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "404", description = "`session-not-found`: no such monitoring session of the caller")
    @APIResponse(responseCode = "409", description = "`session-not-active`: not ACTIVE (yet or any more);"
            + " `not-voice`: a digital session has no microphone")
    public SessionView mute(@PathParam("id") String id) {
        return SessionView.of(service.mute(caller.get(), id));
    }

    @POST
    @Path("{id}/coach")
    @Operation(summary = "Whisper: only the agent hears the supervisor (needs COACH_CALLS)")
    @APIResponse(responseCode = "200", description = "The session; pendingMode until the provider confirms the mode"
            + " (B29)")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "403", description = "`coach-not-permitted`: the role lacks COACH_CALLS")
    @APIResponse(responseCode = "404", description = "`session-not-found`: no such monitoring session of the caller")
    @APIResponse(responseCode = "409", description = "`session-not-active`: not ACTIVE (yet or any more);"
            + " `not-voice`: a digital session has no microphone")
    public SessionView coach(@PathParam("id") String id) {
        return SessionView.of(service.coach(caller.get(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Hang up the monitor leg (voice; the call goes on) or End Monitoring (digital)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "404", description = "`session-not-found`: no such monitoring session of the caller")
    public SessionView end(@PathParam("id") String id) {
        return SessionView.of(service.end(caller.get(), id));
    }
}
