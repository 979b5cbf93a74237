package cc.monitoring.transcript.api;

import cc.monitoring.transcript.api.Representations.ClosedBody;
import cc.monitoring.transcript.api.Representations.EndedBody;
import cc.monitoring.transcript.api.Representations.MessageBody;
import cc.monitoring.transcript.service.StreamItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * How stream items look on the wire: event {@code message} (id = sequence, data = the message as in the
 * cursor read), {@code ended} (the interaction ended, everything was sent) and {@code closed} (the viewer
 * may no longer read). After {@code ended} and {@code closed} the server ends the stream.
 */
@ApplicationScoped
public class StreamEvents {

    private final ObjectMapper json;

    public StreamEvents(ObjectMapper json) {
        this.json = json;
    }

    OutboundSseEvent toSse(Sse sse, StreamItem item) {
        if (item instanceof StreamItem.Posted posted) {
            return event(sse, "message", String.valueOf(posted.message().sequence()), MessageBody.of(posted.message()));
        }
        if (item instanceof StreamItem.Ended ended) {
            return event(sse, "ended", String.valueOf(ended.next()), new EndedBody(ended.interactionId(), true, ended.next()));
        }
        StreamItem.Closed closed = (StreamItem.Closed) item;
        return event(sse, "closed", null, new ClosedBody(closed.interactionId(), closed.reason()));
    }

    private OutboundSseEvent event(Sse sse, String name, String id, Object data) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, write(data));
        if (id != null) {
            builder.id(id);
        }
        return builder.build();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream event cannot be written", e);
        }
    }
}
