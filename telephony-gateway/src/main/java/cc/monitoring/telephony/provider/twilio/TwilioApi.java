package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts.Account;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The parts of Twilio's REST API (2010-04-01) the gateway uses: a conference's Participants (create, fetch,
 * update, delete; addressed by CallSid or label) and a Call (fetch, update). Form-encoded requests, HTTP basic
 * auth with the account's SID and auth token, JSON answers.
 * <p>
 * Failures are {@link ProviderFailure}s: HTTP 429, any 5xx, a timeout or no connection are retryable; any
 * other refusal is not, with reason {@code HTTP_<status>} and Twilio's error code in the message (never a
 * credential). A 404 is an answer, not a failure, where the caller can act on it ({@link Optional#empty()}).
 */
public final class TwilioApi {

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public TwilioApi(String baseUrl, HttpClient http, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.timeout = timeout;
    }

    /** The participant (by CallSid or label), or empty when the conference has none such (404). */
    public Optional<JsonNode> participant(Account account, String conferenceSid, String participant) {
        Answer answer = send(account, HttpRequest.newBuilder(participants(account, conferenceSid, participant)).GET());
        return answer.status == 404 ? Optional.empty() : Optional.of(answer.ok().body());
    }

    /** Participants create: dials {@code To} into the conference. */
    public Answer addParticipant(Account account, String conferenceSid, Form form) {
        return send(account, post(participants(account, conferenceSid, null), form));
    }

    /** Participants update (muted, coaching); empty when the participant is gone (404). */
    public Optional<JsonNode> updateParticipant(Account account, String conferenceSid, String participant, Form form) {
        Answer answer = send(account, post(participants(account, conferenceSid, participant), form));
        return answer.status == 404 ? Optional.empty() : Optional.of(answer.ok().body());
    }

    /** Participants delete: takes that participant out; false when it was not there (404). */
    public boolean removeParticipant(Account account, String conferenceSid, String participant) {
        Answer answer = send(account, HttpRequest.newBuilder(participants(account, conferenceSid, participant)).DELETE());
        if (answer.status == 404) {
            return false;
        }
        answer.ok();
        return true;
    }

    /** The Call resource, or empty when Twilio does not know it (404). */
    public Optional<JsonNode> call(Account account, String callSid) {
        Answer answer = send(account, HttpRequest.newBuilder(calls(account, callSid)).GET());
        return answer.status == 404 ? Optional.empty() : Optional.of(answer.ok().body());
    }

    /** Calls update (e.g. {@code Status=completed}); false when Twilio does not know the call (404). */
    public boolean updateCall(Account account, String callSid, Form form) {
        Answer answer = send(account, post(calls(account, callSid), form));
        if (answer.status == 404) {
            return false;
        }
        answer.ok();
        return true;
    }

    private URI participants(Account account, String conferenceSid, String participant) {
        String base = baseUrl + "/2010-04-01/Accounts/" + segment(account.accountSid()) + "/Conferences/"
                + segment(conferenceSid) + "/Participants";
        return URI.create(participant == null ? base + ".json" : base + "/" + segment(participant) + ".json");
    }

    private URI calls(Account account, String callSid) {
        return URI.create(baseUrl + "/2010-04-01/Accounts/" + segment(account.accountSid()) + "/Calls/" + segment(callSid)
                + ".json");
    }

    private static HttpRequest.Builder post(URI uri, Form form) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(form.encoded()))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    private Answer send(Account account, HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString(
                (account.accountSid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout)
                            .header("Authorization", "Basic " + basic)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw ProviderFailure.retryable("TIMEOUT", "Twilio did not answer within " + timeout);
        } catch (IOException e) {
            throw ProviderFailure.retryable("UNREACHABLE", "Twilio could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderFailure.retryable("INTERRUPTED", "interrupted while waiting for Twilio");
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** Twilio's answer: the status and, as JSON, the resource or the error ({@code code}, {@code message}). */
    public final class Answer {
        public final int status;
        private final String text;

        Answer(int status, String text) {
            this.status = status;
            this.text = text == null ? "" : text;
        }

        public JsonNode body() {
            try {
                return text.isEmpty() ? json.nullNode() : json.readTree(text);
            } catch (IOException e) {
                return json.nullNode();
            }
        }

        /** Twilio's error code (e.g. 20404, 21211), 0 when the body has none. */
        public int errorCode() {
            return body().path("code").asInt(0);
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** This answer if it is a success, otherwise the {@link ProviderFailure} it means. */
        public Answer ok() {
            if (succeeded()) {
                return this;
            }
            throw failure();
        }

        public ProviderFailure failure() {
            String message = "Twilio answered " + status + (errorCode() == 0 ? "" : " (error " + errorCode() + ")");
            return status == 429 || status >= 500 ? ProviderFailure.retryable("HTTP_" + status, message)
                    : ProviderFailure.refused("HTTP_" + status, message);
        }
    }

    /** An application/x-www-form-urlencoded body; a name may repeat. */
    public static final class Form {
        private final List<String> pairs = new ArrayList<>();

        public Form add(String name, String value) {
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        String encoded() {
            return String.join("&", pairs);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
