package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.kit.stream.StreamLimits;
import cc.monitoring.kit.stream.StreamPermit;
import cc.monitoring.monitor.domain.MonitorNotPermittedException;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.service.AuditTrail;
import cc.monitoring.monitor.service.LiveHub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;


/**
 * B51: a server-sent event stream of what changes for the caller: {@code table} when rows of their
 * tenant's monitoring table changed (refetch the page), {@code session} when one of their own
 * sessions changed (refetch it). A comment every 15 s keeps proxies from closing the stream. A
 * caller holds at most a few streams at once, the instance a bounded number ({@link StreamLimits}: 429
 * too-many-streams); the place is given back whichever way the stream ends.
 */
@Path("/api/monitoring/stream")
@Authenticated
@Singleton
public class LiveResource {

    private static final long KEEP_ALIVE_SECONDS = 15;

    private final LiveHub hub;
    private final Directory directory;
    private final CurrentCaller caller;
    private final StreamLimits limits;
    private final AuditTrail audit;

    public LiveResource(LiveHub hub, Directory directory, CurrentCaller caller, StreamLimits limits, AuditTrail audit) {
        this.hub = hub;
        this.directory = directory;
        this.caller = caller;
        this.limits = limits;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live changes of the monitoring table and of the caller's sessions (server-sent events)")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        Caller me = caller.get();
        boolean mayMonitor = QuarkusTransaction.requiringNew()
                .call(() -> directory.supervisor(me).may(PermissionNames.MONITOR_ALL_CALLS));
        if (!mayMonitor) {
            MonitorNotPermittedException refusal = new MonitorNotPermittedException();
            audit.refused(me, AuditTrail.Action.OPEN_STREAM, null, null, refusal.type()); // B41
            throw refusal;
        }
        StreamPermit permit = limits.acquire(me.tenantId(), me.userId());
        Runnable[] unsubscribe = new Runnable[1];
        unsubscribe[0] = hub.subscribe(change -> {
            if (!change.tenantId().equals(me.tenantId())) {
                return;
            }
            if (change.isSession() && !change.supervisorId().equals(me.userId())) {
                return;
            }
            send(sink, unsubscribe[0], change.isSession()
                    ? sse.newEventBuilder().name("session").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data("{\"sessionId\":\"" + change.sessionId() + "\"}").build()
                    : sse.newEventBuilder().name("table").data("{}").build());
        });
        send(sink, unsubscribe[0], sse.newEventBuilder().name("hello").data("{}").build());
        // gives the place back when the client goes away, or a failed send or the server closes the sink
        permit.heldBy(sink, sse, unsubscribe[0]);
        hub.every(KEEP_ALIVE_SECONDS, () -> {
            if (sink.isClosed()) {
                unsubscribe[0].run();
                permit.close();
                throw new IllegalStateException("closed"); // ends this schedule
            }
            send(sink, unsubscribe[0], sse.newEventBuilder().comment("keep-alive").build());
        });
    }

    private static void send(SseEventSink sink, Runnable unsubscribe, jakarta.ws.rs.sse.OutboundSseEvent event) {
        if (sink.isClosed()) {
            unsubscribe.run();
            return;
        }
        sink.send(event).exceptionally(failure -> {
            unsubscribe.run();
            sink.close();
            return null;
        });
    }
}
