package cc.monitoring.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the demo (bearer token, problem+json answers kept as they are). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** An HTTP answer; {@code status} -1 when the service could not be reached. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** For a problem+json answer: "HTTP 409 voice-monitor-active: Already monitoring a call — detail". */
        String problem() {
            JsonNode p = json();
            if (p.has("title")) {
                String type = p.path("type").asText("");
                type = type.substring(type.lastIndexOf(':') + 1);
                return "HTTP " + status + " " + type + ": " + p.path("title").asText()
                        + (p.hasNonNull("detail") ? " — " + p.path("detail").asText() : "");
            }
            return toString();
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body;
            return "HTTP " + status + " " + (b.length() > 300 ? b.substring(0, 300) + "..." : b);
        }
    }

    static Answer get(String url, String token) {
        return send("GET", url, token, null);
    }

    static Answer post(String url, String token, Object body) {
        return send("POST", url, token, body);
    }

    static Answer put(String url, String token, Object body) {
        return send("PUT", url, token, body);
    }

    static Answer delete(String url, String token) {
        return send("DELETE", url, token, null);
    }

    static Answer send(String method, String url, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try {
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
