package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.kit.live.LiveSubscription;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.kit.stream.KeepAlive;
import cc.monitoring.kit.stream.StreamLimits;
import cc.monitoring.kit.stream.StreamPermit;
import cc.monitoring.kit.stream.StreamsConfig;
import cc.monitoring.monitor.domain.MonitorNotPermittedException;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.service.AuditTrail;
import cc.monitoring.monitor.service.LiveUpdates;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * B51: a server-sent event stream of what changes for the caller: {@code table} when rows of their
 * tenant's monitoring table changed ({@code {"interactionId":...}} when exactly one row did: patch it;
 * {@code {}}: refetch the page), {@code session} when one of their own sessions changed (refetch it). A
 * comment every {@code kit.streams.keep-alive} keeps proxies from closing the stream. A caller holds at
 * most a few streams at once, the instance a bounded number ({@link StreamLimits}: 429 too-many-streams);
 * the place is given back whichever way the stream ends.
 */
@Path("/api/monitoring/stream")
@Tag(name = "Live updates", description = "Server-sent events about the monitoring table and the caller's sessions")
@Authenticated
@Singleton
public class LiveResource {

    private static final int STREAM_BUFFER = 256;

    /** The data of a {@code hello} or {@code table} event. */
    @Schema(name = "TableChanged", description = "A row of the monitoring table changed (interactionId), or more did (no member)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TableChanged(String interactionId) {
    }

    /** The data of a {@code session} event. */
    @Schema(name = "SessionChanged", description = "One of the caller's sessions changed: refetch it")
    record SessionChanged(String sessionId) {
    }

    private final LiveUpdates live;
    private final Directory directory;
    private final CurrentCaller caller;
    private final StreamLimits limits;
    private final StreamsConfig streamsConfig;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public LiveResource(LiveUpdates live, Directory directory, CurrentCaller caller, StreamLimits limits,
                        StreamsConfig streamsConfig, AuditTrail audit, ObjectMapper json) {
        this.live = live;
        this.directory = directory;
        this.caller = caller;
        this.limits = limits;
        this.streamsConfig = streamsConfig;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Live changes of the monitoring table and of the caller's sessions (server-sent events)")
    @APIResponse(responseCode = "200", description = "A text/event-stream of these events, each with a JSON object as"
            + " its data:\n"
            + "- `hello` `{}` once at the start: (re)fetch what is shown;\n"
            + "- `table` `{\"interactionId\":\"...\"}` when exactly one row of the tenant's monitoring table changed"
            + " (patch that row), `{}` when more did (refetch the page);\n"
            + "- `session` `{\"sessionId\":\"...\"}` when one of the caller's own sessions changed (refetch it);\n"
            + "and a `: keep-alive` comment every kit.streams.keep-alive (15 s). B51.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(description = "The data of one event: hello and table, or session",
                            oneOf = {TableChanged.class, SessionChanged.class}),
                    examples = @ExampleObject(name = "events", value = "event: hello\ndata: {}\n\n"
                            + "event: table\ndata: {\"interactionId\":\"3f1c...\"}\n\n"
                            + "event: session\ndata: {\"sessionId\":\"9a2e...\"}\n\n")))
    @APIResponse(responseCode = "403", description = "`monitor-not-permitted`: the role lacks MONITOR_ALL_CALLS (B01)")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Caller me = caller.get();
        boolean mayMonitor = QuarkusTransaction.requiringNew()
                .call(() -> directory.supervisor(me).may(PermissionNames.MONITOR_ALL_CALLS));
        if (!mayMonitor) {
            MonitorNotPermittedException refusal = new MonitorNotPermittedException();
            audit.refused(me, AuditTrail.Action.OPEN_STREAM, null, null, refusal.type()); // B41
            throw refusal;
        }
        StreamPermit permit = limits.acquire(me.tenantId(), me.userId());
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            emitter.emit(event(sse, "hello", null, new TableChanged(null)));
            LiveSubscription subscription = live.subscribe(change -> {
                if (change.visibleTo(me.tenantId(), me.userId())) {
                    emitter.emit(change.kind() == LiveUpdates.Change.Kind.SESSION
                            ? event(sse, "session", MediaType.APPLICATION_JSON_TYPE, new SessionChanged(change.sessionId()))
                            : event(sse, "table", null, new TableChanged(change.interactionId())));
                }
            });
            emitter.onTermination(subscription::close);
        });
        // gives the place back however the stream ends (the client went away, a send failed, shutdown)
        return permit.heldBy(KeepAlive.every(streamsConfig.keepAlive(), changes,
                () -> sse.newEventBuilder().comment("keep-alive").build(), STREAM_BUFFER));
    }

    /** {@code mediaType} is written on the wire as a line of its own: only the session event has one (as ever). */
    private OutboundSseEvent event(Sse sse, String name, MediaType mediaType, Object data) {
        try {
            OutboundSseEvent.Builder event = sse.newEventBuilder().name(name);
            if (mediaType != null) {
                event.mediaType(mediaType);
            }
            return event.data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live event cannot be written", e);
        }
    }
}
