package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.AuditPage;
import cc.monitoring.monitor.api.Views.AuditView;
import cc.monitoring.monitor.domain.InvalidRequestException;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.AuditRepository.AuditFilter;
import cc.monitoring.monitor.service.AuditQueries;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** B40: the audit trail, for users with VIEW_AUDIT. */
@Path("/api/monitoring/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditQueries audit;
    private final CurrentCaller caller;

    public AuditResource(AuditQueries audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Audit records of the tenant, newest first; filter by supervisor, interaction and time (ISO-8601, from inclusive, to exclusive)")
    public AuditPage list(@QueryParam("supervisor") String supervisor, @QueryParam("interaction") String interaction,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        AuditFilter filter = new AuditFilter(blankToNull(supervisor), blankToNull(interaction), instant(from, "from"),
                instant(to, "to"));
        List<AuditRecordEntity> found = audit.search(caller.get(), filter, page, size);
        boolean hasMore = found.size() > size;
        return new AuditPage((hasMore ? found.subList(0, size) : found).stream().map(AuditView::of).toList(), page, size,
                hasMore);
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " is an ISO-8601 instant such as 2026-11-25T20:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
