package cc.monitoring.systemtest.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends a request exactly as given (raw path and query, raw body bytes, any content type, any or no token) and
 * reads at most {@value #MAX_BODY} bytes of the answer. A {@code text/event-stream} answer is closed as soon as its
 * head is in: a live stream never ends by itself. Connection failures and timeouts become a {@link Answer} with
 * status {@code -1}, so that one broken request is reported like any other finding.
 */
final class RawHttp {

    static final int MAX_BODY = 256 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** HTTP/1.1 only (no h2c upgrade), as a browser behind the gateway talks to a service. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What came back: status ({@code -1}: no HTTP answer), content type, the (possibly cut) body, time taken. */
    record Answer(int status, String contentType, String body, long millis) {
        boolean isProblem() {
            return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    /**
     * Sends the request; when no HTTP answer came at all, once more. (A service that closes a connection after an
     * answer such as 414 lets the client's pool hand the dead connection to the next request, which then fails
     * before it reached the service: the second attempt gets a fresh connection. Twice nothing is a finding.)
     */
    Answer send(String baseUrl, String method, String rawPathAndQuery, String token, byte[] body, String contentType) {
        Answer first = sendOnce(baseUrl, method, rawPathAndQuery, token, body, contentType);
        if (first.status() >= 0) {
            return first;
        }
        Answer second = sendOnce(baseUrl, method, rawPathAndQuery, token, body, contentType);
        return second.status() >= 0 ? second
                : new Answer(-1, "", "twice " + second.body() + " (first: " + first.body() + ")", second.millis());
    }

    private Answer sendOnce(String baseUrl, String method, String rawPathAndQuery, String token, byte[] body,
                            String contentType) {
        long t0 = System.nanoTime();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + rawPathAndQuery)).timeout(TIMEOUT)
                    .header("Accept", "application/json, application/problem+json, text/event-stream")
                    .header("User-Agent", "robustness-suite");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the suite built an invalid URI: " + rawPathAndQuery, e);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("content-type").orElse("");
            String text;
            try (InputStream in = response.body()) {
                text = type.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), type, text, millis(t0));
        } catch (IOException e) {
            return new Answer(-1, "", "no HTTP answer: " + e, millis(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted", millis(t0));
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
