package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.AuditPage;
import cc.monitoring.monitor.api.Views.AuditView;
import cc.monitoring.monitor.domain.Ids;
import cc.monitoring.monitor.domain.InvalidRequestException;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.AuditRepository.AuditFilter;
import cc.monitoring.monitor.service.AuditQueries;
import cc.monitoring.monitor.service.AuditTrail.Outcome;
import cc.monitoring.kit.api.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** B40: the audit trail, for users with VIEW_AUDIT. */
@Path("/api/monitoring/audit")
@Tag(name = "Audit", description = "The audit trail of monitoring (B41)")
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
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: a filter, page or size has the wrong form")
    @APIResponse(responseCode = "403", description = "`audit-not-permitted`: the role lacks VIEW_AUDIT")
    @Operation(summary = "Audit records of the tenant, newest first; filter by supervisor (the actor, or the supervisor"
            + " whose session the system changed), interaction, outcome (ACCEPTED, REQUESTED, REFUSED) and time"
            + " (ISO-8601, from inclusive, to exclusive)")
    public AuditPage list(@QueryParam("supervisor") String supervisor, @QueryParam("interaction") String interaction,
                          @QueryParam("outcome") String outcome,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidRequestException::new);
        AuditFilter filter = new AuditFilter(Ids.optional(supervisor, Ids.MAX_USER_ID, "supervisor"),
                Ids.optional(interaction, Ids.MAX_ID, "interaction"), outcome(outcome), instant(from, "from"),
                instant(to, "to"));
        List<AuditRecordEntity> found = audit.search(caller.get(), filter, paging.page(), paging.size());
        boolean hasMore = found.size() > paging.size();
        return new AuditPage((hasMore ? found.subList(0, paging.size()) : found).stream().map(AuditView::of).toList(),
                paging.page(), paging.size(), hasMore);
    }

    private static String outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equalsIgnoreCase(value.trim())) {
                return outcome.name();
            }
        }
        throw new InvalidRequestException("outcome is ACCEPTED, REQUESTED or REFUSED");
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() > 64) {
                throw new DateTimeParseException("too long", value.substring(0, 64), 64);
            }
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " is an ISO-8601 instant such as 2026-11-25T20:00:00Z");
        }
    }
}
