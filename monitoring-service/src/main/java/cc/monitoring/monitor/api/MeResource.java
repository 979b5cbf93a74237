package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.MeView;
import cc.monitoring.monitor.api.Views.SessionView;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.service.SessionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the console shows about the signed-in supervisor: permissions, extensions in order, presence, live sessions. */
@Path("/api/monitoring/me")
@Tag(name = "Caller", description = "Who the caller is to monitoring")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Directory directory;
    private final SessionService sessions;
    private final CurrentCaller caller;

    public MeResource(Directory directory, SessionService sessions, CurrentCaller caller) {
        this.directory = directory;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller as monitoring knows them (from permission and presence events)")
    public MeView me() {
        Supervisor me = QuarkusTransaction.requiringNew().call(() -> directory.supervisor(caller.get()));
        return new MeView(me.tenantId(), me.userId(), me.displayName(), me.permissions().stream().sorted().toList(),
                me.extensions(), me.loggedInAsAgent(), sessions.live(caller.get()).stream().map(SessionView::of).toList());
    }
}
