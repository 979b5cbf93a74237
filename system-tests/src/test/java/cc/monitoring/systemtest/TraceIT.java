package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Client.awaitStatus;
import static cc.monitoring.systemtest.Json.find;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One monitor start is ONE trace across the services (docs/operations.md): the supervisor's REST request in
 * monitoring-service → the dial command through its outbox and Kafka → telephony-gateway applies it in a child span
 * and the simulated provider's answer (monitor-leg-connected) goes out in the same trace → monitoring-service applies
 * it (the session is ACTIVE) in a child span of the gateway's. The services export to {@link OtlpTraces} in this JVM
 * ({@link TracingSession}); the request carries a traceparent of the test's own, so the trace is found by its id.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("Tracing across the services")
class TraceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final SystemUnderTest sut;
    private final String tenant = Client.newTenant();
    private final Events events;
    private final User alice;
    private final User sam;
    private final User adam;
    private final User phone;

    TraceIT(Client client) {
        this.sut = client.sut();
        this.events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        sam = client.user(tenant, "sam", "Sam Sanders", "Supervisor");
        adam = client.user(tenant, "adam", "Adam Agent", "Agent");
        phone = Machines.phoneSimulator(client, tenant);
    }

    @Test
    @DisplayName("B21: start -> dial -> leg connected -> ACTIVE is one trace with spans of monitoring-service, telephony-gateway and interaction-service")
    void B21_aMonitorStartIsOneTraceThroughTheOutboxAndKafka() throws Exception {
        OtlpTraces traces = TracingSession.traces();
        assertNotNull(traces, "tracing is on for system tests unless -Dsystemtest.tracing=false");
        String mobile = "+14155550177";
        setUpTenant(mobile);
        String callId = phone.telephony().post("/api/telephony/calls", Map.of("flowId", "support", "agentId", adam.id(),
                "agentName", adam.name(), "customerNumber", "+15550100099")).expectJson(201).path("callId").asText();
        String interactionId = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId))
                .text("interactionId");
        awaitJson("the call in sam's table", () -> sam.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200),
                t -> find(t.path("items"), "interactionId", interactionId).isPresent());

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String clientSpanId = HexFormat.of().formatHex(randomBytes(8));
        JsonNode dialing = startMonitoring(interactionId, mobile, "00-" + traceId + "-" + clientSpanId + "-01");
        String sessionId = dialing.path("sessionId").asText();
        awaitJson("session " + sessionId + " ACTIVE",
                () -> sam.monitoring().get("/api/monitoring/sessions/" + sessionId).expectJson(200),
                s -> s.path("state").asText().equals("ACTIVE"));

        // the spans arrive in batches, every 200 ms per service
        Predicate<List<OtlpTraces.Span>> complete = spans ->
                first(spans, "monitoring-service", OtlpTraces.Span.SERVER, "POST").isPresent()
                        && first(spans, "telephony-gateway", OtlpTraces.Span.CONSUMER, "telephony-commands").isPresent()
                        && first(spans, "telephony-gateway", OtlpTraces.Span.INTERNAL, "provider dial").isPresent()
                        && first(spans, "monitoring-service", OtlpTraces.Span.CONSUMER, "telephony-events").isPresent()
                        && first(spans, "interaction-service", OtlpTraces.Span.CONSUMER, "monitoring-events").isPresent();
        List<OtlpTraces.Span> trace = org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> traces.trace(traceId), complete);

        OtlpTraces.Span start = first(trace, "monitoring-service", OtlpTraces.Span.SERVER, "POST").orElseThrow();
        OtlpTraces.Span dial = first(trace, "telephony-gateway", OtlpTraces.Span.CONSUMER, "telephony-commands").orElseThrow();
        OtlpTraces.Span performed = first(trace, "telephony-gateway", OtlpTraces.Span.INTERNAL, "provider dial").orElseThrow();
        OtlpTraces.Span connected = first(trace, "monitoring-service", OtlpTraces.Span.CONSUMER, "telephony-events").orElseThrow();
        assertEquals(clientSpanId, start.parentSpanId(), "the REST span continues the client's trace: " + trace);
        assertTrue(start.name().contains("/api/monitoring/sessions"), start.toString());
        assertEquals(start.spanId(), dial.parentSpanId(), "the dial command is applied in a child of the request: " + trace);
        assertEquals(dial.spanId(), performed.parentSpanId(),
                "the durable provider command is performed in a child of the consumed dial command (B29): " + trace);
        assertEquals(performed.spanId(), connected.parentSpanId(),
                "the leg's answer is applied in a child of the gateway's provider call: " + trace);
        // a third service: interaction-service applies monitoring-service's session events (its live monitors)
        // in children of the spans that published them (the request, or the leg's answer)
        List<String> publishers = List.of(start.spanId(), connected.spanId());
        assertTrue(trace.stream().filter(s -> s.service().equals("interaction-service") && s.kind() == OtlpTraces.Span.CONSUMER
                        && s.name().contains("monitoring-events")).allMatch(s -> publishers.contains(s.parentSpanId())),
                "interaction-service's monitoring-events spans are children of monitoring-service's: " + trace);
    }

    private static Optional<OtlpTraces.Span> first(List<OtlpTraces.Span> spans, String service, int kind, String name) {
        return spans.stream().filter(s -> s.service().equals(service) && s.kind() == kind && s.name().contains(name))
                .findFirst();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }

    private JsonNode startMonitoring(String interactionId, String extension, String traceparent)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sut.url(Service.MONITORING) + "/api/monitoring/sessions"))
                .header("Authorization", "Bearer " + sam.token())
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("interactionId", interactionId, "extension", extension))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private void setUpTenant(String samsMobile) {
        alice.permission().get("/api/me").expectJson(200);
        alice.permission().put("/api/users/" + sam.id(), Map.of("displayName", sam.name(), "role", "Supervisor",
                "extensions", List.of(Map.of("label", "Mobile", "kind", "PSTN", "address", samsMobile)))).expectJson(201);
        alice.permission().put("/api/users/" + adam.id(), Map.of("displayName", adam.name(), "role", "Agent",
                "extensions", List.of(Map.of("label", "Desk phone", "kind", "SIP", "address", "sip:adam@example.com"))))
                .expectJson(201);
        Machines.setUpPhoneSimulator(alice, phone);
        awaitJson("monitoring-service knows sam", () -> sam.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
        awaitStatus("alice may manage flows in interaction-service",
                () -> alice.interaction().put("/api/flows/support", Map.of("name", "Support", "silentMonitoring", true)), 201);
    }
}
