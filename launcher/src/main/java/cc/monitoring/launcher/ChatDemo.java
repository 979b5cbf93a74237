package cc.monitoring.launcher;

import cc.monitoring.launcher.Api.Answer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The chat-monitoring story, played after the voice story with the demo users, printing every step
 * with the services' real answers: the channel platform (the tenant's service account, a machine identity with
 * HANDLE_CONVERSATIONS and a client-credentials token) starts a chat on flow {@code support} with agent anna; the
 * customer and anna write; the chat appears in sam's monitoring
 * table with {@code newDetails: true}; sam monitors it (ACTIVE at once), reads the transcript from the
 * first message, sees a new customer message by cursor, is refused when he tries to write into the
 * transcript (405, read-only), alice (Administrator) is refused posting into the chat (403: no person writes, B35),
 * sam's row shows {@code newDetails: false}; he ends monitoring (SUPERVISOR_ENDED). The chat stays open so the user can try it with curl or the console.
 *
 * <p>Robust: a step that fails prints why and the rest of the story is skipped; the stack keeps
 * running either way.
 */
final class ChatDemo extends DemoScript {


    private final String interactionUrl;
    private final String monitoringUrl;
    private final String transcriptUrl;
    private final String consoleUrl;

    /** What the demo leaves behind for the curl hints. */
    private String liveChatId;

    ChatDemo(Path demoData, String issuer, Map<String, String> serviceUrls) {
        super("chat demo", demoData, issuer);
        this.interactionUrl = serviceUrls.get("interaction-service");
        this.monitoringUrl = serviceUrls.get("monitoring-service");
        this.transcriptUrl = serviceUrls.get("transcript-service");
        this.consoleUrl = serviceUrls.get("web-gateway");
    }

    @Override
    protected void play() {
        JsonNode anna = user("anna");
        String alice = token("alice");
        String samToken = token("sam");
        String platform = machineToken(CHANNEL_PLATFORM);

        tidyUp(alice, platform, samToken);

        // 1. a chat starts (the channel platform's service account delivers it)
        String customer = VoiceDemo.DEMO_CUSTOMER_PREFIX + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 200));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("channel", "CHAT");
        start.put("flowId", VoiceDemo.FLOW);
        start.put("customer", customer);
        start.put("customerName", "Casey");
        start.put("agentId", anna.path("subject").asText());
        start.put("agentName", anna.path("displayName").asText());
        step("Casey starts a chat on flow '" + VoiceDemo.FLOW + "' and reaches agent anna (delivered by the channel platform's"
                        + " service account, HANDLE_CONVERSATIONS)",
                "POST " + interactionUrl + "/api/conversations " + json(start));
        // the platform's HANDLE_CONVERSATIONS reaches interaction-service through permission-events
        Answer started = retryWhile(() -> Api.post(interactionUrl + "/api/conversations", platform, start),
                a -> a.status() == 403, "interaction-service does not know the channel platform's permissions yet");
        expect(started, "POST /api/conversations");
        JsonNode chat = started.json();
        String chatId = chat.path("id").asText();
        liveChatId = chatId;
        say("HTTP " + started.status() + " → interaction " + chatId + " " + chat.path("channel").asText() + " "
                + chat.path("state").asText() + ": " + chat.path("customer").asText() + " ↔ " + chat.path("agentName").asText()
                + " (flow " + chat.path("flowId").asText() + ", silentMonitoring=" + chat.path("silentMonitoring").asText() + ")");

        // 2. two messages
        step("Casey and anna write",
                "POST " + interactionUrl + "/api/conversations/" + chatId + "/messages {\"authorRole\":\"CUSTOMER\"|\"AGENT\",\"text\":...}");
        postMessage(platform, chatId, "CUSTOMER", "Hi, my order #4711 has not arrived yet.");
        postMessage(platform, chatId, "AGENT", "Sorry to hear that, Casey. Let me check the tracking for you.");

        // 3. sam's monitoring table
        step("sam (Supervisor) opens his monitoring table: the chat has new details",
                "GET " + monitoringUrl + "/api/monitoring/interactions?state=ACTIVE&channel=CHAT");
        JsonNode row = awaitRow(samToken, chatId, r -> r.path("lastMessageSeq").asLong() >= 2,
                "with its 2 messages (interaction-events → monitoring-service)");
        printRow(row);

        // 4. sam monitors the chat
        step("sam monitors the chat (no extension: a digital session is ACTIVE at once)",
                "POST " + monitoringUrl + "/api/monitoring/sessions {\"interactionId\":\"" + chatId + "\"}");
        Answer monitor = Api.post(monitoringUrl + "/api/monitoring/sessions", samToken, Map.of("interactionId", chatId));
        expect(monitor, "POST /api/monitoring/sessions");
        JsonNode session = monitor.json();
        String sessionId = session.path("sessionId").asText();
        say("HTTP " + monitor.status() + " → session " + sessionId + " " + session.path("channel").asText() + " "
                + session.path("state").asText() + (session.hasNonNull("mode") ? " " + session.path("mode").asText() : ""));

        // 5. the transcript from the first message
        step("sam reads the transcript from the first message",
                "GET " + transcriptUrl + "/api/transcripts/" + chatId + "?after=0");
        Instant monitored = Instant.now();
        JsonNode transcript = awaitTranscript(samToken, chatId, 0, 2);
        say("HTTP 200 after " + ms(monitored) + " (transcript-service learns of sam's session from monitoring-events)");
        printTranscript(transcript);
        long next = transcript.path("next").asLong();

        // 6. a new message, read by cursor
        step("Casey writes again; sam reads what is new",
                "POST " + interactionUrl + "/api/conversations/" + chatId + "/messages, then GET "
                        + transcriptUrl + "/api/transcripts/" + chatId + "?after=" + next);
        Instant posted = Instant.now();
        postMessage(platform, chatId, "CUSTOMER", "It says 'delivered' but there is nothing at my door.");
        JsonNode newer = awaitTranscript(samToken, chatId, next, 1);
        say("GET ?after=" + next + " → HTTP 200 after " + ms(posted) + ":");
        printTranscript(newer);

        // 7. read-only
        step("sam tries to write into the transcript (monitors only read)",
                "POST " + transcriptUrl + "/api/transcripts/" + chatId + "/messages {\"text\":\"...\"}");
        Answer write = Api.post(transcriptUrl + "/api/transcripts/" + chatId + "/messages", samToken,
                Map.of("text", "Let me help, I am the supervisor."));
        if (write.ok()) {
            throw new StepFailed("writing into the transcript was accepted, expected 405: " + write);
        }
        say("refused: " + write.problem());

        // 8. no person writes, not even an administrator (B35)
        step("alice (Administrator) tries to post into the chat as the customer (writing is for the channel platform only)",
                "POST " + interactionUrl + "/api/conversations/" + chatId + "/messages {\"authorRole\":\"CUSTOMER\",\"text\":\"...\"}");
        Answer adminPost = Api.post(interactionUrl + "/api/conversations/" + chatId + "/messages", alice,
                Map.of("authorRole", "CUSTOMER", "text", "Written by an administrator"));
        if (adminPost.ok()) {
            throw new StepFailed("alice's post was accepted, expected 403: " + adminPost);
        }
        say("refused: " + adminPost.problem());

        // 9. nothing new for sam any more
        step("sam's table: he has read everything (transcript-read → monitoring-service)",
                "GET " + monitoringUrl + "/api/monitoring/interactions?state=ACTIVE&channel=CHAT");
        Instant read = Instant.now();
        JsonNode seen = awaitRow(samToken, chatId,
                r -> r.path("lastMessageSeq").asLong() >= 3 && !r.path("newDetails").asBoolean(true),
                "with newDetails false");
        printRow(seen);
        say("(newDetails false after " + ms(read) + ")");

        // 10. end monitoring
        step("sam ends monitoring (the chat goes on)",
                "DELETE " + monitoringUrl + "/api/monitoring/sessions/" + sessionId);
        Answer end = Api.delete(monitoringUrl + "/api/monitoring/sessions/" + sessionId, samToken);
        expect(end, "DELETE /api/monitoring/sessions/" + sessionId);
        JsonNode ended = end.json();
        if (!"ENDED".equals(ended.path("state").asText())) {
            ended = awaitEnded(samToken, sessionId);
        }
        say("HTTP " + end.status() + " → " + ended.path("state").asText() + " reason " + ended.path("endReason").asText());

        Console.line("");
        Console.line("Chat demo done in " + Console.seconds(Duration.between(t0, Instant.now())) + ". The chat is still open:"
                + " interaction " + chatId + " (" + customer + " ↔ " + anna.path("displayName").asText() + ").");
        Console.line(consoleLine());
    }

    // ------------------------------------------------------------------ steps

    /** Ends what an earlier demo left behind: sam's live sessions and demo chats still open. */
    private void tidyUp(String alice, String platform, String samToken) {
        Answer live = Api.get(monitoringUrl + "/api/monitoring/sessions", samToken);
        int sessions = 0;
        if (live.ok()) {
            for (JsonNode s : live.json()) {
                Api.delete(monitoringUrl + "/api/monitoring/sessions/" + s.path("sessionId").asText(), samToken);
                sessions++;
            }
        }
        // alice (MANAGE_USERS) lists the tenant's interactions on monitorable flows, the channel platform ends them;
        // interaction-service learns their permissions from permission-events
        Answer chats = retryWhile(() -> Api.get(interactionUrl + "/api/interactions?state=ACTIVE&channel=CHAT&size=200", alice),
                a -> a.status() == 403, "interaction-service has not yet learned alice's permissions (permission-events)");
        int closed = 0;
        if (chats.ok()) {
            for (JsonNode c : chats.json().path("items")) {
                if (c.path("customer").asText().startsWith(VoiceDemo.DEMO_CUSTOMER_PREFIX)) {
                    Api.post(interactionUrl + "/api/conversations/" + c.path("id").asText() + "/end", platform,
                            Map.of("by", "CUSTOMER"));
                    closed++;
                }
            }
        } else {
            Console.line("  (could not list earlier demo chats: " + chats.problem() + ")");
        }
        if (sessions + closed > 0) {
            Console.line("  (tidying up an earlier demo: " + sessions + " session(s) of sam ended, " + closed
                    + " demo chat(s) ended)");
        }
    }

    private void postMessage(String platform, String chatId, String role, String text) {
        Answer a = Api.post(interactionUrl + "/api/conversations/" + chatId + "/messages", platform,
                Map.of("authorRole", role, "text", text));
        expect(a, "POST /api/conversations/" + chatId + "/messages (" + role + ")");
        JsonNode m = a.json();
        say("HTTP " + a.status() + " → #" + m.path("sequence").asText() + " " + m.path("authorName").asText(role)
                + " (" + m.path("authorRole").asText() + "): " + m.path("text").asText());
    }

    /** Waits until the chat is a row of sam's table that satisfies {@code until}; returns the row. */
    private JsonNode awaitRow(String samToken, String chatId, Predicate<JsonNode> until, String what) {
        String url = monitoringUrl + "/api/monitoring/interactions?state=ACTIVE&channel=CHAT&size=100";
        Instant deadline = Instant.now().plus(WAIT);
        Answer last = null;
        JsonNode lastRow = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get(url, samToken);
            if (last.ok()) {
                for (JsonNode r : last.json().path("items")) {
                    if (chatId.equals(r.path("interactionId").asText())) {
                        lastRow = r;
                        if (until.test(r)) {
                            return r;
                        }
                    }
                }
            }
            sleep(200);
        }
        throw new StepFailed("the chat " + chatId + " did not appear in sam's monitoring table " + what + " within "
                + WAIT.toSeconds() + " s; last answer: " + (last == null ? "none" : !last.ok() ? last.problem()
                : lastRow == null ? "no such row" : "lastMessageSeq " + lastRow.path("lastMessageSeq").asText()
                + ", newDetails " + lastRow.path("newDetails").asText()));
    }

    private void printRow(JsonNode r) {
        JsonNode m = r.path("monitor");
        say(String.format("%-36s  %-5s %-8s %-12s %-13s %-7s %-8s %-11s %s", "interactionId", "chan", "flow", "agent",
                "customer", "state", "lastSeq", "newDetails", "monitor?"));
        say(String.format("%-36s  %-5s %-8s %-12s %-13s %-7s %-8s %-11s %s", r.path("interactionId").asText(),
                r.path("channel").asText(), r.path("flowId").asText(), r.path("agentName").asText(),
                r.path("customer").asText(), r.path("state").asText(), r.path("lastMessageSeq").asText(),
                r.path("newDetails").asText(), m.path("allowed").asBoolean() ? "yes" : "no (" + m.path("reason").asText() + ")"));
    }

    /**
     * Reads the transcript after {@code after} until it holds at least {@code atLeast} messages: sam's
     * session and the messages reach transcript-service over Kafka, so the first reads may be 403 or short.
     */
    private JsonNode awaitTranscript(String samToken, String chatId, long after, int atLeast) {
        String url = transcriptUrl + "/api/transcripts/" + chatId + "?after=" + after;
        Instant deadline = Instant.now().plus(WAIT);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get(url, samToken);
            if (last.ok() && last.json().path("messages").size() >= atLeast) {
                return last.json();
            }
            if (!last.ok() && last.status() != 403 && last.status() != 404) {
                break; // 403/404 until transcript-service has the session / the chat; anything else is final
            }
            sleep(100);
        }
        throw new StepFailed("sam could not read " + atLeast + " message(s) after #" + after + " of chat " + chatId
                + " within " + WAIT.toSeconds() + " s; last answer: " + (last == null ? "none"
                : last.ok() ? last.json().path("messages").size() + " message(s)" : last.problem())
                + " (monitoring-events and interaction-events → transcript-service)");
    }

    private void printTranscript(JsonNode t) {
        for (JsonNode m : t.path("messages")) {
            say(String.format("  #%-2s %s  %-14s %s", m.path("sequence").asText(),
                    m.path("postedAt").asText().replaceFirst("^.*T", "").replaceFirst("(\\.\\d{3})\\d*Z$", "$1Z"),
                    m.path("authorName").asText(m.path("authorRole").asText()) + ":", m.path("text").asText()));
        }
        say("channel " + t.path("channel").asText() + ", ended " + t.path("ended").asText() + ", next " + t.path("next").asText());
    }

    private JsonNode awaitEnded(String samToken, String sessionId) {
        Instant deadline = Instant.now().plus(WAIT);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get(monitoringUrl + "/api/monitoring/sessions/" + sessionId, samToken);
            if (last.ok() && "ENDED".equals(last.json().path("state").asText())) {
                return last.json();
            }
            sleep(100);
        }
        throw new StepFailed("session " + sessionId + " did not end within " + WAIT.toSeconds() + " s; last answer: " + last);
    }

    private String consoleLine() {
        return consoleUrl != null
                ? "The supervisor console is at " + consoleUrl + " (web-gateway; sign in as sam / "
                        + data.path("password").asText("demo") + ")."
                : "The supervisor console (web-gateway, http://127.0.0.1:8080) is not running: it is not built.";
    }

    // ------------------------------------------------------------------ helpers

    // ------------------------------------------------------------------ curl hints

    /** Ready-to-copy curl commands for the chat: monitor it, read the transcript, follow the stream, write, end. */
    String curlExamples(boolean withTokenFunction) {
        JsonNode anna = user("anna");
        String chat = liveChatId != null ? liveChatId : "<interactionId>";
        String preamble = !withTokenFunction ? "" : String.join(System.lineSeparator(), tokenFunctions(),
                "  SAM=\"Authorization: Bearer $(token sam)\"; JSON='Content-Type: application/json'") + System.lineSeparator();
        return preamble + String.join(System.lineSeparator(),
                "  # the chat: written only by the channel platform's service account (HANDLE_CONVERSATIONS, B35)",
                "  PLATFORM=\"Authorization: Bearer $(client_token acme-channel-platform)\"",
                liveChatId != null
                        ? "  CHAT=" + chat + "   # the demo's chat, still open"
                        : "  CHAT=$(curl -s -H \"$PLATFORM\" -H \"$JSON\" -d '{\"channel\":\"CHAT\",\"flowId\":\"" + VoiceDemo.FLOW
                        + "\",\"customer\":\"+12025550123\",\"customerName\":\"Casey\",\"agentId\":\"" + anna.path("subject").asText()
                        + "\",\"agentName\":\"" + anna.path("displayName").asText() + "\"}' \\\n"
                        + "      " + interactionUrl + "/api/conversations | sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/')   # start a chat",
                "  SESSION=$(curl -s -H \"$SAM\" -H \"$JSON\" -d \"{\\\"interactionId\\\":\\\"$CHAT\\\"}\" \\",
                "      " + monitoringUrl + "/api/monitoring/sessions | sed -E 's/.*\"sessionId\":\"([^\"]+)\".*/\\1/')   # sam monitors: ACTIVE",
                "  curl -s -H \"$SAM\" \"" + transcriptUrl + "/api/transcripts/$CHAT?after=0\"       # the transcript (then ?after=<next>)",
                "  curl -N -H \"$SAM\" " + transcriptUrl + "/api/transcripts/$CHAT/stream           # live (SSE); in another terminal:",
                "  curl -s -H \"$PLATFORM\" -H \"$JSON\" -d '{\"authorRole\":\"CUSTOMER\",\"text\":\"Hello?\"}' " + interactionUrl
                        + "/api/conversations/$CHAT/messages",
                "  curl -s -H \"$SAM\" -H \"$JSON\" -d '{\"authorRole\":\"CUSTOMER\",\"text\":\"Hi\"}' " + interactionUrl
                        + "/api/conversations/$CHAT/messages   # 403: no person writes (B30, B35)",
                "  curl -s -X DELETE -H \"$SAM\" " + monitoringUrl + "/api/monitoring/sessions/$SESSION   # end monitoring (the stream closes)",
                "  curl -s -H \"$PLATFORM\" -H \"$JSON\" -d '{\"by\":\"CUSTOMER\"}' " + interactionUrl + "/api/conversations/$CHAT/end   # end the chat",
                "  " + consoleLine());
    }
}
