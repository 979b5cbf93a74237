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

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            } else if (exchange.getRequestMethod().equals("POST")) {
                status = updateStatus;
                answer = status == 200 ? "{\"call_sid\": \"" + LEG_SID + "\"}"
                        : "{\"code\": 20001, \"message\": \"refused\", \"status\": " + status + "}";
            } else {
                status = 204;
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
        provider = new TwilioProvider(ACCOUNT, TOKEN, "http://127.0.0.1:" + twilio.getAddress().getPort(), "+15005550006",
                "https://gateway.example.com/", HttpClient.newHttpClient());
        provider.listen(reports);
    }

    @AfterEach
    void stop() {
        twilio.stop(0);
    }

    @Test
    void B21_aMonitorLegIsAddedToTheConferenceMutedWithoutBeepAndNeverEndsIt() {
        provider.dialMonitorLeg(new DialRequest("t1", "leg-1", CONFERENCE, "PSTN", "+14155550101"));

        Seen add = seen.get(0);
        assertEquals("POST", add.method());
        assertEquals(PARTICIPANTS + ".json", add.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                add.authorization());
        assertEquals(List.of("+15005550006"), add.form().get("From"));
        assertEquals(List.of("+14155550101"), add.form().get("To"));
        assertEquals(List.of("true"), add.form().get("Muted"));
        assertEquals(List.of("false"), add.form().get("Beep"));
        assertEquals(List.of("false"), add.form().get("EndConferenceOnExit"));
        assertEquals(List.of("https://gateway.example.com/api/telephony/twilio/participant-status?legId=leg-1"),
                add.form().get("StatusCallback"));
        assertEquals(List.of("initiated", "ringing", "answered", "completed"), add.form().get("StatusCallbackEvent"));
        assertEquals(List.of("ringing:leg-1:" + LEG_SID), reports.reports());
    }

    @Test
    void B21_B26_statusCallbacksBecomeLegReports() {
        TwilioCallbacks.participantStatus(reports, "leg-1", Map.of("CallSid", List.of(LEG_SID), "CallStatus", List.of("in-progress")));
        TwilioCallbacks.participantStatus(reports, "leg-2", Map.of("CallSid", List.of("CA2"), "CallStatus", List.of("busy")));
        TwilioCallbacks.participantStatus(reports, "leg-3", Map.of("CallSid", List.of("CA3"), "CallStatus", List.of("no-answer")));
        TwilioCallbacks.participantStatus(reports, "leg-4", Map.of("CallSid", List.of("CA4"), "CallStatus", List.of("failed")));
        TwilioCallbacks.participantStatus(reports, "leg-1", Map.of("CallSid", List.of(LEG_SID), "CallStatus", List.of("completed")));
        TwilioCallbacks.conferenceStatus(reports, Map.of("ConferenceSid", List.of(CONFERENCE),
                "StatusCallbackEvent", List.of("conference-end")));
        assertEquals(List.of("answered:leg-1", "failed:leg-2:BUSY", "failed:leg-3:NO_ANSWER",
                "failed:leg-4:UNKNOWN_EXTENSION", "ended:leg-1:HUNG_UP", "call-ended:" + CONFERENCE + ":SYSTEM"),
                reports.reports());
    }

    @Test
    void B23_B50_modesUpdateTheParticipant() {
        LegRef leg = new LegRef("t1", "leg-1", CONFERENCE, LEG_SID, AGENT_SID);
        provider.setMonitorLegMode(leg, LegMode.UNMUTED);
        provider.setMonitorLegMode(leg, LegMode.COACHING);
        provider.setMonitorLegMode(leg, LegMode.MUTED);

        assertEquals(3, seen.size());
        seen.forEach(s -> assertEquals("POST " + PARTICIPANTS + "/" + LEG_SID + ".json", s.method() + " " + s.path()));
        assertEquals(Map.of("Muted", List.of("false"), "Coaching", List.of("false")), seen.get(0).form());
        assertEquals(Map.of("Muted", List.of("false"), "Coaching", List.of("true"), "CallSidToCoach", List.of(AGENT_SID)),
                seen.get(1).form());
        assertEquals(Map.of("Muted", List.of("true"), "Coaching", List.of("false")), seen.get(2).form());
        assertEquals(List.of("mode:leg-1:UNMUTED", "mode:leg-1:COACHING", "mode:leg-1:MUTED"), reports.reports());
    }

    @Test
    void B29_aModeChangeIsReportedOnlyWhenTwilioConfirmsIt() {
        LegRef leg = new LegRef("t1", "leg-1", CONFERENCE, LEG_SID, AGENT_SID);
        updateStatus = 500;
        provider.setMonitorLegMode(leg, LegMode.UNMUTED);
        updateStatus = 404;
        provider.setMonitorLegMode(leg, LegMode.UNMUTED);
        provider.setMonitorLegMode(new LegRef("t1", "leg-2", CONFERENCE, null, AGENT_SID), LegMode.UNMUTED);
        provider.setMonitorLegMode(new LegRef("t1", "leg-3", CONFERENCE, LEG_SID, null), LegMode.COACHING);
        updateStatus = 200;
        provider.setMonitorLegMode(leg, LegMode.UNMUTED);

        assertEquals(List.of("mode-refused:leg-1:PROVIDER_ERROR", "mode-refused:leg-1:LEG_NOT_CONNECTED",
                "mode-refused:leg-2:LEG_NOT_CONNECTED", "mode-refused:leg-3:PROVIDER_ERROR", "mode:leg-1:UNMUTED"),
                reports.reports());
    }

    @Test
    void B24_hangingUpRemovesOnlyTheMonitorParticipant() {
        provider.dialMonitorLeg(new DialRequest("t1", "leg-1", CONFERENCE, "PSTN", "+14155550101"));
        provider.hangUpMonitorLeg(new LegRef("t1", "leg-1", CONFERENCE, null, AGENT_SID));

        Seen remove = seen.get(1);
        assertEquals("DELETE " + PARTICIPANTS + "/" + LEG_SID + ".json", remove.method() + " " + remove.path());
        assertTrue(seen.stream().allMatch(s -> s.path().startsWith(PARTICIPANTS)),
                "no request touches the call or the conference itself: " + seen);
        assertTrue(seen.stream().noneMatch(s -> s.form().containsKey("Status")), "nothing is set to completed");
        assertTrue(reports.has("ended:leg-1:HUNG_UP"));
    }

    @Test
    void B26_refusedDialsFailWithTheirReason() {
        createStatus = 404;
        createBody = "{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": 404}";
        provider.dialMonitorLeg(new DialRequest("t1", "leg-1", CONFERENCE, "PSTN", "+14155550101"));
        createStatus = 400;
        createBody = "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}";
        provider.dialMonitorLeg(new DialRequest("t1", "leg-2", CONFERENCE, "PSTN", "12"));
        createStatus = 500;
        createBody = "{}";
        provider.dialMonitorLeg(new DialRequest("t1", "leg-3", CONFERENCE, "PSTN", "+14155550101"));
        assertEquals(List.of("failed:leg-1:CALL_NOT_FOUND", "failed:leg-2:UNKNOWN_EXTENSION", "failed:leg-3:PROVIDER_ERROR"),
                reports.reports());
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
