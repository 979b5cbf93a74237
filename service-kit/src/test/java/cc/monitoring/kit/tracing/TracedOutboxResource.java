package cc.monitoring.kit.tracing;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.outbox.OutboxWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A REST request that writes an event to the outbox, as a service's resource does (test only). */
@Path("/kit-test/outbox/{topic}/{user}")
public class TracedOutboxResource {

    private final OutboxWriter outbox;

    public TracedOutboxResource(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @POST
    public String write(@PathParam("topic") String topic, @PathParam("user") String user) {
        CloudEvent event = CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", "t-trace", user, new UserRemoved("t-trace", user, 1));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, "t-trace/" + user, event));
        return event.id();
    }
}
