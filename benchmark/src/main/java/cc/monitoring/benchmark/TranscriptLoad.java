package cc.monitoring.benchmark;

import cc.monitoring.benchmark.Http.Answer;
import cc.monitoring.contracts.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transcript phase of {@code --profile full} (issue 13): R message-posted events/s for S seconds, spread over
 * {@value #CHATS} synthetic chats of the benchmark's tenant (interaction-started, participants, then messages,
 * in interaction-service's envelope on interaction-events), while a sample of them has its live transcript
 * stream open ({@code GET /api/transcripts/{id}/stream} on transcript-service, as the console's digital view):
 * each sampled chat is monitored by a supervisor (a digital session is ACTIVE at once, B33; transcript-service
 * lets them read once it saw the session, B34). Measured per streamed message: its record timestamp → its
 * arrival on the stream. Target: p99 under 250 ms, and transcript-service keeping up with the rate.
 */
final class TranscriptLoad {

    static final int CHATS = 200;
    static final double P99_GOAL_MS = 250;

    record Result(long sent, long expected, long delivered, Stats latency, double sustained, String problem) {
    }

    private final Options o;
    private final List<String> supervisorTokens;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();      // streamed message id → record timestamp
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();   // streamed message id → arrival
    private final List<Thread> readers = new ArrayList<>();
    private final List<InputStream> bodies = new ArrayList<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session id → token
    private final AtomicLong lastArrival = new AtomicLong();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    TranscriptLoad(Options o, List<String> supervisorTokens) {
        this.o = o;
        this.supervisorTokens = supervisorTokens;
    }

    static String chatId(String run, int i) {
        return "chat-" + run + "-" + i;
    }

    /** Which message of the load goes to which chat, with which sequence (1, 2, ... per chat). */
    static int chatOf(long k) {
        return (int) (k % CHATS);
    }

    static long sequenceOf(long k) {
        return k / CHATS + 1;
    }

    Result run(double rate, double seconds, int streams) throws Exception {
        try (Load writer = new Load(o.kafka, o.tenant, o.tenant + "-load")) {
            // 1. the chats, as interaction-service starts them
            Instant now = Instant.now();
            for (int i = 0; i < CHATS; i++) {
                String id = chatId(run, i);
                ObjectNode started = Http.JSON.createObjectNode();
                started.put("tenantId", o.tenant);
                started.put("interactionId", id);
                started.put("channel", "CHAT");
                started.put("flowId", o.tenant + "-load");
                started.put("flowName", "Benchmark chats");
                started.put("silentMonitoring", true);
                started.put("agentId", "chat-agent-" + (i % 50));
                started.put("agentName", "Chat Agent " + (i % 50));
                started.put("customer", "chat-customer-" + i);
                started.put("startedAt", now.toString());
                writer.send(Load.record(EventTypes.INTERACTION_STARTED, id, o.tenant, now, started), null);
                for (String role : new String[] {"AGENT", "CUSTOMER"}) {
                    ObjectNode joined = Http.JSON.createObjectNode();
                    joined.put("tenantId", o.tenant);
                    joined.put("interactionId", id);
                    joined.put("participantId", role.equals("AGENT") ? "chat-agent-" + (i % 50) : "chat-customer-" + i);
                    joined.put("role", role);
                    joined.put("displayName", role.equals("AGENT") ? "Chat Agent " + (i % 50) : "Customer");
                    joined.put("at", now.toString());
                    writer.send(Load.record(EventTypes.PARTICIPANT_JOINED, id, o.tenant, now, joined), null);
                }
            }
            writer.flush();
            // 2. a sample monitored and streamed
            int sample = Math.min(Math.min(streams, CHATS), supervisorTokens.size() * 4); // 4 streams per user (cap 10)
            long deadline = System.currentTimeMillis() + 60_000;
            for (int i = 0; i < sample; i++) {
                String id = chatId(run, i);
                String token = supervisorTokens.get(i % supervisorTokens.size());
                while (!Http.get(o.monitoringService + "/api/monitoring/interactions/" + id, token).ok()) {
                    if (System.currentTimeMillis() > deadline) {
                        return failed("monitoring-service does not know chat " + id + " within 60 s");
                    }
                    Benchmark.sleep(20);
                }
                Answer a = Http.post(o.monitoringService + "/api/monitoring/sessions", token, Map.of("interactionId", id));
                if (a.status() != 201) {
                    return failed("monitoring " + id + ": " + a);
                }
                sessions.put(a.json().path("sessionId").asText(), token);
            }
            for (int i = 0; i < sample; i++) {
                String problem = openStream(chatId(run, i), supervisorTokens.get(i % supervisorTokens.size()), deadline);
                if (problem != null) {
                    return failed(problem);
                }
            }
            Benchmark.say("  " + CHATS + " chats started, " + sample + " of them monitored with their transcript stream open");
            // 3. the messages
            long total = (long) (rate * seconds);
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            long k = 0;
            while (k < total) {
                long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
                while (k < due) {
                    send(writer, k, sample);
                    k++;
                }
                Benchmark.sleep(1);
            }
            writer.flush();
            long loadEnd = System.currentTimeMillis();
            long expected = sentAt.size();
            long wait = loadEnd + 60_000;
            while (arrivedAt.size() < expected && System.currentTimeMillis() < wait) {
                Benchmark.sleep(50);
            }
            Stats latency = new Stats("message-posted → on the transcript stream");
            long delivered = 0;
            for (Map.Entry<String, Long> e : sentAt.entrySet()) {
                Long arrived = arrivedAt.get(e.getKey());
                if (arrived != null) {
                    delivered++;
                    latency.add(arrived - e.getValue());
                }
            }
            long end = Math.max(loadEnd, lastArrival.get());
            double sustained = delivered < expected ? 0 : k / ((end - startMillis) / 1000.0);
            Benchmark.say(String.format("  %d messages in %.1f s (%.0f/s offered); %d of %d streamed messages arrived%s",
                    k, (loadEnd - startMillis) / 1000.0, k / ((loadEnd - startMillis) / 1000.0), delivered, expected,
                    delivered < expected ? " (missing after 60 s)" : String.format(", the last %.2f s after the load ended",
                            Math.max(0, lastArrival.get() - loadEnd) / 1000.0)));
            Benchmark.say(latency.line());
            endChats(writer);
            return new Result(k, expected, delivered, latency, sustained, null);
        } finally {
            close();
        }
    }

    private Result failed(String problem) {
        return new Result(0, 0, 0, new Stats("message-posted → on the transcript stream"), 0, problem);
    }

    private void send(Load writer, long k, int sample) {
        int chat = chatOf(k);
        long seq = sequenceOf(k);
        String id = chatId(run, chat);
        String messageId = "m-" + run + "-" + k;
        boolean customer = seq % 2 == 1;
        Instant now = Instant.now();
        ObjectNode m = Http.JSON.createObjectNode();
        m.put("tenantId", o.tenant);
        m.put("interactionId", id);
        m.put("messageId", messageId);
        m.put("sequence", seq);
        m.put("authorRole", customer ? "CUSTOMER" : "AGENT");
        m.put("authorId", customer ? "chat-customer-" + chat : "chat-agent-" + (chat % 50));
        m.put("authorName", customer ? "Customer" : "Chat Agent " + (chat % 50));
        m.put("text", "Benchmark message " + seq + " of chat " + chat + ": where is my parcel, order 4711?");
        m.put("postedAt", now.toString());
        boolean streamed = chat < sample;
        writer.send(Load.record(EventTypes.MESSAGE_POSTED, id, o.tenant, now, m), (meta, ex) -> {
            if (ex == null && streamed) {
                sentAt.put(messageId, meta.timestamp());
            }
        });
    }

    /** Opens the chat's stream (retrying while transcript-service does not know the session yet: 403). */
    private String openStream(String id, String token, long deadline) throws Exception {
        while (true) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(o.transcriptService + "/api/transcripts/" + id + "/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 200) {
                InputStream body = r.body();
                synchronized (bodies) {
                    bodies.add(body);
                }
                Thread t = new Thread(() -> read(body), "benchmark-transcript-" + id);
                t.setDaemon(true);
                t.start();
                readers.add(t);
                return null;
            }
            String answer = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            if (r.statusCode() != 403 || System.currentTimeMillis() > deadline) {
                return "transcript stream of " + id + ": HTTP " + r.statusCode() + " " + answer;
            }
            Benchmark.sleep(50);
        }
    }

    private void read(InputStream body) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "message".equals(event)) {
                    long now = System.currentTimeMillis();
                    JsonNode data = Http.JSON.readTree(line.substring(5).trim());
                    arrivedAt.putIfAbsent(data.path("messageId").asText(), now);
                    lastArrival.accumulateAndGet(now, Math::max);
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception e) {
            // closed at the end of the phase
        }
    }

    /** Ends every chat (interaction-ended) and the supervisors' sessions. */
    private void endChats(Load writer) {
        Instant now = Instant.now();
        for (int i = 0; i < CHATS; i++) {
            ObjectNode ended = Http.JSON.createObjectNode();
            ended.put("tenantId", o.tenant);
            ended.put("interactionId", chatId(run, i));
            ended.put("channel", "CHAT");
            ended.put("endedBy", "CUSTOMER");
            ended.put("endedAt", now.toString());
            writer.send(Load.record(EventTypes.INTERACTION_ENDED, chatId(run, i), o.tenant, now, ended), null);
        }
        writer.flush();
    }

    private void close() {
        sessions.forEach((session, token) -> Http.delete(o.monitoringService + "/api/monitoring/sessions/" + session, token));
        sessions.clear();
        synchronized (bodies) {
            for (InputStream b : bodies) {
                try {
                    b.close();
                } catch (Exception e) {
                    // already closed
                }
            }
        }
    }
}
