package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio Programmable Voice: a monitor leg is a participant added to the call's conference
 * ({@code callRef} is the ConferenceSid), dialed muted, without a beep, and never allowed to end the
 * conference when it leaves ({@code EndConferenceOnExit=false}). Only the conference's Participants
 * resource is used: the gateway never updates or deletes a Call or a Conference (B24).
 * <p>
 * Progress of a leg (answered, busy, no answer, completed) comes back through the status callback,
 * {@code <webhook base>/api/telephony/twilio/participant-status?legId=...}.
 */
public final class TwilioProvider implements TelephonyProvider {

    private static final Logger LOG = Logger.getLogger(TwilioProvider.class);
    public static final String PARTICIPANT_CALLBACK_PATH = "/api/telephony/twilio/participant-status";
    /** Twilio error codes that mean the dialed number or address is not valid. */
    private static final Set<Integer> INVALID_TO = Set.of(21211, 21214, 21217, 21219, 13223, 13224, 21215);

    private final String accountSid;
    private final String authToken;
    private final String apiBaseUrl;
    private final String callerId;
    private final String webhookBaseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** Participant CallSids learned in this process, for legs whose sid the gateway has not stored yet. */
    private final Map<String, String> callSids = new ConcurrentHashMap<>();
    private volatile TelephonyListener listener;

    public TwilioProvider(String accountSid, String authToken, String apiBaseUrl, String callerId,
                          String webhookBaseUrl, HttpClient http) {
        this.accountSid = require(accountSid, "TWILIO_ACCOUNT_SID");
        this.authToken = require(authToken, "TWILIO_AUTH_TOKEN");
        this.apiBaseUrl = stripSlash(apiBaseUrl);
        this.callerId = require(callerId, "TWILIO_CALLER_ID");
        this.webhookBaseUrl = stripSlash(require(webhookBaseUrl, "TWILIO_WEBHOOK_BASE_URL"));
        this.http = http;
    }

    @Override
    public void listen(TelephonyListener listener) {
        this.listener = listener;
    }

    @Override
    public void dialMonitorLeg(DialRequest request) {
        Form form = new Form()
                .add("From", callerId)
                .add("To", request.extensionAddress())
                .add("Label", "monitor-" + request.legId())
                .add("Muted", "true")
                .add("Beep", "false")
                .add("EarlyMedia", "false")
                .add("StartConferenceOnEnter", "false")
                .add("EndConferenceOnExit", "false")
                .add("StatusCallback", webhookBaseUrl + PARTICIPANT_CALLBACK_PATH + "?legId="
                        + URLEncoder.encode(request.legId(), StandardCharsets.UTF_8))
                .add("StatusCallbackMethod", "POST")
                .add("StatusCallbackEvent", "initiated")
                .add("StatusCallbackEvent", "ringing")
                .add("StatusCallbackEvent", "answered")
                .add("StatusCallbackEvent", "completed");
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(participants(request.callRef(), null))
                    .POST(HttpRequest.BodyPublishers.ofString(form.encoded()))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
        } catch (IOException e) {
            LOG.warnf("dialing monitor leg %s failed: %s", request.legId(), e.getMessage());
            listener.legFailed(request.legId(), LegFailure.PROVIDER_ERROR);
            return;
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            String callSid = field(response.body(), "call_sid");
            if (callSid != null) {
                callSids.put(request.legId(), callSid);
                listener.legRinging(request.legId(), callSid);
            }
            return;
        }
        LegFailure failure = status == 404 ? LegFailure.CALL_NOT_FOUND
                : status == 400 && INVALID_TO.contains(errorCode(response.body())) ? LegFailure.UNKNOWN_EXTENSION
                : LegFailure.PROVIDER_ERROR;
        LOG.infof("Twilio refused monitor leg %s: %d %s", request.legId(), status, response.body());
        listener.legFailed(request.legId(), failure);
    }

    /**
     * Updates the participant; Twilio's answer is the confirmation (B29): 200 reports the new mode, a
     * 404 (the participant left) or any other refusal, or no answer at all, reports the change refused.
     */
    @Override
    public void setMonitorLegMode(LegRef leg, LegMode mode) {
        String callSid = callSidOf(leg);
        if (callSid == null) {
            LOG.warnf("no Twilio participant known for monitor leg %s; mode not changed", leg.legId());
            listener.legModeRefused(leg.legId(), ModeRefusal.LEG_NOT_CONNECTED);
            return;
        }
        Form form = new Form();
        switch (mode) {
            case MUTED -> form.add("Muted", "true").add("Coaching", "false");
            case UNMUTED -> form.add("Muted", "false").add("Coaching", "false");
            case COACHING -> {
                if (leg.agentLegRef() == null) {
                    LOG.warnf("cannot coach on monitor leg %s: the agent's CallSid is unknown", leg.legId());
                    listener.legModeRefused(leg.legId(), ModeRefusal.PROVIDER_ERROR);
                    return;
                }
                form.add("Muted", "false").add("Coaching", "true").add("CallSidToCoach", leg.agentLegRef());
            }
        }
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(participants(leg.callRef(), callSid))
                    .POST(HttpRequest.BodyPublishers.ofString(form.encoded()))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
        } catch (IOException e) {
            LOG.warnf("changing the mode of monitor leg %s failed: %s", leg.legId(), e.getMessage());
            listener.legModeRefused(leg.legId(), ModeRefusal.PROVIDER_ERROR);
            return;
        }
        if (response.statusCode() == 200) {
            listener.legModeChanged(leg.legId(), mode);
        } else {
            LOG.warnf("Twilio refused the mode of monitor leg %s: %d %s", leg.legId(), response.statusCode(),
                    response.body());
            listener.legModeRefused(leg.legId(),
                    response.statusCode() == 404 ? ModeRefusal.LEG_NOT_CONNECTED : ModeRefusal.PROVIDER_ERROR);
        }
    }

    @Override
    public void hangUpMonitorLeg(LegRef leg) {
        String callSid = callSidOf(leg);
        if (callSid == null) {
            LOG.warnf("no Twilio participant known for monitor leg %s; nothing to hang up", leg.legId());
            return;
        }
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(participants(leg.callRef(), callSid)).DELETE());
            if (response.statusCode() == 204 || response.statusCode() == 404) {
                callSids.remove(leg.legId());
                listener.legEnded(leg.legId(), LegEndReason.HUNG_UP);
            } else {
                LOG.warnf("Twilio refused to remove monitor leg %s: %d %s", leg.legId(), response.statusCode(),
                        response.body());
            }
        } catch (IOException e) {
            LOG.warnf("hanging up monitor leg %s failed: %s", leg.legId(), e.getMessage());
        }
    }

    private String callSidOf(LegRef leg) {
        return leg.providerLegRef() != null ? leg.providerLegRef() : callSids.get(leg.legId());
    }

    private URI participants(String conferenceSid, String callSid) {
        String base = apiBaseUrl + "/2010-04-01/Accounts/" + path(accountSid) + "/Conferences/" + path(conferenceSid)
                + "/Participants";
        return URI.create(callSid == null ? base + ".json" : base + "/" + path(callSid) + ".json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        String basic = Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(request.timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Basic " + basic)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body).path(name);
            return node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private int errorCode(String body) {
        try {
            return json.readTree(body).path("code").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("telephony.provider=twilio needs " + name);
        }
        return value;
    }

    /** An application/x-www-form-urlencoded body; a name may repeat. */
    private static final class Form {
        private final List<String> pairs = new ArrayList<>();

        Form add(String name, String value) {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        String encoded() {
            return String.join("&", pairs);
        }
    }
}
