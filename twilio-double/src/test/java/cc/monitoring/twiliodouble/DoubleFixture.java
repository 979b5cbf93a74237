package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A double with one account whose webhooks go to a {@link FakeApplication}, and a REST client for it. */
abstract class DoubleFixture {

    static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";

    FakeApplication app;
    TwilioDouble twilio;
    TwilioClient client;

    @BeforeEach
    void startDouble() throws Exception {
        app = new FakeApplication();
        twilio = TwilioDouble.start(options());
        client = new TwilioClient(twilio.baseUrl(), ACCOUNT, FakeApplication.TOKEN);
    }

    TwilioDouble.Options options() {
        return TwilioDouble.Options.onFreePort().account(ACCOUNT, FakeApplication.TOKEN, app.baseUrl);
    }

    @AfterEach
    void stopDouble() {
        twilio.close();
        app.close();
    }

    /** A caller in a started conference with an agent: [customer, agent, conference]. */
    String[] customerAndAgent() {
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        String agent = twilio.connectAgent(ACCOUNT, customer, "client:agent-7");
        return new String[]{customer, agent, twilio.conference(ACCOUNT, customer).sid()};
    }

    /** Adds a monitor participant as the gateway does; returns its CallSid once it is connected. */
    String addMonitor(String conferenceSid, String label, String address) throws IOException {
        TwilioClient.Answer created = client.post("/Conferences/" + conferenceSid + "/Participants.json",
                "From", "+15559870002", "To", address, "Label", label, "Muted", "true", "Beep", "false",
                "StartConferenceOnEnter", "false", "EndConferenceOnExit", "false",
                "StatusCallback", app.participantCallback(label),
                "StatusCallbackEvent", "initiated ringing answered completed");
        assertEquals(201, created.status(), created.body());
        twilio.settle();
        return created.json().path("call_sid").asText();
    }

    /** "kind event [label]" per webhook, in the order sent. */
    static List<String> summary(List<Callback> callbacks) {
        return callbacks.stream().map(c -> {
            String kind = c.kind().replace("-status", "");
            String label = c.param("ParticipantLabel");
            return kind + " " + c.event() + (label == null ? "" : " " + label);
        }).toList();
    }
}
