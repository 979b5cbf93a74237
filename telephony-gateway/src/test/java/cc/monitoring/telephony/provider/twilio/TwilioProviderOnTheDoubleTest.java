package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.TelephonyProvider.LegRef;
import cc.monitoring.twiliodouble.ConferenceState;
import cc.monitoring.twiliodouble.TwilioDouble;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adapter's operations against the Twilio double (its REST API, errors and injected faults), without the
 * gateway around it: what Twilio ends up with, what fails and whether it may be retried (B29), and that every
 * request conforms to Twilio's OpenAPI. Callbacks go to a stub application that only answers them.
 */
class TwilioProviderOnTheDoubleTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "double-token";
    private static final String PARTICIPANTS = ".*/Conferences/CF[0-9a-f]{32}/Participants";

    private final HttpServer app;
    private final TwilioDouble twilio;
    private final TwilioProvider provider;

    TwilioProviderOnTheDoubleTest() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals(TwiML.VOICE_PATH)) {
                byte[] twiml = TwiML.callerIntoConference("http://127.0.0.1:" + app.getAddress().getPort(), "room-1")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", TwiML.CONTENT_TYPE);
                exchange.sendResponseHeaders(200, twiml.length);
                exchange.getResponseBody().write(twiml);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        app.start();
        twilio = TwilioDouble.start(TwilioDouble.Options.onFreePort().timeoutHold(Duration.ofSeconds(3))
                .account(ACCOUNT, TOKEN, "http://127.0.0.1:" + app.getAddress().getPort()));
        TwilioAccounts accounts = new TwilioAccounts(List.of(
                new TwilioAccounts.Account("t1", ACCOUNT, TOKEN, "+15005550000", "support", Map.of())));
        provider = new TwilioProvider(accounts, new TwilioApi(twilio.baseUrl(), HttpClient.newHttpClient(),
                Duration.ofMillis(1500)), "http://127.0.0.1:" + app.getAddress().getPort(), 30);
    }

    @AfterEach
    void stop() {
        twilio.close();
        app.stop(0);
    }

    @Test
    void B21_B29_aDialThatFailedRetryablyDialsOnceWhenRepeated() {
        String conference = conference();
        twilio.faults().next("POST", PARTICIPANTS + "\\.json", 429, 1);
        ProviderFailure throttled = assertThrows(ProviderFailure.class, () -> dial("leg-1", conference));
        assertTrue(throttled.retryable(), "429 is retryable");
        twilio.faults().next("POST", PARTICIPANTS + "\\.json", 503, 1);
        assertTrue(assertThrows(ProviderFailure.class, () -> dial("leg-1", conference)).retryable(), "5xx is retryable");

        dial("leg-1", conference);
        dial("leg-1", conference); // asked again after a crash: still one participant
        twilio.settle();
        ConferenceState state = twilio.conference(ACCOUNT, conference);
        assertEquals(1, state.participants().stream().filter(p -> "leg-1".equals(p.label())).count(), state.toString());
        assertTrue(state.participant("leg-1").orElseThrow().muted(), "B21: muted");
        assertEquals(List.of(), twilio.requestViolations());
    }

    @Test
    void B29_aTimeoutIsRetryableAndAModeIsAState() {
        String conference = conference();
        dial("leg-1", conference);
        twilio.settle();
        LegRef leg = new LegRef("t1", "leg-1", conference, null, null);
        twilio.faults().timeoutAfterApplying("POST", PARTICIPANTS + "/leg-1\\.json", 1);
        ProviderFailure timeout = assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED));
        assertTrue(timeout.retryable(), "no answer in time is retryable");
        provider.setMonitorLegMode(leg, LegMode.UNMUTED); // the retry: the same state again
        twilio.settle();
        assertFalse(twilio.conference(ACCOUNT, conference).participant("leg-1").orElseThrow().muted());
        assertEquals(List.of(), twilio.requestViolations());
    }

    @Test
    void B24_B29_hangingUpTwiceRemovesTheMonitorOnlyOnce() {
        String conference = conference();
        dial("leg-1", conference);
        twilio.settle();
        LegRef leg = new LegRef("t1", "leg-1", conference, null, null);
        provider.hangUpMonitorLeg(leg);
        provider.hangUpMonitorLeg(leg); // already gone (404): done
        twilio.settle();
        ConferenceState state = twilio.conference(ACCOUNT, conference);
        assertEquals("in-progress", state.status(), "B24: the call goes on");
        assertTrue(state.participant("leg-1").map(p -> !p.status().equals("connected")).orElse(true), state.toString());
        ProviderFailure refused = assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED));
        assertFalse(refused.retryable(), "a participant that left is not coming back");
        assertEquals(List.of(), twilio.requestViolations());
    }

    @Test
    void B26_aDialIntoAConferenceThatIsGoneIsRefused() {
        ProviderFailure refused = assertThrows(ProviderFailure.class,
                () -> dial("leg-1", "CF" + "ffffffffffffffffffffffffffffffff"));
        assertFalse(refused.retryable());
        assertEquals("CALL_NOT_FOUND", refused.reason());
    }

    /** A caller in conference room-1 with an agent, as the Voice webhook and the router make it. */
    private String conference() {
        String caller = twilio.placeInboundCall(ACCOUNT, "+15550001234", "+15005550006");
        twilio.connectAgent(ACCOUNT, "room-1", "client:agent-1");
        twilio.settle();
        ConferenceState state = twilio.conference(ACCOUNT, "room-1");
        assertTrue(state.participant(caller).isPresent(), state.toString());
        return state.sid();
    }

    private void dial(String legId, String conference) {
        provider.dialMonitorLeg(new DialRequest("t1", legId, conference, "SIP", "sip:sam@pbx.example.com"));
    }
}
