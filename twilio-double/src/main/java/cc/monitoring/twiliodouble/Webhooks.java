package cc.monitoring.twiliodouble;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The requests the double makes to the application, one thread per account so that they leave in the
 * order the state changed, each signed with the account's auth token and recorded. Twilio does not retry
 * status callbacks by default, and neither does the double.
 */
final class Webhooks implements AutoCloseable {

    /** A request to make: form parameters in the order Twilio lists them. */
    record Outgoing(String accountSid, String kind, String url, Map<String, List<String>> params) {
    }

    private final Map<String, String> tokens;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();
    private final List<Callback> sent = Collections.synchronizedList(new ArrayList<>());
    private final Object idle = new Object();
    private volatile boolean closed;

    Webhooks(Map<String, String> tokens, Duration timeout) {
        this.tokens = tokens;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Runs {@code task} on the account's thread after everything queued before it. */
    void enqueue(String accountSid, Runnable task) {
        if (closed) {
            return;
        }
        ExecutorService queue = queues.computeIfAbsent(accountSid, sid -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "twilio-double-callbacks-" + sid.substring(Math.max(0, sid.length() - 6)));
            t.setDaemon(true);
            return t;
        }));
        synchronized (idle) {
            pending.merge(accountSid, 1, Integer::sum);
        }
        try {
            queue.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    System.err.println("twilio-double: a queued step failed: " + e);
                } finally {
                    done(accountSid);
                }
            });
        } catch (RejectedExecutionException e) {
            done(accountSid); // the double is closing
        }
    }

    private void done(String accountSid) {
        synchronized (idle) {
            pending.merge(accountSid, -1, Integer::sum);
            idle.notifyAll();
        }
    }

    void enqueue(Outgoing outgoing) {
        enqueue(outgoing.accountSid(), () -> send(outgoing));
    }

    /** Waits until the account's thread has nothing left to do (including what its steps queued). */
    void settle(String accountSid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (pending.getOrDefault(accountSid, 0) > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("twilio-double: account " + accountSid
                            + " still busy after " + limit, new TimeoutException());
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    /** Makes the request now (on the calling thread) and records it. */
    Callback send(Outgoing outgoing) {
        String token = tokens.get(outgoing.accountSid());
        String signature = TwilioRequestSignature.sign(token, outgoing.url(), outgoing.params());
        int status;
        String body;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(outgoing.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("User-Agent", "TwilioProxy/1.1")
                    .header(TwilioRequestSignature.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(outgoing.params())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
            body = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            body = null;
        }
        Callback callback = new Callback(outgoing.accountSid(), outgoing.kind(), outgoing.url(),
                copy(outgoing.params()), signature, status, body);
        sent.add(callback);
        return callback;
    }

    List<Callback> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    void clear() {
        sent.clear();
    }

    static String encode(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> values.forEach(value -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return out.toString();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> params) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public void close() {
        closed = true;
        queues.values().forEach(ExecutorService::shutdownNow);
    }
}
