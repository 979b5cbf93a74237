package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.provider.RecordingListener;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.TelephonyProvider.LegRef;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import cc.monitoring.telephony.provider.ProviderFailure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Twilio adapter against a fake Twilio API on a local port: the requests it makes are checked
 * field by field, and the answers are Twilio's documented ones.
 */
class TwilioProviderTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String TOKEN = "auth-token-1";
    private static final String CONFERENCE = "CF11111111111111111111111111111111";
    private static final String LEG_SID = "CA22222222222222222222222222222222";
    private static final String AGENT_SID = "CA33333333333333333333333333333333";
    private static final String PARTICIPANTS = "/2010-04-01/Accounts/" + ACCOUNT + "/Conferences/" + CONFERENCE + "/Participants";

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer twilio;
    private volatile int createStatus = 201;
    private volatile int updateStatus = 200;
    /** The answers to the next participant fetches; 404 when none is queued. */
    private final java.util.Queue<Integer> fetches = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile int deleteStatus = 204;
    private volatile String createBody = "{\"call_sid\": \"" + LEG_SID + "\", \"conference_sid\": \"" + CONFERENCE
            + "\", \"muted\": true, \"status\": \"queued\"}";
    private final RecordingListener reports = new RecordingListener();
    private final TwilioProvider provider;

    record Seen(String method, String path, String authorization, Map<String, List<String>> form) {
    }

    TwilioProviderTest() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        twilio.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
            int status;
            String answer;
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(PARTICIPANTS + ".json")) {
                status = createStatus;
                answer = createBody;
            } else if (exchange.getRequestMethod().equals("GET")) {
                Integer queued = fetches.poll();
                status = queued == null ? 404 : queued;
                answer = status == 200 ? createBody
                        : "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}";
            } else if (exchange.getRequestMethod().equals("DELETE")) {
                status = deleteStatus;
                answer = status == 204 ? null : "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}";
            } else if (exchange.getRequestMethod().equals("POST")) {
                status = updateStatus;
                answer = status == 200 ? "{\"call_sid\": \"" + LEG_SID + "\"}"
                        : "{\"code\": 20001, \"message\": \"refused\", \"status\": " + status + "}";
            } else {
                status = 405;
                answer = null;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer == null ? -1 : 0);
            if (answer != null) {
                exchange.getResponseBody().write(answer.getBytes(StandardCharsets.UTF_8));
            }
            exchange.close();
        });
        twilio.start();
        TwilioAccounts accounts = new TwilioAccounts(List.of(
                new TwilioAccounts.Account("t1", ACCOUNT, TOKEN, "+15005550006", null, Map.of())));
        provider = new TwilioProvider(accounts, new TwilioApi("http://127.0.0.1:" + twilio.getAddress().getPort(),
                HttpClient.newHttpClient(), Duration.ofSeconds(5)), "https://gateway.example.com/", 30);
    }

    @AfterEach
    void stop() {
        twilio.stop(0);
    }

    @Test
    void B21_aMonitorLegIsAddedToTheConferenceMutedWithoutBeepAndNeverEndsIt() {
        provider.dialMonitorLeg(new DialRequest("t1", "leg-1", CONFERENCE, "PSTN", "+14155550101"));

        assertEquals("GET " + PARTICIPANTS + "/leg-1.json", seen.get(0).method() + " " + seen.get(0).path(),
                "a dial looks for its own participant first (idempotent per leg)");
        Seen add = seen.get(1);
        assertEquals("POST", add.method());
        assertEquals(PARTICIPANTS + ".json", add.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                add.authorization());
        assertEquals(List.of("+15005550006"), add.form().get("From"));
        assertEquals(List.of("+14155550101"), add.form().get("To"));
        assertEquals(List.of("leg-1"), add.form().get("Label"));
        assertEquals(List.of("true"), add.form().get("Muted"));
        assertEquals(List.of("false"), add.form().get("Beep"));
        assertEquals(List.of("false"), add.form().get("EndConferenceOnExit"));
        assertEquals(List.of("30"), add.form().get("Timeout"));
        assertEquals(List.of("https://gateway.example.com/api/telephony/twilio/participant-status?legId=leg-1"),
                add.form().get("StatusCallback"));
        assertEquals(List.of("initiated", "ringing", "answered", "completed"), add.form().get("StatusCallbackEvent"));
        assertEquals(List.of(), reports.reports(), "the leg's state comes from callbacks only, never from the answer");
    }

    @Test
    void B29_aDialRepeatedAfterACrashDialsOnce() {
        fetches.add(200);
        provider.dialMonitorLeg(new DialRequest("t1", "leg-1", CONFERENCE, "PSTN", "+14155550101"));
        assertEquals(List.of("GET"), seen.stream().map(Seen::method).toList(), "the participant is there: no second dial");

        // the create raced an earlier one: Twilio refuses the label in use, and the participant is there
        seen.clear();
        fetches.add(404);
        fetches.add(200);
        createStatus = 400;
        createBody = "{\"code\": 16026, \"message\": \"Participant label is in use\", \"status\": 400}";
        provider.dialMonitorLeg(new DialRequest("t1", "leg-2", CONFERENCE, "PSTN", "+14155550101"));
        assertEquals(List.of("GET", "POST", "GET"), seen.stream().map(Seen::method).toList());
    }

    @Test
    void B21_B26_statusCallbacksBecomeLegReports() {
        report("leg-1", Map.of("CallSid", List.of(LEG_SID), "CallStatus", List.of("ringing")));
        report("leg-1", Map.of("CallSid", List.of(LEG_SID), "CallStatus", List.of("in-progress")));
        report("leg-2", Map.of("CallSid", List.of("CA2"), "CallStatus", List.of("busy")));
        report("leg-3", Map.of("CallSid", List.of("CA3"), "CallStatus", List.of("no-answer")));
        report("leg-4", Map.of("CallSid", List.of("CA4"), "CallStatus", List.of("failed")));
        report("leg-1", Map.of("CallSid", List.of(LEG_SID), "CallStatus", List.of("completed")));
        assertEquals(List.of("ringing:leg-1:" + LEG_SID, "answered:leg-1", "failed:leg-2:BUSY", "failed:leg-3:NO_ANSWER",
                "failed:leg-4:UNKNOWN_EXTENSION", "ended:leg-1:HUNG_UP"), reports.reports());
    }

    @Test
    void B23_B50_modesUpdateTheParticipantByItsLabel() {
        LegRef leg = new LegRef("t1", "leg-1", CONFERENCE, LEG_SID, AGENT_SID);
        provider.setMonitorLegMode(leg, LegMode.UNMUTED);
        provider.setMonitorLegMode(leg, LegMode.COACHING);
        provider.setMonitorLegMode(leg, LegMode.MUTED);

        assertEquals(3, seen.size());
        seen.forEach(s -> assertEquals("POST " + PARTICIPANTS + "/leg-1.json", s.method() + " " + s.path()));
        assertEquals(Map.of("Muted", List.of("false"), "Coaching", List.of("false")), seen.get(0).form());
        assertEquals(Map.of("Muted", List.of("false"), "Coaching", List.of("true"), "CallSidToCoach", List.of(AGENT_SID)),
                seen.get(1).form());
        assertEquals(Map.of("Muted", List.of("true"), "Coaching", List.of("false")), seen.get(2).form());
        assertEquals(List.of(), reports.reports(), "the mode counts once Twilio's callback confirms it (B29)");
    }

    @Test
    void B29_refusalsAndOutagesAreProviderFailures() {
        LegRef leg = new LegRef("t1", "leg-1", CONFERENCE, LEG_SID, AGENT_SID);
        updateStatus = 500;
        assertTrue(assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED)).retryable());
        updateStatus = 429;
        assertTrue(assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED)).retryable());
        updateStatus = 404;
        ProviderFailure gone = assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED));
        assertFalse(gone.retryable());
        assertEquals("LEG_NOT_CONNECTED", gone.reason());
        ProviderFailure noAgent = assertThrows(ProviderFailure.class,
                () -> provider.setMonitorLegMode(new LegRef("t1", "leg-3", CONFERENCE, LEG_SID, null), LegMode.COACHING));
        assertFalse(noAgent.retryable());
        ProviderFailure noAccount = assertThrows(ProviderFailure.class,
                () -> provider.setMonitorLegMode(new LegRef("t2", "leg-1", CONFERENCE, LEG_SID, AGENT_SID), LegMode.MUTED));
        assertFalse(noAccount.retryable());
        twilio.stop(0);
        assertTrue(assertThrows(ProviderFailure.class, () -> provider.setMonitorLegMode(leg, LegMode.UNMUTED)).retryable(),
                "no connection is retryable");
    }

    @Test
    void B24_hangingUpRemovesOnlyTheMonitorParticipant() {
        provider.hangUpMonitorLeg(new LegRef("t1", "leg-1", CONFERENCE, LEG_SID, AGENT_SID));
        deleteStatus = 404; // already gone: done
        provider.hangUpMonitorLeg(new LegRef("t1", "leg-1", CONFERENCE, null, AGENT_SID));

        assertEquals("DELETE " + PARTICIPANTS + "/leg-1.json", seen.get(0).method() + " " + seen.get(0).path());
        assertTrue(seen.stream().allMatch(s -> s.path().startsWith(PARTICIPANTS)),
                "no request touches the caller's or the agent's call, or the conference itself: " + seen);
        assertEquals(List.of(), reports.reports(), "the leg ends when Twilio calls back");
    }

    @Test
    void B26_refusedDialsFailWithTheirReason() {
        createStatus = 404;
        createBody = "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}";
        assertEquals("CALL_NOT_FOUND", dialFails("leg-1").reason());
        createStatus = 400;
        createBody = "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}";
        assertEquals("UNKNOWN_EXTENSION", dialFails("leg-2").reason());
        createStatus = 503;
        createBody = "{}";
        assertTrue(dialFails("leg-3").retryable());
        assertEquals(List.of(), reports.reports());
    }

    private ProviderFailure dialFails(String legId) {
        return assertThrows(ProviderFailure.class,
                () -> provider.dialMonitorLeg(new DialRequest("t1", legId, CONFERENCE, "PSTN", "+14155550101")));
    }

    private void report(String legId, Map<String, List<String>> params) {
        TwilioCallbacks.ParticipantStatus.of(params).report(reports, legId);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
