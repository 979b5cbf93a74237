package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal Twilio REST client for the double's tests: basic auth, form bodies, JSON answers. */
final class TwilioClient {

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String accountSid;
    private final String authorization;
    Duration timeout = Duration.ofSeconds(20);

    TwilioClient(String baseUrl, String accountSid, String authToken) {
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.authorization = authToken == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    String path(String rest) {
        return "/2010-04-01/Accounts/" + accountSid + rest;
    }

    Answer get(String rest) throws IOException {
        return send("GET", path(rest), null);
    }

    Answer delete(String rest) throws IOException {
        return send("DELETE", path(rest), null);
    }

    Answer post(String rest, String... nameValues) throws IOException {
        List<String[]> params = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.add(new String[]{nameValues[i], nameValues[i + 1]});
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        params.forEach(p -> form.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]));
        return send("POST", path(rest), Webhooks.encode(form));
    }

    Answer send(String method, String path, String form) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
