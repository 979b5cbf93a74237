package cc.monitoring.interaction.api;

import cc.monitoring.interaction.api.Representations.AddParticipant;
import cc.monitoring.interaction.api.Representations.EndConversation;
import cc.monitoring.interaction.api.Representations.InteractionBody;
import cc.monitoring.interaction.api.Representations.MessageBody;
import cc.monitoring.interaction.api.Representations.PostMessage;
import cc.monitoring.interaction.api.Representations.StartConversation;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InvalidConversationException;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.service.ConversationService;
import cc.monitoring.kit.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;

/**
 * The channel platform's side of digital conversations (chat, SMS, messaging): open one, post messages,
 * let other agents join and leave, end it. Every request needs {@code HANDLE_CONVERSATIONS} (the channel platform's
 * account) from permission-events, checked first: anyone else gets 403 {@code conversation-not-permitted} and
 * nothing is published (B30: a supervisor's token cannot post into a chat it monitors). An identity with a live
 * monitoring session on a conversation is refused writing into it whatever its role: 403 {@code monitor-may-not-write}
 * (B35). The tenant comes from the token. Reading is {@code /api/interactions}.
 */
@Path("/api/conversations")
@Tag(name = "Conversations", description = "Digital conversations (chat, SMS, messaging) as the agent desktop and channels drive them")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationService service;
    private final CurrentCaller caller;

    public ConversationResource(ConversationService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a CHAT, SMS or MESSAGING conversation; publishes interaction-started and participant-joined ×2")
    @APIResponse(responseCode = "201", description = "The conversation started; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-conversation`: a field is missing or has the wrong form")
    @APIResponse(responseCode = "403", description = "`conversation-not-permitted`: the role may not handle"
            + " conversations")
    public Response start(StartConversation body) {
        StartConversation b = required(body, "{\"channel\", \"flowId\", \"customer\", \"agentId\", ...}");
        Interaction started = service.start(caller.get(), new ConversationService.Start(b.channel(), b.flowId(),
                b.customer(), b.customerName(), b.agentId(), b.agentName()));
        return Response.created(URI.create("/api/interactions/" + started.id()))
                .entity(InteractionBody.of(started)).build();
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Post a message from the customer or an agent on it; publishes message-posted with the next sequence")
    @APIResponse(responseCode = "201", description = "The message with its sequence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is malformed; `invalid-message`: text"
            + " missing, too long or with control characters; `invalid-conversation`: authorRole or authorId has"
            + " the wrong form")
    @APIResponse(responseCode = "403", description = "`conversation-not-permitted`: the role may not handle"
            + " conversations; `monitor-may-not-write`: the caller monitors this conversation and only reads it"
            + " (B35)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    @APIResponse(responseCode = "409", description = "`interaction-ended`: the conversation has ended;"
            + " `not-a-participant`: the author is not on it; `voice-interaction`: a call has no messages")
    public Response post(@PathParam("id") String id, PostMessage body) {
        PostMessage b = required(body, id, "{\"authorRole\": \"CUSTOMER|AGENT\", \"authorId\"?, \"text\"}");
        Message message = service.post(caller.get(), id, b.authorRole(), b.authorId(), b.text());
        return Response.status(Response.Status.CREATED)
                .entity(MessageBody.of(java.util.UUID.fromString(id), message)).build();
    }

    @POST
    @Path("{id}/participants")
    @Operation(summary = "Another agent joins; 201 and participant-joined, or 200 and nothing if already on it")
    @APIResponse(responseCode = "201", description = "The agent joined; participant-joined published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionBody.class)))
    @APIResponse(responseCode = "200", description = "The agent was on it already; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InteractionBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is malformed; `invalid-conversation`:"
            + " participantId or role has the wrong form")
    @APIResponse(responseCode = "403", description = "`conversation-not-permitted`: the role may not handle"
            + " conversations; `monitor-may-not-write`: the caller monitors this conversation and only reads it"
            + " (B35)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    @APIResponse(responseCode = "409", description = "`interaction-ended`: the conversation has ended;"
            + " `voice-interaction`: not a conversation")
    public Response join(@PathParam("id") String id, AddParticipant body) {
        AddParticipant b = required(body, id, "{\"participantId\", \"displayName\"?, \"role\": \"AGENT\"}");
        ConversationService.Joined joined = service.join(caller.get(), id, b.participantId(), b.displayName(), b.role());
        return Response.status(joined.changed() ? Response.Status.CREATED : Response.Status.OK)
                .entity(InteractionBody.of(joined.interaction())).build();
    }

    @DELETE
    @Path("{id}/participants/{participantId}")
    @Operation(summary = "An agent leaves; publishes participant-left. The last agent cannot leave: end the conversation")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is empty, too long or not printable")
    @APIResponse(responseCode = "403", description = "`conversation-not-permitted`: the role may not handle"
            + " conversations; `monitor-may-not-write`: the caller monitors this conversation and only reads it"
            + " (B35)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    @APIResponse(responseCode = "409", description = "`last-agent`: the last agent cannot leave, end the conversation;"
            + " `not-a-participant`: the agent is not on it; `interaction-ended`; `voice-interaction`: not a"
            + " conversation")
    public InteractionBody leave(@PathParam("id") String id, @PathParam("participantId") String participantId) {
        return InteractionBody.of(service.leave(caller.get(), id, participantId));
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End the conversation; participant-left for those present, then interaction-ended. Ending again changes nothing")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is malformed; `invalid-conversation`: by is"
            + " AGENT or CUSTOMER")
    @APIResponse(responseCode = "403", description = "`conversation-not-permitted`: the role may not handle"
            + " conversations; `monitor-may-not-write`: the caller monitors this conversation and only reads it"
            + " (B35)")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    @APIResponse(responseCode = "409", description = "`voice-interaction`: a call ends at the telephony provider")
    public InteractionBody end(@PathParam("id") String id, EndConversation body) {
        EndConversation b = required(body, id, "{\"by\": \"AGENT|CUSTOMER\"}");
        return InteractionBody.of(service.end(caller.get(), id, b.by()));
    }

    /** A missing body is 400, but only for a caller who may handle conversations at all (403 comes first). */
    private <T> T required(T body, String shape) {
        if (body == null) {
            service.requireHandling(caller.get());
            throw new InvalidConversationException("Send a JSON body: " + shape);
        }
        return body;
    }

    /** The same for a conversation's own requests: a monitor of it is refused first (B35). */
    private <T> T required(T body, String id, String shape) {
        if (body == null) {
            service.requireWriting(caller.get(), id);
            throw new InvalidConversationException("Send a JSON body: " + shape);
        }
        return body;
    }
}
