package cc.monitoring.monitor.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cc.monitoring.monitor.api.World.PATIENCE;
import static cc.monitoring.monitor.api.World.mobile;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * monitoring-service's meters as Prometheus scrapes them from {@code /q/metrics} (docs/operations.md), moved by a
 * real voice session: started, refused, dialed, ACTIVE, ended with its interaction; the live sessions gauge from the
 * database; the kit's consumed-events and outbox meters and the Kafka client's lag for this service.
 */
@QuarkusTest
class MetricsTest {

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample {@code name{labels...}} (labels in Prometheus' alphabetical order, a prefix of them), 0 when absent. */
    static double sample(String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : "\\{" + Pattern.quote(labels))
                + "[^\\n]*? ([-+0-9.eE]+|NaN)$").matcher(scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void B21_B22_B25_aVoiceSessionMovesTheDomainMeters() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        World.Call other = world.call("anna", "sam");
        world.awaitInTable("sam", other.interactionId());
        double starts = sample("monitoring_session_starts_total", "channel=\"VOICE\"");
        double refusals = sample("monitoring_session_refusals_total", "action=\"START\",type=\"voice-monitor-active\"");
        double connected = sample("monitoring_dial_outcomes_total", "outcome=\"CONNECTED\"");
        double toActive = sample("monitoring_dial_time_to_active_seconds_count", "");
        double endLatency = sample("monitoring_interaction_end_to_monitor_end_seconds_count", "");

        String sessionId = world.monitor("sam", call.interactionId(), mobile("sam").address());
        assertEquals(starts + 1, sample("monitoring_session_starts_total", "channel=\"VOICE\""));
        await().atMost(PATIENCE).until(() ->
                sample("monitoring_sessions_live", "channel=\"VOICE\",mode=\"NONE\",state=\"DIALING\"") >= 1);

        world.as("sam").contentType("application/json")
                .body("{\"interactionId\":\"" + other.interactionId() + "\",\"extension\":\"" + mobile("sam").address() + "\"}")
                .post("/api/monitoring/sessions").then().statusCode(409);
        assertEquals(refusals + 1,
                sample("monitoring_session_refusals_total", "action=\"START\",type=\"voice-monitor-active\""));

        world.legConnected(call, sessionId);
        world.awaitSession("sam", sessionId, "ACTIVE");
        await().atMost(PATIENCE).until(() -> sample("monitoring_dial_outcomes_total", "outcome=\"CONNECTED\"") == connected + 1);
        assertEquals(toActive + 1, sample("monitoring_dial_time_to_active_seconds_count", ""));
        await().atMost(PATIENCE).until(() ->
                sample("monitoring_sessions_live", "channel=\"VOICE\",mode=\"SILENT\",state=\"ACTIVE\"") >= 1);

        world.end(call.interactionId());
        world.awaitSession("sam", sessionId, "ENDED");
        await().atMost(PATIENCE).until(() ->
                sample("monitoring_interaction_end_to_monitor_end_seconds_count", "") == endLatency + 1);
    }

    @Test
    void theKitsMetersAndTheKafkaClientsAreScrapedForThisService() {
        World world = new World();
        world.supervisor("sam");
        world.call("adam", "sam");
        await().atMost(PATIENCE).until(() ->
                sample("monitoring_events_consumed_total", "consumer=\"monitoring-service") > 0);
        String scrape = scrape();
        assertTrue(scrape.contains("monitoring_outbox_backlog "), "outbox backlog");
        assertTrue(scrape.contains("monitoring_outbox_oldest_age_seconds "), "outbox age");
        assertTrue(scrape.contains("monitoring_streams_open "), "open streams");
        assertTrue(scrape.contains("monitoring_sessions_dialing_oldest_age_seconds "), "stuck dialing");
        assertTrue(scrape.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        assertTrue(scrape.contains("http_server_requests_seconds_count"), "HTTP server");
    }
}
