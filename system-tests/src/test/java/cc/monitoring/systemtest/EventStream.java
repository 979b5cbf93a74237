package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server-sent-events stream read as a browser's {@code EventSource} would, with {@code java.net.http} and a line
 * reader: {@code GET} with the bearer token and {@code Accept: text/event-stream}; a background thread parses the
 * lines into events ({@code event:}, {@code id:}, {@code data:}, a blank line ends an event) and stamps each with
 * {@link System#nanoTime()} when its last line arrived, so a test can measure latency.
 * <p>
 * A refusal (the server checks before the first byte of the stream) is kept as {@link #status()} and {@link #body()}.
 */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stream of its own per instance: HTTP/1.1, so closing it ends exactly that connection. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One server-sent event; {@code receivedNanos} is {@link System#nanoTime()} when its terminating line arrived. */
    public record SseEvent(String name, String id, String data, long receivedNanos) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("event " + name + " (id " + id + ") data is not JSON: " + data, e);
            }
        }
    }

    private final String description;
    private final int status;
    private final String contentType;
    private final String body;
    private final Stream<String> lines;
    private final LinkedBlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
    private final List<SseEvent> received = new CopyOnWriteArrayList<>();
    private volatile boolean completed;
    private static final Object END = new Object();

    private EventStream(String description, HttpResponse<Stream<String>> response) {
        this.description = description;
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("content-type").orElse("");
        if (status != 200) {
            try (Stream<String> rest = response.body()) {
                this.body = rest.collect(Collectors.joining("\n"));
            }
            this.lines = null;
            this.completed = true;
            return;
        }
        this.body = null;
        this.lines = response.body();
        Thread reader = new Thread(this::read, "sse " + description);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code GET baseUrl + path} as {@code user}; returns once the response headers are in. */
    public static EventStream open(User user, Service service, String path) {
        String url = user.sut().url(service) + path;
        String description = user + ": GET " + url + " (text/event-stream)";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + user.token())
                .GET().build();
        try {
            return new EventStream(description, HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(15, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(description + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(description + " interrupted", e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body of a refused request (null for an open stream). */
    public String body() {
        return body;
    }

    public String description() {
        return description;
    }

    /** Every event received so far, in order. */
    public List<SseEvent> received() {
        return List.copyOf(received);
    }

    /** The server has ended the stream (or it was refused). */
    public boolean completed() {
        return completed;
    }

    /** Fails unless the stream is open with {@code 200 text/event-stream}. */
    public EventStream expectOpen() {
        if (status != 200 || !contentType.startsWith("text/event-stream")) {
            throw new AssertionError(description + " -> " + status + " " + contentType + ": " + body);
        }
        return this;
    }

    /**
     * The next event named {@code name} that {@code match} accepts; events before it are skipped (they stay in
     * {@link #received()}). Fails if the stream ends or nothing matches within {@code timeout}.
     */
    public SseEvent await(String name, Predicate<SseEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object next = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError(description + ": no event '" + name + "' within " + timeout
                            + "; skipped meanwhile: " + skipped + "; all so far: " + summary());
                }
                if (next == END) {
                    incoming.add(END);
                    throw new AssertionError(description + ": the stream ended without event '" + name
                            + "'; skipped meanwhile: " + skipped + "; all: " + summary());
                }
                SseEvent event = (SseEvent) next;
                if (event.name().equals(name) && match.test(event)) {
                    return event;
                }
                skipped.add(event.name() + "#" + event.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(description + " interrupted", e);
        }
    }

    public SseEvent await(String name, Duration timeout) {
        return await(name, e -> true, timeout);
    }

    /** Waits until the server has ended the stream (after {@code ended} or {@code closed}). */
    public void awaitCompleted(Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> completed);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(description + ": the server did not end the stream within " + timeout
                    + "; events: " + summary());
        }
    }

    private String summary() {
        return received.stream().map(e -> e.name() + "#" + e.id()).toList().toString();
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        SseEvent event = new SseEvent(name == null ? "message" : name, id,
                                data == null ? "" : data.toString(), System.nanoTime());
                        received.add(event);
                        incoming.add(event);
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue; // a comment (keep-alive)
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields: ignored, as by EventSource
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // closed by the client, or the connection broke: the stream is over either way
        } finally {
            completed = true;
            incoming.add(END);
        }
    }

    /** Closes the connection (the server sees the client go away). */
    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
