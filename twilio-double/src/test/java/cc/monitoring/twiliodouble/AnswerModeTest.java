package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dialed participant answers, stays ringing, is busy or never answers, as its endpoint is told. */
class AnswerModeTest extends DoubleFixture {

    @Test
    void aBusyEndpointEndsTheParticipantsCallBusyAndNobodyJoins() throws IOException {
        String[] call = customerAndAgent();
        twilio.reset();
        twilio.endpoints().answerMode("client:supervisor-1", AnswerMode.BUSY);
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        assertEquals(List.of("participant initiated", "participant ringing", "participant busy"), summary(twilio.callbacks()));
        assertEquals("busy", client.get("/Calls/" + monitor + ".json").json().path("status").asText());
        assertEquals(404, client.get("/Conferences/" + call[2] + "/Participants/monitor-leg-1.json").status());
    }

    @Test
    void aManualEndpointRingsUntilAnsweredThenJoins() throws IOException {
        String[] call = customerAndAgent();
        twilio.reset();
        twilio.endpoints().answerMode("client:supervisor-1", AnswerMode.MANUAL);
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        assertEquals("ringing", client.get("/Conferences/" + call[2] + "/Participants/" + monitor + ".json")
                .json().path("status").asText());
        assertEquals(List.of("participant initiated", "participant ringing"), summary(twilio.callbacks()));
        assertEquals(1, twilio.endpoints().answer("client:supervisor-1"));
        assertEquals(List.of("participant initiated", "participant ringing", "participant in-progress",
                "conference participant-join monitor-leg-1"), summary(twilio.callbacks()));
        assertEquals("connected", client.get("/Conferences/" + call[2] + "/Participants/" + monitor + ".json")
                .json().path("status").asText());
    }

    @Test
    void anEndpointThatNeverAnswersEndsNoAnswer() throws IOException {
        String[] call = customerAndAgent();
        twilio.reset();
        twilio.endpoints().answerMode("client:supervisor-1", AnswerMode.NO_ANSWER);
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        assertEquals(List.of("participant initiated", "participant ringing", "participant no-answer"), summary(twilio.callbacks()));
        assertEquals("no-answer", client.get("/Calls/" + monitor + ".json").json().path("status").asText());
    }

    @Test
    void endingARingingParticipantsCallCancelsIt() throws IOException {
        String[] call = customerAndAgent();
        twilio.reset();
        twilio.endpoints().answerMode("client:supervisor-1", AnswerMode.MANUAL);
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        assertEquals(200, client.post("/Calls/" + monitor + ".json", "Status", "completed").status());
        twilio.settle();
        assertEquals(List.of("participant initiated", "participant ringing", "participant canceled"), summary(twilio.callbacks()));
        assertEquals(0, twilio.endpoints().answer("client:supervisor-1"), "nothing rings any more");
    }

    @Test
    void withoutStatusCallbackEventOnlyCompletedIsSent() throws IOException {
        String[] call = customerAndAgent();
        twilio.reset();
        client.post("/Conferences/" + call[2] + "/Participants.json", "From", "+15559870002",
                "To", "client:supervisor-1", "Label", "m", "StatusCallback", app.participantCallback("m"));
        twilio.settle();
        client.delete("/Conferences/" + call[2] + "/Participants/m.json");
        twilio.settle();
        assertEquals(List.of("conference participant-join m", "conference participant-leave m", "participant completed"),
                summary(twilio.callbacks()));
    }
}
