package cc.monitoring.launcher;

import cc.monitoring.launcher.Api.Answer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The voice-monitoring story, played against the running stack with the demo users, printing every
 * step with the services' real answers: alice turns silent monitoring on for flow {@code support};
 * adam and anna each get a call; sam sees them in his monitoring table, monitors adam's call on his
 * second extension (DIALING, then ACTIVE muted), barges and mutes; a second monitor is refused; the
 * customer hangs up and sam's session ends by itself (INTERACTION_ENDED); alice reads the audit
 * trail. anna's call stays up so the user can try monitoring it with curl. Calls are placed and hung up by the
 * tenant's phone simulator, a machine identity (client-credentials token, OPERATE_SIMULATOR), never by a person.
 *
 * <p>Robust: a step that fails prints why and the rest of the story is skipped; the stack keeps
 * running either way.
 */
final class VoiceDemo extends DemoScript {

    static final String FLOW = "support";

    private final String permissionUrl;
    private final String interactionUrl;
    private final String monitoringUrl;
    private final String telephonyUrl;
    /** The Twilio double, when the stack runs on the Twilio path ({@code --provider twilio}); else null. */
    private final String twilioUrl;
    /** On the Twilio path: the caller's CallSid per call id, to hang the caller up at the double. */
    private final Map<String, String> callerSids = new LinkedHashMap<>();

    /** What the demo leaves behind for the curl hints. */
    private String liveInteractionId;
    private String liveCallId;

    VoiceDemo(Path demoData, String issuer, Map<String, String> serviceUrls) {
        super("voice demo", demoData, issuer);
        this.permissionUrl = serviceUrls.get("permission-service");
        this.interactionUrl = serviceUrls.get("interaction-service");
        this.monitoringUrl = serviceUrls.get("monitoring-service");
        this.telephonyUrl = serviceUrls.get("telephony-gateway");
        this.twilioUrl = serviceUrls.get(TwilioDoubleProcess.NAME);
    }

    @Override
    protected void play() {
        JsonNode adam = user("adam");
        JsonNode anna = user("anna");
        JsonNode sam = user("sam");
        String samExtension = sam.path("extensions").path(1).path("address").asText();
        String alice = token("alice");
        String samToken = token("sam");
        String simulator = machineToken(PHONE_SIMULATOR);

        tidyUp(simulator, samToken);

        // 1. alice: flow support with silent monitoring on
        step("alice (acme Administrator) turns silent monitoring on for flow '" + FLOW + "'",
                "PUT " + interactionUrl + "/api/flows/" + FLOW + " {\"name\":\"Support\",\"silentMonitoring\":true}");
        Answer flow = retryWhile(() -> Api.put(interactionUrl + "/api/flows/" + FLOW, alice,
                Map.of("name", "Support", "silentMonitoring", true)), a -> a.status() == 403,
                "interaction-service has not yet learned alice's permissions (permission-events)");
        expect(flow, "PUT /api/flows/" + FLOW);
        JsonNode f = flow.json();
        say("HTTP " + flow.status() + " → flow " + f.path("id").asText() + " '" + f.path("name").asText()
                + "' silentMonitoring=" + f.path("silentMonitoring").asText());

        // 2. two calls
        String adamCustomer = customerNumber();
        String annaCustomer = customerNumber();
        step("Two customers call flow '" + FLOW + "': one reaches agent adam, one agent anna", twilioUrl != null
                ? "POST " + twilioUrl + "/_double/calls {\"accountSid\",\"from\",\"to\"} (Twilio calls the gateway's Voice"
                        + " webhook), then POST " + twilioUrl + "/_double/agents (the router connects the agent)"
                : "POST " + telephonyUrl + "/api/telephony/calls {\"flowId\",\"agentId\",\"agentName\",\"customerNumber\"}"
                        + "  (as the phone simulator, a service account with OPERATE_SIMULATOR)");
        JsonNode adamCall = placeCall(simulator, adam, adamCustomer);
        JsonNode annaCall = placeCall(simulator, anna, annaCustomer);
        liveCallId = annaCall.path("callId").asText();

        // 3. sam's monitoring table
        step("sam (Supervisor) opens his monitoring table",
                "GET " + monitoringUrl + "/api/monitoring/interactions?state=ACTIVE");
        String adamInteraction = awaitRow(samToken, adam, adamCustomer);
        String annaInteraction = awaitRow(samToken, anna, annaCustomer);
        liveInteractionId = annaInteraction;
        printTable(samToken, Map.of(adamInteraction, "adam's call", annaInteraction, "anna's call"));

        // 4. sam monitors adam's call on his second extension
        step("sam monitors adam's call on his second extension (" + label(sam, 1) + " " + samExtension + ")",
                "POST " + monitoringUrl + "/api/monitoring/sessions {\"interactionId\":\"" + adamInteraction
                        + "\",\"extension\":\"" + samExtension + "\"}");
        Instant requested = Instant.now();
        Answer start = Api.post(monitoringUrl + "/api/monitoring/sessions", samToken,
                Map.of("interactionId", adamInteraction, "extension", samExtension));
        expect(start, "POST /api/monitoring/sessions");
        JsonNode session = start.json();
        String sessionId = session.path("sessionId").asText();
        say("HTTP " + start.status() + " → session " + sessionId + " state " + session.path("state").asText()
                + " on " + session.path("extension").path("label").asText() + " "
                + session.path("extension").path("address").asText() + " (the simulated phone rings)");
        JsonNode active = awaitSession(samToken, sessionId, "ACTIVE");
        say("GET /api/monitoring/sessions/" + sessionId + " → " + active.path("state").asText() + " "
                + active.path("mode").asText() + " after " + ms(requested)
                + " (monitor leg answered muted: adam and the customer do not hear sam)");
        printLeg(samToken, adamCall.path("callId").asText(), sessionId);

        // 5. barge, then mute
        step("sam barges in (agent and customer now hear him)",
                "POST " + monitoringUrl + "/api/monitoring/sessions/" + sessionId + "/barge");
        Answer barge = Api.post(monitoringUrl + "/api/monitoring/sessions/" + sessionId + "/barge", samToken, null);
        expect(barge, "barge");
        say("HTTP " + barge.status() + " → " + barge.json().path("state").asText() + " " + barge.json().path("mode").asText());
        awaitLegMode(samToken, adamCall.path("callId").asText(), sessionId, "UNMUTED");
        step("sam mutes again (back to silent monitoring)",
                "POST " + monitoringUrl + "/api/monitoring/sessions/" + sessionId + "/mute");
        Answer mute = Api.post(monitoringUrl + "/api/monitoring/sessions/" + sessionId + "/mute", samToken, null);
        expect(mute, "mute");
        say("HTTP " + mute.status() + " → " + mute.json().path("state").asText() + " " + mute.json().path("mode").asText());
        awaitLegMode(samToken, adamCall.path("callId").asText(), sessionId, "MUTED");

        // 6. a second voice monitor is refused
        step("sam tries to monitor anna's call as well (one voice monitor at a time)",
                "POST " + monitoringUrl + "/api/monitoring/sessions {\"interactionId\":\"" + annaInteraction
                        + "\",\"extension\":\"" + samExtension + "\"}");
        Answer second = Api.post(monitoringUrl + "/api/monitoring/sessions", samToken,
                Map.of("interactionId", annaInteraction, "extension", samExtension));
        if (second.ok()) {
            throw new StepFailed("the second monitor was accepted, expected a refusal: " + second);
        }
        say("refused: " + second.problem());

        // 7. the customer hangs up adam's call
        String adamCallId = adamCall.path("callId").asText();
        String callerSid = callerSids.get(adamCallId);
        step("adam's customer hangs up → sam's session ends by itself", twilioUrl != null
                ? "POST " + twilioUrl + "/_double/calls/" + callerSid + "/hangup"
                : "POST " + telephonyUrl + "/api/telephony/calls/" + adamCallId + "/hangup {\"by\":\"CUSTOMER\"}");
        Instant hungUp = Instant.now();
        Answer hangup = twilioUrl != null
                ? Api.post(twilioUrl + "/_double/calls/" + callerSid + "/hangup", "none", Map.of())
                : Api.post(telephonyUrl + "/api/telephony/calls/" + adamCallId + "/hangup", simulator,
                Map.of("by", "CUSTOMER"));
        expect(hangup, "hang up");
        say("HTTP " + hangup.status() + " (the gateway ends the call and its monitor legs; monitoring-service ends every session on it)");
        JsonNode ended = awaitSession(samToken, sessionId, "ENDED");
        say("GET /api/monitoring/sessions/" + sessionId + " → " + ended.path("state").asText() + " reason "
                + ended.path("endReason").asText() + " after " + ms(hungUp));

        // 8. audit trail
        step("alice reads the audit trail of the demo",
                "GET " + monitoringUrl + "/api/monitoring/audit?from=" + t0.truncatedTo(ChronoUnit.SECONDS));
        Answer audit = Api.get(monitoringUrl + "/api/monitoring/audit?size=20&from="
                + enc(t0.truncatedTo(ChronoUnit.SECONDS).toString()), alice);
        expect(audit, "GET /api/monitoring/audit");
        JsonNode items = audit.json().path("items");
        for (int i = items.size() - 1; i >= 0; i--) { // oldest first, as a story
            JsonNode a = items.get(i);
            say(String.format("%s  %-14s %-6s %-9s %s%s", a.path("at").asText().replaceFirst("^.*T", "").replaceFirst("(\\.\\d{3})\\d*Z$", "$1Z"),
                    a.path("actorName").asText(), a.path("action").asText(), a.path("outcome").asText(),
                    a.path("interactionId").asText().equals(adamInteraction) ? "adam's call" : "anna's call",
                    a.hasNonNull("detail") ? "  " + a.path("detail").asText() : ""));
        }

        Console.line("");
        Console.line("Demo done in " + Console.seconds(Duration.between(t0, Instant.now())) + ". anna's call is still live:"
                + " interaction " + annaInteraction + " (call " + liveCallId + ").");
    }

    // ------------------------------------------------------------------ steps

    /** Ends what an earlier demo left behind: sam's live sessions and the demo calls still up. */
    private void tidyUp(String simulator, String samToken) {
        Answer live = Api.get(monitoringUrl + "/api/monitoring/sessions", samToken);
        int sessions = 0;
        if (live.ok()) {
            for (JsonNode s : live.json()) {
                Api.delete(monitoringUrl + "/api/monitoring/sessions/" + s.path("sessionId").asText(), samToken);
                sessions++;
            }
        }
        Answer calls = Api.get(telephonyUrl + "/api/telephony/calls?state=ACTIVE&size=200", simulator);
        int hung = 0;
        if (calls.ok() && twilioUrl == null) { // on the Twilio path the double's calls restart with the double
            for (JsonNode c : calls.json().path("items")) {
                if (c.path("customerNumber").asText().startsWith(DEMO_CUSTOMER_PREFIX)) {
                    Api.post(telephonyUrl + "/api/telephony/calls/" + c.path("callId").asText() + "/hangup", simulator,
                            Map.of("by", "CUSTOMER"));
                    hung++;
                }
            }
        }
        if (sessions + hung > 0) {
            Console.line("  (tidying up an earlier demo: " + sessions + " session(s) of sam ended, " + hung
                    + " demo call(s) hung up)");
        }
    }

    /** Customer numbers of demo calls: 555-01xx is reserved for fiction. */
    static final String DEMO_CUSTOMER_PREFIX = "+1202555";

    private static String customerNumber() {
        return DEMO_CUSTOMER_PREFIX + String.format("%04d", ThreadLocalRandom.current().nextInt(100, 200));
    }

    private JsonNode placeCall(String token, JsonNode agent, String customer) {
        if (twilioUrl != null) {
            return placeTwilioCall(token, agent, customer);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flowId", FLOW);
        body.put("agentId", agent.path("subject").asText());
        body.put("agentName", agent.path("displayName").asText());
        body.put("customerNumber", customer);
        Answer a = Api.post(telephonyUrl + "/api/telephony/calls", token, body);
        expect(a, "POST /api/telephony/calls (" + agent.path("username").asText() + ")");
        JsonNode c = a.json();
        say("HTTP " + a.status() + " → call " + c.path("callId").asText() + " " + c.path("state").asText() + ": "
                + c.path("customerNumber").asText() + " ↔ " + c.path("agentName").asText());
        return c;
    }

    /**
     * On the Twilio path: the customer calls the demo number at the double, which calls the gateway's Voice
     * webhook (TwiML: into the call's own conference); then the router connects the agent ({@code client:<id>})
     * and the gateway announces the call. Returns the gateway's call.
     */
    private JsonNode placeTwilioCall(String token, JsonNode agent, String customer) {
        String account = TwilioDoubleProcess.accountSid("acme");
        Answer call = Api.post(twilioUrl + "/_double/calls", "none",
                Map.of("accountSid", account, "from", customer, "to", TwilioDoubleProcess.DEMO_NUMBER));
        expect(call, "POST /_double/calls (" + agent.path("username").asText() + "'s customer)");
        String callSid = call.json().path("callSid").asText(call.json().path("sid").asText());
        Answer agentLeg = Api.post(twilioUrl + "/_double/agents", "none", Map.of("accountSid", account,
                "conference", callSid, "address", "client:" + agent.path("subject").asText()));
        expect(agentLeg, "POST /_double/agents (" + agent.path("username").asText() + ")");
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Answer calls = Api.get(telephonyUrl + "/api/telephony/calls?state=ACTIVE&size=200", token);
            if (calls.ok()) {
                for (JsonNode c : calls.json().path("items")) {
                    if (customer.equals(c.path("customerNumber").asText())) {
                        callerSids.put(c.path("callId").asText(), callSid);
                        say("Twilio call " + callSid + " → call " + c.path("callId").asText() + " "
                                + c.path("state").asText() + ": " + customer + " ↔ " + c.path("agentName").asText());
                        return c;
                    }
                }
            }
            sleep(200);
        }
        throw new StepFailed("the Twilio call " + callSid + " did not become a call of the gateway within "
                + WAIT.toSeconds() + " s (see .local/logs/telephony-gateway.log and twilio-double.log)");
    }

    /** Waits until the agent's call with this customer is a row of sam's table; returns its interaction id. */
    private String awaitRow(String samToken, JsonNode agent, String customer) {
        String url = monitoringUrl + "/api/monitoring/interactions?state=ACTIVE&size=100&agent="
                + enc(agent.path("subject").asText());
        Instant deadline = Instant.now().plus(WAIT);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get(url, samToken);
            if (last.ok()) {
                for (JsonNode row : last.json().path("items")) {
                    if (customer.equals(row.path("customer").asText())) {
                        return row.path("interactionId").asText();
                    }
                }
            }
            sleep(200);
        }
        throw new StepFailed("the call of " + agent.path("username").asText() + " (customer " + customer
                + ") did not appear in sam's monitoring table within " + WAIT.toSeconds() + " s; last answer: "
                + (last == null ? "none" : last.ok() ? "no such row" : last.problem())
                + " (telephony-events → interaction-service → interaction-events → monitoring-service)");
    }

    private void printTable(String samToken, Map<String, String> names) {
        Answer table = Api.get(monitoringUrl + "/api/monitoring/interactions?state=ACTIVE&size=20", samToken);
        expect(table, "GET /api/monitoring/interactions");
        say(String.format("%-36s  %-5s %-8s %-12s %-13s %-7s %s", "interactionId", "chan", "flow", "agent", "customer",
                "state", "monitor?"));
        for (JsonNode r : table.json().path("items")) {
            JsonNode m = r.path("monitor");
            String can = m.path("allowed").asBoolean() ? "yes" : "no (" + m.path("reason").asText() + ")";
            String name = names.get(r.path("interactionId").asText());
            say(String.format("%-36s  %-5s %-8s %-12s %-13s %-7s %s%s", r.path("interactionId").asText(),
                    r.path("channel").asText(), r.path("flowId").asText(), r.path("agentName").asText(),
                    r.path("customer").asText(), r.path("state").asText(), can,
                    name == null ? "" : "   ← " + name));
        }
    }

    private JsonNode awaitSession(String samToken, String sessionId, String state) {
        Instant deadline = Instant.now().plus(WAIT);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get(monitoringUrl + "/api/monitoring/sessions/" + sessionId, samToken);
            if (last.ok() && state.equals(last.json().path("state").asText())) {
                return last.json();
            }
            if (last.ok() && "ENDED".equals(last.json().path("state").asText())) {
                throw new StepFailed("session " + sessionId + " ended (" + last.json().path("endReason").asText() + " "
                        + last.json().path("endDetail").asText("") + ") instead of becoming " + state);
            }
            sleep(50);
        }
        throw new StepFailed("session " + sessionId + " did not become " + state + " within " + WAIT.toSeconds()
                + " s; last answer: " + last);
    }

    private Optional<JsonNode> leg(String token, String callId, String sessionId) {
        Answer call = Api.get(telephonyUrl + "/api/telephony/calls/" + callId, token);
        if (!call.ok()) {
            return Optional.empty();
        }
        for (JsonNode leg : call.json().path("monitorLegs")) {
            if (sessionId.equals(leg.path("sessionId").asText())) {
                return Optional.of(leg);
            }
        }
        return Optional.empty();
    }

    private void printLeg(String token, String callId, String sessionId) {
        leg(token, callId, sessionId).ifPresent(l -> say("telephony-gateway: monitor leg " + l.path("legId").asText()
                + " to " + l.path("extensionAddress").asText() + " " + l.path("state").asText() + " " + l.path("mode").asText()));
    }

    private void awaitLegMode(String token, String callId, String sessionId, String mode) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> leg = leg(token, callId, sessionId);
            if (leg.isPresent() && mode.equals(leg.get().path("mode").asText())) {
                say("telephony-gateway: monitor leg " + leg.get().path("state").asText() + " " + mode);
                return;
            }
            sleep(50);
        }
        say("telephony-gateway: the monitor leg is not " + mode + " yet (commands travel over Kafka)");
    }

    // ------------------------------------------------------------------ helpers

    private static String label(JsonNode user, int index) {
        return user.path("extensions").path(index).path("label").asText();
    }

    // ------------------------------------------------------------------ curl hints

    /** Ready-to-copy curl commands: tokens (people and machine identities), table, monitor, barge, hang up, place a call, audit. */
    String curlExamples() {
        JsonNode adam = user("adam");
        String samExtension = user("sam").path("extensions").path(1).path("address").asText();
        return String.join(System.lineSeparator(),
                tokenFunctions(),
                "  SAM=\"Authorization: Bearer $(token sam)\"; JSON='Content-Type: application/json'",
                "  curl -s -H \"$SAM\" " + permissionUrl + "/api/me                                 # role, permissions, extensions in order",
                "  curl -s -H \"$SAM\" '" + monitoringUrl + "/api/monitoring/interactions?state=ACTIVE'   # the monitoring table",
                liveInteractionId != null
                        ? "  INTERACTION=" + liveInteractionId + "   # anna's call, still live"
                        : "  INTERACTION=$(curl -s -H \"$SAM\" '" + monitoringUrl + "/api/monitoring/interactions?state=ACTIVE' \\\n"
                        + "      | grep -o '\"interactionId\":\"[^\"]*\"' | head -1 | cut -d'\"' -f4)   # the newest live call",
                "  SESSION=$(curl -s -H \"$SAM\" -H \"$JSON\" -d \"{\\\"interactionId\\\":\\\"$INTERACTION\\\",\\\"extension\\\":\\\"" + samExtension + "\\\"}\" \\",
                "      " + monitoringUrl + "/api/monitoring/sessions | sed -E 's/.*\"sessionId\":\"([^\"]+)\".*/\\1/')",
                "  curl -s -H \"$SAM\" " + monitoringUrl + "/api/monitoring/sessions/$SESSION                 # DIALING, then ACTIVE SILENT",
                "  curl -s -X POST -H \"$SAM\" " + monitoringUrl + "/api/monitoring/sessions/$SESSION/barge   # also /mute, /coach",
                "  curl -s -X DELETE -H \"$SAM\" " + monitoringUrl + "/api/monitoring/sessions/$SESSION     # hang up sam's leg; the call goes on",
                "  PHONE=\"Authorization: Bearer $(client_token acme-phone-simulator)\"   # the phone simulator (OPERATE_SIMULATOR)",
                "  curl -s -H \"$PHONE\" -H \"$JSON\" -d '{\"flowId\":\"" + FLOW + "\",\"agentId\":\"" + adam.path("subject").asText()
                        + "\",\"agentName\":\"" + adam.path("displayName").asText() + "\",\"customerNumber\":\"+12025550123\"}' \\",
                "      " + telephonyUrl + "/api/telephony/calls                                  # place a call (answer: callId)",
                "  curl -s -H \"$PHONE\" -H \"$JSON\" -d '{\"by\":\"CUSTOMER\"}' " + telephonyUrl + "/api/telephony/calls/"
                        + (liveCallId != null ? liveCallId : "<callId>") + "/hangup   # the customer hangs up",
                "  curl -s -H \"Authorization: Bearer $(token alice)\" " + monitoringUrl + "/api/monitoring/audit   # audit trail (VIEW_AUDIT)");
    }
}
