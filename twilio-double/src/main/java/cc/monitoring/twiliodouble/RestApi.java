package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API on {@code /2010-04-01/Accounts/{AccountSid}/…}: HTTP basic auth with the account's
 * SID and auth token, form-encoded requests, JSON resources and Twilio's error bodies; faults injected
 * before the request is applied (or after, for the "applied but not answered" kinds).
 */
final class RestApi implements HttpHandler {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)(/.*)?");
    private static final Pattern CALLS = Pattern.compile("/Calls\\.json");
    private static final Pattern CALL = Pattern.compile("/Calls/([^/]+)\\.json");
    private static final Pattern CONFERENCES = Pattern.compile("/Conferences\\.json");
    private static final Pattern CONFERENCE = Pattern.compile("/Conferences/([^/]+)\\.json");
    private static final Pattern PARTICIPANTS = Pattern.compile("/Conferences/([^/]+)/Participants\\.json");
    private static final Pattern PARTICIPANT = Pattern.compile("/Conferences/([^/]+)/Participants/([^/]+)\\.json");

    /** What a request results in: a status, a JSON body or none, and what Twilio does once it answered. */
    private record Outcome(int status, JsonNode body, Runnable then) {
        static Outcome of(int status, JsonNode body) {
            return new Outcome(status, body, () -> { });
        }
    }

    private final Engine engine;
    private final Faults faults;
    private final TwilioOpenApi openApi;
    private final Duration timeoutHold;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<RequestViolation> violations = Collections.synchronizedList(new ArrayList<>());

    RestApi(Engine engine, Faults faults, TwilioOpenApi openApi, Duration timeoutHold) {
        this.engine = engine;
        this.faults = faults;
        this.openApi = openApi;
        this.timeoutHold = timeoutHold;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Form form;
            try {
                form = "POST".equals(method) ? Form.parse(body) : Form.parse(exchange.getRequestURI().getRawQuery());
            } catch (TwilioError e) {
                answer(exchange, method, path, Form.parse(null), null, error(e));
                return;
            }
            Matcher account = ACCOUNT_PATH.matcher(path);
            if (!account.matches()) {
                answer(exchange, method, path, form, null, error(TwilioError.notFound(path)));
                return;
            }
            String accountSid = account.group(1);
            if (!authenticated(exchange, accountSid)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                answer(exchange, method, path, form, accountSid, error(new TwilioError(401, 20003, "Authenticate")));
                return;
            }
            Optional<Faults.Fault> fault = faults.take(method, path);
            if (fault.isPresent() && fault.get().kind() == Faults.Kind.STATUS) {
                answer(exchange, method, path, form, accountSid, error(TwilioError.injected(fault.get().status())));
                return;
            }
            boolean applies = fault.isEmpty() || fault.get().kind() == Faults.Kind.TIMEOUT_AFTER_APPLYING
                    || fault.get().kind() == Faults.Kind.DROP_AFTER_APPLYING;
            Outcome outcome = null;
            if (applies) {
                try {
                    outcome = route(method, path, accountSid, account.group(2) == null ? "" : account.group(2), form);
                } catch (TwilioError e) {
                    outcome = error(e);
                } catch (RuntimeException e) {
                    System.err.println("twilio-double: " + method + " " + path + " failed: " + e);
                    outcome = error(new TwilioError(500, 20500, "An internal server error has occurred"));
                }
            }
            if (fault.isPresent()) {
                record(method, path, form, accountSid, 0, null);
                if (outcome != null) {
                    outcome.then().run();
                }
                Faults.Kind kind = fault.get().kind();
                if (kind == Faults.Kind.TIMEOUT || kind == Faults.Kind.TIMEOUT_AFTER_APPLYING) {
                    hold();
                } else if (kind == Faults.Kind.HOLD) {
                    faults.holdUntilReleased(timeoutHold.toMillis());
                }
                return; // closing the exchange without a response drops the connection
            }
            answer(exchange, method, path, form, accountSid, outcome);
        }
    }

    private void hold() {
        try {
            closing.await(timeoutHold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        closing.countDown();
    }

    private Outcome route(String method, String fullPath, String accountSid, String rest, Form form) {
        Matcher m;
        if ((m = CALLS.matcher(rest)).matches()) {
            return switch (method) {
                case "GET" -> Outcome.of(200, Resources.page("calls", fullPath, pageSize(form),
                        engine.calls(accountSid).stream().filter(callFilter(form)).toList(), Resources::call));
                case "POST" -> {
                    CallLeg call = engine.createCall(accountSid, form);
                    CountDownLatch answered = new CountDownLatch(1);
                    engine.startDialing(call, answered);
                    yield new Outcome(201, Resources.call(call), answered::countDown);
                }
                default -> throw notAllowed(method);
            };
        }
        if ((m = CALL.matcher(rest)).matches()) {
            CallLeg call = engine.call(accountSid, m.group(1), fullPath);
            return switch (method) {
                case "GET" -> Outcome.of(200, Resources.call(call));
                case "POST" -> Outcome.of(200, Resources.call(engine.updateCall(call, form)));
                case "DELETE" -> {
                    engine.deleteCall(call);
                    yield Outcome.of(204, null);
                }
                default -> throw notAllowed(method);
            };
        }
        if ((m = CONFERENCES.matcher(rest)).matches()) {
            if (!"GET".equals(method)) {
                throw notAllowed(method);
            }
            return Outcome.of(200, Resources.page("conferences", fullPath, pageSize(form),
                    engine.conferences(accountSid).stream().filter(conferenceFilter(form)).toList(), Resources::conference));
        }
        if ((m = CONFERENCE.matcher(rest)).matches()) {
            Conference conference = engine.conference(accountSid, m.group(1), fullPath);
            return switch (method) {
                case "GET" -> Outcome.of(200, Resources.conference(conference));
                case "POST" -> Outcome.of(200, Resources.conference(engine.updateConference(conference, form)));
                default -> throw notAllowed(method);
            };
        }
        if ((m = PARTICIPANTS.matcher(rest)).matches()) {
            String conferenceSid = m.group(1);
            return switch (method) {
                case "GET" -> Outcome.of(200, Resources.page("participants", fullPath, pageSize(form),
                        engine.participants(accountSid, conferenceSid, fullPath).stream()
                                .filter(participantFilter(form)).toList(), Resources::participant));
                case "POST" -> {
                    Participant p = engine.createParticipant(accountSid, conferenceSid, form, fullPath);
                    CountDownLatch answered = new CountDownLatch(1);
                    engine.startDialing(p.call, answered);
                    yield new Outcome(201, Resources.participant(p), answered::countDown);
                }
                default -> throw notAllowed(method);
            };
        }
        if ((m = PARTICIPANT.matcher(rest)).matches()) {
            Participant p = engine.participant(accountSid, m.group(1), m.group(2), fullPath);
            return switch (method) {
                case "GET" -> Outcome.of(200, Resources.participant(p));
                case "POST" -> Outcome.of(200, Resources.participant(engine.updateParticipant(p, form)));
                case "DELETE" -> {
                    engine.deleteParticipant(p);
                    yield Outcome.of(204, null);
                }
                default -> throw notAllowed(method);
            };
        }
        throw TwilioError.notFound(fullPath);
    }

    private static TwilioError notAllowed(String method) {
        return new TwilioError(405, 20004, "Method not allowed");
    }

    private static int pageSize(Form form) {
        Integer size = form.integer("PageSize");
        return size == null ? 50 : Math.max(1, Math.min(1000, size));
    }

    private static Predicate<CallLeg> callFilter(Form form) {
        return c -> (form.first("To") == null || form.first("To").equals(c.to))
                && (form.first("From") == null || form.first("From").equals(c.from))
                && (form.first("Status") == null || form.first("Status").equals(c.status));
    }

    private static Predicate<Conference> conferenceFilter(Form form) {
        return c -> (form.first("FriendlyName") == null || form.first("FriendlyName").equals(c.friendlyName))
                && (form.first("Status") == null || form.first("Status").equals(c.status));
    }

    private static Predicate<Participant> participantFilter(Form form) {
        return p -> (form.first("Muted") == null || form.bool("Muted", false) == p.muted)
                && (form.first("Hold") == null || form.bool("Hold", false) == p.hold)
                && (form.first("Coaching") == null || form.bool("Coaching", false) == p.coaching);
    }

    private boolean authenticated(HttpExchange exchange, String accountSid) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<TwilioDouble.Account> account = engine.account(accountSid);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || account.isEmpty()) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String expected = account.get().sid() + ":" + account.get().authToken();
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), decoded.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome error(TwilioError e) {
        return Outcome.of(e.status, Resources.error(e));
    }

    private void answer(HttpExchange exchange, String method, String path, Form form, String accountSid, Outcome outcome)
            throws IOException {
        String json = outcome.body() == null ? "" : outcome.body().toString();
        record(method, path, form, accountSid, outcome.status(), json);
        try {
            if (outcome.body() == null) {
                exchange.sendResponseHeaders(outcome.status(), -1);
            } else {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.getResponseHeaders().add("Twilio-Request-Id", "RQ" + engine.sid("").substring(0, 32));
                exchange.sendResponseHeaders(outcome.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.getResponseBody().close();
        } finally {
            outcome.then().run();
        }
    }

    private void record(String method, String path, Form form, String accountSid, int status, String body) {
        RecordedRequest request = new RecordedRequest(method, path, form.asMap(), accountSid, status, body);
        requests.add(request);
        List<String> problems = openApi.checkRequest(method, path, form.asMap());
        if (!problems.isEmpty()) {
            violations.add(new RequestViolation(request, problems));
        }
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<RequestViolation> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    void clear() {
        requests.clear();
        violations.clear();
    }
}
