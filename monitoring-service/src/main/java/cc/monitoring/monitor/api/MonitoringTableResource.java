package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.DetailsView;
import cc.monitoring.monitor.api.Views.Row;
import cc.monitoring.monitor.api.Views.TablePage;
import cc.monitoring.monitor.domain.Ids;
import cc.monitoring.monitor.domain.InvalidRequestException;
import cc.monitoring.monitor.persistence.InteractionRepository.TableFilter;
import cc.monitoring.monitor.persistence.InteractionRepository.TableSort;
import cc.monitoring.monitor.api.Views.ReviewView;
import cc.monitoring.monitor.service.MonitoringTable;
import cc.monitoring.kit.api.PageRequest;
import cc.monitoring.monitor.service.TranscriptReviews;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** The Interaction Monitoring table, the details of one interaction, and the review of an ended one (B34). */
@Path("/api/monitoring/interactions")
@Tag(name = "Monitoring table", description = "Interactions that may be monitored, their details and transcript reviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringTableResource {

    private static final Set<String> STATES = Set.of("ACTIVE", "ENDED");
    static final int MAX_SEARCH = 64;

    private final MonitoringTable table;
    private final TranscriptReviews reviews;
    private final CurrentCaller caller;

    public MonitoringTableResource(MonitoringTable table, TranscriptReviews reviews, CurrentCaller caller) {
        this.table = table;
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Active interactions first, then previously monitored ones, of the tenant, with their monitors,"
            + " totals and counts")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: state, channel, agent, q, sort, page or size"
            + " has the wrong form, or both page and cursor are given; `invalid-cursor`: the cursor was not given out"
            + " for this tenant, filters and sort (start from the first page)")
    @APIResponse(responseCode = "403", description = "`monitor-not-permitted`: the role lacks MONITOR_ALL_CALLS (B01)")
    public TablePage list(@QueryParam("state") String state, @QueryParam("channel") String channel,
                          @QueryParam("agent") String agent, @QueryParam("q") String q, @QueryParam("sort") String sort,
                          @QueryParam("page") String page, @QueryParam("size") String size,
                          @Parameter(description = "the `next` of the page before: the page after it, as fast at any"
                                  + " depth (keyset; B12). Not with `page`; the same filters and sort as that page")
                          @QueryParam("cursor") String cursor) {
        PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidRequestException::new);
        TableFilter filter = new TableFilter(state(state), channel(channel), Ids.optional(agent, Ids.MAX_USER_ID, "agent"),
                Ids.optional(q, MAX_SEARCH, "q"), sort(sort));
        MonitoringTable.Page found;
        if (cursor == null || cursor.isEmpty()) {
            found = table.page(caller.get(), filter, paging.page(), paging.size());
        } else if (page != null && !page.isBlank()) {
            throw new InvalidRequestException("page or cursor, not both");
        } else {
            found = table.after(caller.get(), filter, cursor, paging.size());
        }
        return new TablePage(found.rows().stream().map(Row::of).toList(), found.page(), paging.size(), found.hasMore(),
                found.total(), Views.TableCounts.of(found.counts()), found.next());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Interaction Details, Active Participants and Interaction Monitors")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is empty, too long or has control"
            + " characters")
    @APIResponse(responseCode = "403", description = "`monitor-not-permitted`: the role lacks MONITOR_ALL_CALLS (B01)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no monitorable interaction with this id")
    public DetailsView details(@PathParam("id") String id) {
        return DetailsView.of(table.details(caller.get(), Ids.id(id, "interaction id")));
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Start the review of an ended, monitored chat's transcript (REVIEW_TRANSCRIPTS, audited; B34)")
    @APIResponse(responseCode = "201", description = "The review: the transcript may now be read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "`invalid-request`: the id is malformed;"
            + " `not-digital`: a voice call has no transcript")
    @APIResponse(responseCode = "403", description = "`review-not-permitted`: the role lacks REVIEW_TRANSCRIPTS")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no monitored interaction with this id")
    @APIResponse(responseCode = "409", description = "`interaction-not-ended`: the interaction is live: monitor it"
            + " instead")
    public Response review(@PathParam("id") String id) {
        TranscriptReviews.Review review = reviews.start(caller.get(), Ids.id(id, "interaction id"));
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(review)).build();
    }

    private static String state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        String upper = state.trim().toUpperCase(Locale.ROOT);
        if (!STATES.contains(upper)) {
            throw new InvalidRequestException("state is ACTIVE or ENDED");
        }
        return upper;
    }

    private static TableSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return TableSort.NEWEST_FIRST;
        }
        return TableSort.of(sort.trim()).orElseThrow(() -> new InvalidRequestException(
                "sort is one of " + Arrays.stream(TableSort.values()).map(TableSort::apiName).toList()));
    }

    private static Channel channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("channel is one of VOICE, CHAT, SMS, MESSAGING");
        }
    }
}
