package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.Service;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of {@link Verdicts} on hand-made answers (no system needed), so the suite's own judge is tested too. */
class VerdictsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String JSON = "application/json";

    private final TenantFixture a = fixture("A", "1");
    private final TenantFixture b = fixture("B", "2");
    private final Verdicts verdicts = new Verdicts(List.of(a, b));
    private final Endpoint getById = new Endpoint(Service.MONITORING, "GET", "/api/monitoring/sessions/{id}",
            List.of("id"), List.of(), null, JSON, true, MissingNode.getInstance());

    @Test
    void B06_aSuccessfulAnswerHoldingTheOtherTenantsIdIsAViolation() {
        Probe probe = probe(new Caller("Supervisor@A", a, TenantFixture.SUPERVISOR, "t"), "/api/monitoring/sessions/x");
        assertEquals(List.of("B06 answer holds the other tenant's chat session id"),
                causes(probe, 200, JSON, "{\"sessionId\":\"" + b.chatSessionId + "\"}"));
    }

    @Test
    void B06_anAnswerEchoingWhatTheRequestCarriedLeaksNothing() {
        Probe probe = probe(new Caller("Administrator@A", a, TenantFixture.ADMINISTRATOR, "t"),
                "/api/users/" + b.victimSubject);
        assertEquals(List.of(), causes(probe, 201, JSON, "{\"subject\":\"" + b.victimSubject + "\"}"));
    }

    @Test
    void B06_anotherTenantsIdAnswering409TellsThatItExists() {
        Probe probe = new Probe(getById, new Caller("Supervisor@A", a, TenantFixture.SUPERVISOR, "t"), "tenant B's ids",
                "/api/monitoring/sessions/" + b.chatSessionId, "", null, null, 0, "B06 2xx for another tenant's id", true);
        assertEquals(List.of("B06 another tenant's id answered 409 (only 403 or 404 keep its existence secret)"),
                causes(probe, 409, PROBLEM, "{\"type\":\"urn:problem:monitoring:session-ended\"}"));
        assertEquals(List.of(), causes(probe, 404, PROBLEM, "{\"type\":\"urn:problem:monitoring:session-not-found\"}"));
        assertEquals(List.of("B06 2xx for another tenant's id"), causes(probe, 200, JSON, "{}"));
    }

    @Test
    void B07_anAnswerToAnAgentNamingAMonitorsSessionIsAViolation() {
        Probe probe = probe(new Caller("Agent@A", a, TenantFixture.AGENT, "t"), "/api/telephony/calls/c");
        assertEquals(List.of("B07 answer to Agent reveals a monitor: voice session id"),
                causes(probe, 200, JSON, "{\"monitorLegs\":[{\"sessionId\":\"" + a.voiceSessionId + "\"}]}"));
        Probe supervisor = probe(new Caller("Supervisor@A", a, TenantFixture.SUPERVISOR, "t"), "/api/telephony/calls/c");
        assertEquals(List.of(), causes(supervisor, 200, JSON, "{\"monitorLegs\":[{\"sessionId\":\"" + a.voiceSessionId + "\"}]}"));
    }

    @Test
    void every4xxIsProblemJsonWithATypeAndWithoutAStackTrace() {
        Probe probe = probe(new Caller("Agent@A", a, TenantFixture.AGENT, "t"), "/x");
        assertEquals(List.of("4xx without application/problem+json"), causes(probe, 414, "", ""));
        assertEquals(List.of("problem+json without a type"), causes(probe, 400, PROBLEM, "{\"title\":\"Bad\"}"));
        assertEquals(List.of("stack trace text in the body"), causes(probe, 400, PROBLEM,
                "{\"type\":\"urn:problem:monitoring:x\",\"detail\":\"java.lang.IllegalStateException\"}"));
        assertEquals(List.of(), causes(probe, 400, PROBLEM + "; charset=UTF-8", "{\"type\":\"urn:problem:monitoring:x\"}"));
    }

    @Test
    void a5xxAndNoAnswerAtAllAreViolations() {
        Probe probe = probe(new Caller("Agent@A", a, TenantFixture.AGENT, "t"), "/x");
        assertEquals(List.of("5xx"), causes(probe, 500, PROBLEM, "{\"type\":\"urn:problem:monitoring:internal-error\"}"));
        assertEquals(List.of("no HTTP answer"), causes(probe, -1, "", "no HTTP answer: reset"));
    }

    @Test
    void aRequiredStatusMustBeMet() {
        Probe probe = new Probe(getById, new Caller("no token", null, "no token", null), "own ids", "/x", "", null, null,
                401, "2xx with no token");
        assertEquals(List.of("expected 401"), causes(probe, 403, PROBLEM, "{\"type\":\"urn:problem:monitoring:forbidden\"}"));
        assertEquals(List.of(), causes(probe, 401, PROBLEM, "{\"type\":\"urn:problem:monitoring:unauthenticated\"}"));
        assertEquals(List.of("expected 401", "2xx with no token"), causes(probe, 200, JSON, "{}"));
    }

    @Test
    void aBodyIsCarriedByTheRequestWhenItContainsTheValue() {
        Probe probe = new Probe(getById, new Caller("Agent@A", a, TenantFixture.AGENT, "t"), "x", "/api/x%20y", "",
                "{\"id\":\"abc\"}".getBytes(StandardCharsets.UTF_8), JSON, 0, null);
        assertEquals(true, probe.carries("abc"));
        assertEquals(true, probe.carries("x y"));
        assertEquals(false, probe.carries("zzz"));
    }

    private List<String> causes(Probe probe, int status, String contentType, String body) {
        return verdicts.judge(probe, new RawHttp.Answer(status, contentType, body, 1)).stream()
                .map(Verdicts.Violation::cause).toList();
    }

    private Probe probe(Caller caller, String path) {
        return new Probe(getById, caller, "own ids", path, "", null, null, 0, null);
    }

    private static TenantFixture fixture(String label, String n) {
        TenantFixture f = new TenantFixture(label);
        f.victimRoleId = "role-" + n + "-0000";
        f.chatInteractionId = "chat-" + n + "-0000";
        f.messageId = "message-" + n + "-0000";
        f.callId = "call-" + n + "-0000";
        f.voiceInteractionId = "voice-" + n + "-0000";
        f.chatSessionId = "chat-session-" + n + "-0000";
        f.voiceSessionId = "voice-session-" + n + "-0000";
        return f;
    }
}
