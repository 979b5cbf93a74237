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
    public Response post(@PathParam("id") String id, PostMessage body) {
        PostMessage b = required(body, id, "{\"authorRole\": \"CUSTOMER|AGENT\", \"authorId\"?, \"text\"}");
        Message message = service.post(caller.get(), id, b.authorRole(), b.authorId(), b.text());
        return Response.status(Response.Status.CREATED)
                .entity(MessageBody.of(java.util.UUID.fromString(id), message)).build();
    }

    @POST
    @Path("{id}/participants")
    @Operation(summary = "Another agent joins; 201 and participant-joined, or 200 and nothing if already on it")
    public Response join(@PathParam("id") String id, AddParticipant body) {
        AddParticipant b = required(body, id, "{\"participantId\", \"displayName\"?, \"role\": \"AGENT\"}");
        ConversationService.Joined joined = service.join(caller.get(), id, b.participantId(), b.displayName(), b.role());
        return Response.status(joined.changed() ? Response.Status.CREATED : Response.Status.OK)
                .entity(InteractionBody.of(joined.interaction())).build();
    }

    @DELETE
    @Path("{id}/participants/{participantId}")
    @Operation(summary = "An agent leaves; publishes participant-left. The last agent cannot leave: end the conversation")
    public InteractionBody leave(@PathParam("id") String id, @PathParam("participantId") String participantId) {
        return InteractionBody.of(service.leave(caller.get(), id, participantId));
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End the conversation; participant-left for those present, then interaction-ended. Ending again changes nothing")
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
