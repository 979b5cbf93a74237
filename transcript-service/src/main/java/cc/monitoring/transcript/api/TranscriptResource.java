package cc.monitoring.transcript.api;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.kit.stream.KeepAlive;
import cc.monitoring.kit.stream.StreamLimits;
import cc.monitoring.kit.stream.StreamPermit;
import cc.monitoring.kit.stream.StreamsConfig;
import cc.monitoring.transcript.api.Representations.ClosedBody;
import cc.monitoring.transcript.api.Representations.EndedBody;
import cc.monitoring.transcript.api.Representations.MessageBody;
import cc.monitoring.transcript.api.Representations.PositionBody;
import cc.monitoring.transcript.api.Representations.TranscriptBody;
import cc.monitoring.transcript.config.TranscriptConfig;
import cc.monitoring.transcript.domain.Cursor;
import cc.monitoring.transcript.domain.TranscriptReadOnlyException;
import cc.monitoring.transcript.service.ReadRefusals;
import cc.monitoring.transcript.service.TranscriptService;
import cc.monitoring.transcript.service.TranscriptStreams;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/**
 * Transcripts of digital interactions for their active monitors only (B34): a cursor read, a stream of
 * server-sent events and the caller's read position. Read-only (B30): every write is refused. A refused
 * read is announced for the audit trail (B41).
 */
@Path("/api/transcripts")
@Tag(name = "Transcripts", description = "Read-only transcripts of digital interactions for their monitors, and read positions (B30, B34)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource {

    /** Events waiting for a slow client; beyond this the stream fails and the client reconnects. */
    private static final int STREAM_BUFFER = 1024;

    private final TranscriptService transcripts;
    private final TranscriptStreams streams;
    private final StreamEvents events;
    private final CurrentCaller caller;
    private final TranscriptConfig config;
    private final ReadRefusals refusals;
    private final StreamLimits limits;
    private final StreamsConfig streamsConfig;

    public TranscriptResource(TranscriptService transcripts, TranscriptStreams streams, StreamEvents events,
                              CurrentCaller caller, TranscriptConfig config, ReadRefusals refusals,
                              StreamLimits limits, StreamsConfig streamsConfig) {
        this.transcripts = transcripts;
        this.streams = streams;
        this.events = events;
        this.caller = caller;
        this.config = config;
        this.refusals = refusals;
        this.limits = limits;
        this.streamsConfig = streamsConfig;
    }

    @GET
    @Path("{interactionId}")
    @Operation(summary = "The messages after sequence 'after' (0 = from the first), at most 'limit'; moves the read position")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-query`: after or limit out of range")
    @APIResponse(responseCode = "403", description = "`transcript-not-permitted`: the caller has no active monitoring"
            + " session or review of it (B34)")
    @APIResponse(responseCode = "404", description = "`transcript-not-found`: no such digital interaction in the"
            + " caller's tenant")
    public TranscriptBody read(@PathParam("interactionId") String interactionId, @QueryParam("after") String after,
                               @QueryParam("limit") String limit) {
        Cursor cursor = Cursor.parse(after, limit, config.read().defaultLimit(), config.read().maxLimit());
        Caller me = caller.get();
        return TranscriptBody.of(refusals.recorded(me, interactionId, () -> transcripts.read(me, interactionId, cursor)));
    }

    @GET
    @Path("{interactionId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Server-sent events: the stored messages after 'after', then each new one ('message'), then 'ended'")
    @APIResponse(responseCode = "200", description = "A text/event-stream of these events (each data a JSON object):\n"
            + "- `message` (id = its sequence): a message, as in the cursor read, first the stored ones after"
            + " `after` (or Last-Event-ID), then each new one as it is posted;\n"
            + "- `ended` (id = next): the interaction ended and everything was sent; the stream ends;\n"
            + "- `closed`: the caller may no longer read (their session ended); the stream ends;\n"
            + "and a `: keep-alive` comment every kit.streams.keep-alive (15 s).",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(description = "The data of one event: message, ended or closed",
                            oneOf = {MessageBody.class, EndedBody.class, ClosedBody.class}),
                    examples = @ExampleObject(name = "events", value = "event: message\nid: 1\n"
                            + "data: {\"sequence\":1,\"messageId\":\"...\",\"authorRole\":\"CUSTOMER\",\"text\":\"Hello\"}\n\n"
                            + "event: ended\nid: 2\ndata: {\"interactionId\":\"...\",\"ended\":true,\"next\":2}\n\n")))
    @APIResponse(responseCode = "400", description = "`invalid-query`: after or Last-Event-ID is not a sequence")
    @APIResponse(responseCode = "403", description = "`transcript-not-permitted`: the caller has no active monitoring"
            + " session or review of it (B34)")
    @APIResponse(responseCode = "404", description = "`transcript-not-found`: no such digital interaction in the"
            + " caller's tenant")
    public Multi<OutboundSseEvent> stream(@PathParam("interactionId") String interactionId,
                                          @QueryParam("after") String after,
                                          @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        // an EventSource that reconnects names the last message it received
        long from = Cursor.parseAfter(after != null || lastEventId == null ? after : lastEventId);
        // at most a few streams per caller and a bounded number per instance (429 too-many-streams); the
        // place is given back however the stream ends (ended, closed, failed, or the client went away)
        Caller me = caller.get();
        StreamPermit permit = limits.acquire(me.tenantId(), me.userId());
        try {
            Multi<OutboundSseEvent> items = refusals.recorded(me, interactionId, () -> streams.open(me, interactionId, from))
                    .map(item -> events.toSse(sse, item));
            return permit.heldBy(KeepAlive.every(streamsConfig.keepAlive(), items,
                    () -> sse.newEventBuilder().comment("keep-alive").build(), STREAM_BUFFER));
        } catch (RuntimeException refused) {
            permit.close();
            throw refused;
        }
    }

    @GET
    @Path("{interactionId}/position")
    @Operation(summary = "The caller's read position: the highest sequence delivered to them")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "`transcript-not-permitted`: the caller has no active monitoring"
            + " session or review of it (B34)")
    @APIResponse(responseCode = "404", description = "`transcript-not-found`: no such digital interaction in the"
            + " caller's tenant")
    public PositionBody position(@PathParam("interactionId") String interactionId) {
        Caller me = caller.get();
        return PositionBody.of(interactionId, refusals.recorded(me, interactionId, () -> transcripts.position(me, interactionId)));
    }

    // --- B30: nobody posts to, changes or deletes a transcript -----------------------------
    // (405 transcript-read-only, for clients that try; not operations of the API, so not in its document)

    @POST
    @Path("{interactionId}")
    @Operation(hidden = true)
    public void post() {
        throw new TranscriptReadOnlyException();
    }

    @PUT
    @Path("{interactionId}")
    @Operation(hidden = true)
    public void put() {
        throw new TranscriptReadOnlyException();
    }

    @PATCH
    @Path("{interactionId}")
    @Operation(hidden = true)
    public void patch() {
        throw new TranscriptReadOnlyException();
    }

    @DELETE
    @Path("{interactionId}")
    @Operation(hidden = true)
    public void delete() {
        throw new TranscriptReadOnlyException();
    }

    @POST
    @Path("{interactionId}/messages")
    @Operation(hidden = true)
    public void postMessage() {
        throw new TranscriptReadOnlyException();
    }

    @PUT
    @Path("{interactionId}/messages/{messageId}")
    @Operation(hidden = true)
    public void putMessage() {
        throw new TranscriptReadOnlyException();
    }

    @DELETE
    @Path("{interactionId}/messages/{messageId}")
    @Operation(hidden = true)
    public void deleteMessage() {
        throw new TranscriptReadOnlyException();
    }
}
