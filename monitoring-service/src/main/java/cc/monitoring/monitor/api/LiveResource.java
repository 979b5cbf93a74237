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
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.service.LiveRows;
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
 * B51: a server-sent event stream of what changes for the caller: {@code table} when a row of their
 * tenant's monitoring table changed, with the row as the caller gets it from the table
 * ({@code {"interactionId":...,"row":{...}}}: patch it in place) or its removal
 * ({@code {"interactionId":...,"removed":true}}: the row left the caller's table), {@code {}} when more changed
 * than can be sent (refetch the page); {@code session} when one of their own sessions changed (refetch it). A
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
    @Schema(name = "TableChanged", description = "A row of the monitoring table changed: `row` is that row exactly as"
            + " the caller gets it as an item of GET /api/monitoring/interactions (monitors, monitor and review with"
            + " B52's reasons, newDetails B11), or `removed` is true when it left the caller's table; no member: more"
            + " changed than can be sent, refetch the page")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TableChanged(@Schema(description = "The interaction whose row changed") String interactionId,
                        @Schema(description = "The row as the caller sees it now") Views.Row row,
                        @Schema(description = "true: the row is no longer in the caller's table") Boolean removed) {
        static final TableChanged REFETCH = new TableChanged(null, null, null);

        static TableChanged of(LiveRows.Delta delta) {
            return delta.row().map(r -> new TableChanged(delta.interactionId(), Views.Row.of(r), null))
                    .orElseGet(() -> new TableChanged(delta.interactionId(), null, true));
        }
    }

    /** The data of a {@code session} event. */
    @Schema(name = "SessionChanged", description = "One of the caller's sessions changed: refetch it")
    record SessionChanged(String sessionId) {
    }

    private final LiveRows live;
    private final Directory directory;
    private final CurrentCaller caller;
    private final StreamLimits limits;
    private final StreamsConfig streamsConfig;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public LiveResource(LiveRows live, Directory directory, CurrentCaller caller, StreamLimits limits,
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
            + "- `table` `{\"interactionId\":\"...\",\"row\":{...}}` when a row of the tenant's monitoring table changed:"
            + " `row` is exactly the item GET /api/monitoring/interactions gives this caller (patch it in place);"
            + " `{\"interactionId\":\"...\",\"removed\":true}` when the row left the caller's table (B08, B10);"
            + " `{}` when more changed than can be sent (refetch the page and /api/monitoring/me);\n"
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
        Supervisor supervisor = QuarkusTransaction.requiringNew().call(() -> directory.supervisor(me));
        if (!supervisor.may(PermissionNames.MONITOR_ALL_CALLS)) {
            MonitorNotPermittedException refusal = new MonitorNotPermittedException();
            audit.refused(me, AuditTrail.Action.OPEN_STREAM, null, null, refusal.type()); // B41
            throw refusal;
        }
        StreamPermit permit = limits.acquire(me.tenantId(), me.userId());
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            emitter.emit(event(sse, "hello", null, TableChanged.REFETCH));
            LiveSubscription subscription = live.register(me, supervisor, change -> emitter.emit(event(sse, change)));
            emitter.onTermination(subscription::close);
        });
        // gives the place back however the stream ends (the client went away, a send failed, shutdown)
        return permit.heldBy(KeepAlive.every(streamsConfig.keepAlive(), changes,
                () -> sse.newEventBuilder().comment("keep-alive").build(), STREAM_BUFFER));
    }

    private OutboundSseEvent event(Sse sse, LiveRows.Event change) {
        if (change instanceof LiveRows.RowChanged r) {
            return named(sse, "table", r.delta().encoded(d -> write(TableChanged.of(d))));
        }
        if (change instanceof LiveRows.SessionChanged s) {
            return event(sse, "session", MediaType.APPLICATION_JSON_TYPE, new SessionChanged(s.sessionId()));
        }
        return event(sse, "table", null, TableChanged.REFETCH);
    }

    /** {@code mediaType} is written on the wire as a line of its own: only the session event has one (as ever). */
    private OutboundSseEvent event(Sse sse, String name, MediaType mediaType, Object data) {
        OutboundSseEvent.Builder event = sse.newEventBuilder().name(name);
        if (mediaType != null) {
            event.mediaType(mediaType);
        }
        return event.data(String.class, write(data)).build();
    }

    /** An event whose data is already written (a row delta, written once for every console that sees it alike). */
    private static OutboundSseEvent named(Sse sse, String name, String data) {
        return sse.newEventBuilder().name(name).data(String.class, data).build();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live event cannot be written", e);
        }
    }
}
