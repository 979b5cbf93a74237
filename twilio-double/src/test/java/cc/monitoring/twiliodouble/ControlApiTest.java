package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /_double/ control paths bin/stack and the console demo use. */
class ControlApiTest extends DoubleFixture {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCallAnAgentFaultsAndAHangUpOverHttp() throws Exception {
        String customer = post("/_double/calls", "{\"from\":\"+15551230001\",\"to\":\"+15559870002\"}").path("callSid").asText();
        assertTrue(customer.matches("CA[0-9a-f]{32}"));
        String agent = post("/_double/agents", "{\"accountSid\":\"" + ACCOUNT + "\",\"conference\":\"" + customer
                + "\",\"address\":\"client:agent-7\"}").path("callSid").asText();
        JsonNode conferences = get("/_double/conferences");
        assertEquals(1, conferences.size());
        assertEquals("in-progress", conferences.get(0).path("status").asText());
        assertEquals(agent, conferences.get(0).path("hears").path(customer).get(0).asText());

        assertEquals(204, send("POST", "/_double/faults", "{\"method\":\"GET\",\"path\":\".*/Calls\\\\.json\",\"status\":429,\"times\":1}").statusCode());
        assertEquals(429, client.get("/Calls.json").status());
        assertEquals(204, send("POST", "/_double/endpoints", "{\"address\":\"client:sup\",\"mode\":\"manual\"}").statusCode());
        assertEquals(AnswerMode.MANUAL, twilio.endpoints().answerMode("client:sup"));

        assertEquals(204, send("POST", "/_double/calls/" + customer + "/hangup", "").statusCode());
        assertEquals("completed", get("/_double/conferences").get(0).path("status").asText());
        assertTrue(get("/_double/callbacks").size() >= 5);
        assertEquals(0, get("/_double/violations").size());
    }

    @Test
    void badControlRequestsAre400Or404() throws Exception {
        assertEquals(400, send("POST", "/_double/calls", "{\"from\":\"+15551230001\"}").statusCode());
        assertEquals(400, send("POST", "/_double/agents", "{\"conference\":\"nope\",\"address\":\"client:a\"}").statusCode());
        assertEquals(400, send("POST", "/_double/calls", "not json").statusCode());
        assertEquals(404, send("GET", "/_double/nothing", "").statusCode());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = send("POST", path, body);
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "");
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(twilio.baseUrl() + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
